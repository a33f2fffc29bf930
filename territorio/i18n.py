"""Every user-facing string, in English and Spanish, declared as data."""

from __future__ import annotations

LANGS = ("en", "es")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "es": "Español"}

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Territorio", "es": "Territorio"},
    "tagline": {
        "en": "A sourced map of territorial control, peace zones and violence in Caracas, 2013-2023.",
        "es": "Un mapa con fuentes del control territorial, las zonas de paz y la violencia en Caracas, 2013-2023.",
    },
    "page_explore": {"en": "Map", "es": "Mapa"},
    "page_sources": {"en": "Sources & method", "es": "Fuentes y método"},
    "map_title": {
        "en": "Metropolitan Caracas: parishes and municipalities",
        "es": "Caracas metropolitana: parroquias y municipios",
    },
    "language": {"en": "Language", "es": "Idioma"},
    "basemap_online": {"en": "Online street basemap (needs internet)", "es": "Mapa base de calles en línea (requiere internet)"},
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
    "data_version": {"en": "Data version {version}", "es": "Versión de los datos {version}"},
}


def normalise_lang(value: str | None) -> str:
    value = (value or "").strip().lower()[:2]
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang`, with {placeholders} filled."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text
