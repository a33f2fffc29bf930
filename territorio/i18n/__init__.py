"""Every user-facing string, in English and Spanish, declared as data."""

from __future__ import annotations

LANGS = ("en", "es")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "es": "Español"}

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Territorio", "es": "Territorio"},
    "tagline": {
        "en": "A sourced map of territorial control, peace zones and violence in Caracas, 2013-2024.",
        "es": "Un mapa con fuentes del control territorial, las zonas de paz y la violencia en Caracas, 2013-2024.",
    },
    "page_explore": {"en": "Map", "es": "Mapa"},
    "page_sources": {"en": "Sources & method", "es": "Fuentes y método"},
    "map_title": {
        "en": "Caracas: territorial control and violence",
        "es": "Caracas: control territorial y violencia",
    },
    "language": {"en": "Language", "es": "Idioma"},
    "basemap_online": {"en": "Online street basemap (needs internet)",
                       "es": "Mapa base de calles en línea (requiere internet)"},
    "basemap_help": {
        "en": "Off by default: the map is drawn from the project's own data and works with no internet.",
        "es": "Desactivado por defecto: el mapa se dibuja con los datos del proyecto y funciona sin internet.",
    },
    "parish": {"en": "Parish", "es": "Parroquia"},
    "municipality": {"en": "Municipality", "es": "Municipio"},
    "layer_parishes": {"en": "Parishes", "es": "Parroquias"},
    "layer_municipalities": {"en": "Municipal outlines", "es": "Límites municipales"},
    "legend": {"en": "Legend", "es": "Leyenda"},
    "legend_parish": {"en": "Parish (name on hover)", "es": "Parroquia (nombre al pasar el cursor)"},
    "legend_municipality": {"en": "Municipal boundary", "es": "Límite municipal"},
    "map_summary": {
        "en": "{parishes} parishes in {municipalities} municipalities: Libertador (Distrito Capital) and "
        "Baruta, Chacao, El Hatillo and Sucre (Miranda).",
        "es": "{parishes} parroquias en {municipalities} municipios: Libertador (Distrito Capital) y "
        "Baruta, Chacao, El Hatillo y Sucre (Miranda).",
    },
    "attribution": {
        "en": "Parish boundaries: OCHA / INE Venezuela, CC BY-IGO.",
        "es": "Límites parroquiales: OCHA / INE Venezuela, CC BY-IGO.",
    },
    "sectors_table": {"en": "Sector outlines: method and uncertainty",
                      "es": "Contornos de sectores: método e incertidumbre"},
    "col_sector": {"en": "Sector", "es": "Sector"},
    "col_method": {"en": "How it was drawn", "es": "Cómo se dibujó"},
    "col_uncertainty": {"en": "How far to trust it", "es": "Cuánto confiar"},
    "coverage_title": {"en": "Known gaps", "es": "Vacíos conocidos"},
    "coverage_years": {
        "en": "Incidents in the catalog per year. Years with few dots had few *sourced, dated* events found, "
        "not little violence.",
        "es": "Incidentes del catálogo por año. Los años con pocos puntos tuvieron pocos hechos *con fuente y fecha* "
        "encontrados, no poca violencia.",
    },
    "coverage_years_summary": {
        "en": "{total} incidents from {first} to {last}; busiest year {top} ({top_n}); years with none: {empty}.",
        "es": "{total} incidentes de {first} a {last}; año con más: {top} ({top_n}); años sin ninguno: {empty}.",
    },
    "col_year": {"en": "Year", "es": "Año"},
    "col_incidents": {"en": "Incidents", "es": "Incidentes"},
    "coverage_parishes": {
        "en": "Parishes with no recorded incident ({n} of {total}): {names}. Absence of dots is not calm.",
        "es": "Parroquias sin incidentes registrados ({n} de {total}): {names}. La ausencia de puntos no es calma.",
    },
    "coverage_notes": {
        "en": "Also from the research notes: no designation dates were found for El Cementerio or El Valle as "
        "peace zones; Cota 905, La Vega and El Valle after 2022 are poorly covered; events found without a usable "
        "date were left out (listed in geodata/sources/NOTES.md).",
        "es": "También de las notas de investigación: no se encontraron fechas de declaración de El Cementerio ni de "
        "El Valle como zonas de paz; la Cota 905, La Vega y El Valle después de 2022 están poco cubiertos; los "
        "hechos sin fecha utilizable se dejaron fuera (listados en geodata/sources/NOTES.md).",
    },
    "mirrors_title": {"en": "Sources read only through a mirror or copy",
                      "es": "Fuentes leídas solo a través de una copia"},
    "mirrors_intro": {
        "en": "For these, the original outlet's page could not be read; a copy was. Check the originals before "
        "publishing.",
        "es": "De estas no se pudo leer la página original del medio, sino una copia. Verifique los originales "
        "antes de publicar.",
    },
    "col_outlet": {"en": "Original outlet", "es": "Medio original"},
    "col_host": {"en": "Copy read at", "es": "Copia leída en"},
    "col_events": {"en": "Events", "es": "Hechos"},
    "fatalities": {"en": "Fatalities", "es": "Víctimas fatales"},
    "fatalities_unknown": {"en": "no figure reported", "es": "sin cifra reportada"},
    "actors": {"en": "Actors", "es": "Actores"},
    "sources": {"en": "Sources", "es": "Fuentes"},
    "location": {"en": "Location", "es": "Ubicación"},
    "translated": {"en": "translation", "es": "traducción del inglés"},
    "mirror_copy": {"en": "copy read at", "es": "copia leída en"},
    "precision_day": {"en": "exact day", "es": "día exacto"},
    "precision_month": {"en": "month only", "es": "solo el mes"},
    "precision_year": {"en": "year only", "es": "solo el año"},
    "loc_site_point": {"en": "sourced point of the site", "es": "punto del lugar con fuente"},
    "loc_sector_proxy": {"en": "approximate: the sector's single reference point",
                         "es": "aproximada: el único punto de referencia del sector"},
    "loc_parish_reference": {"en": "approximate: the parish's reference point",
                             "es": "aproximada: el punto de referencia de la parroquia"},
    "loc_town_point": {"en": "approximate: the town's point", "es": "aproximada: el punto del pueblo"},
    "loc_estimate_unverified": {"en": "unverified estimate (about 1 km)", "es": "estimación sin verificar (~1 km)"},
    "loc_not_mapped": {"en": "not mapped (no sourced coordinate)", "es": "sin ubicar (sin coordenada con fuente)"},
    "layer_sectors": {"en": "Sectors (approximate outlines)", "es": "Sectores (contornos aproximados)"},
    "layer_incidents": {"en": "Incidents", "es": "Incidentes"},
    "legend_sector": {"en": "Sector, approximate outline", "es": "Sector, contorno aproximado"},
    "legend_size": {"en": "Circle size: fatalities (upper figure); hollow: no figure reported",
                    "es": "Tamaño del círculo: víctimas fatales (cifra mayor); hueco: sin cifra"},
    "legend_cluster": {"en": "Numbered circle: incidents sharing one point (click to spread them)",
                       "es": "Círculo con número: incidentes en un mismo punto (clic para separarlos)"},
    "metric_incidents": {"en": "Incidents", "es": "Incidentes"},
    "metric_fatalities": {"en": "Fatalities", "es": "Víctimas fatales"},
    "metric_fatalities_help": {"en": "{unknown} incident(s) with no figure", "es": "{unknown} incidente(s) sin cifra"},
    "window": {"en": "Time window", "es": "Ventana de tiempo"},
    "shown_sentence": {
        "en": "{n} incidents, {killed} killed, in metropolitan Caracas and beyond, {start} – {end}; "
        "{unmapped} not mapped, {uncertain} date-uncertain, {unknown} with no death toll reported.",
        "es": "{n} incidentes, {killed} víctimas fatales, en la Caracas metropolitana y fuera de ella, "
        "{start} – {end}; {unmapped} sin ubicar, {uncertain} de fecha incierta, {unknown} sin cifra de víctimas.",
    },
    "data_version": {"en": "Data version {version}", "es": "Versión de los datos {version}"},
}


def _merge_parts() -> None:
    """Add the texts each feature declares in its own module under territorio/i18n/strings/ (one dict TEXTS each),
    so features never edit one shared table. A key declared twice is a bug, said at import."""
    import importlib
    import pkgutil

    from territorio.i18n import strings

    for info in sorted(pkgutil.iter_modules(strings.__path__), key=lambda i: i.name):
        part = importlib.import_module(f"territorio.i18n.strings.{info.name}").TEXTS
        clash = sorted(set(part) & set(TEXTS))
        if clash:
            raise KeyError(f"territorio.i18n.strings.{info.name} redefines text key(s) {clash}")
        TEXTS.update(part)


_merge_parts()


def normalise_lang(value: str | None) -> str:
    value = (value or "").strip().lower()[:2]
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang`, with {placeholders} filled."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text
