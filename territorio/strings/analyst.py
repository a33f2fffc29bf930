"""Texts of the analyst tools: area profile, event study, exports, rendered map, citation."""

TEXTS = {
    # --- the filter in words (exports, pictures, citations) ---
    "words_incidents": {"en": "Incidents", "es": "Incidentes"},
    "words_between": {"en": "{start} – {end}", "es": "{start} – {end}"},
    "words_since": {"en": "from {start}", "es": "desde el {start}"},
    "words_until": {"en": "until {end}", "es": "hasta el {end}"},
    "words_all_dates": {"en": "all dates", "es": "todas las fechas"},
    "words_all_areas": {"en": "all areas", "es": "todas las zonas"},
    "words_areas": {"en": "area: {names}", "es": "zona: {names}"},
    "words_all_types": {"en": "all types", "es": "todos los tipos"},
    "words_types": {"en": "type: {names}", "es": "tipo: {names}"},
    "words_all_actors": {"en": "all actors", "es": "todos los actores"},
    "words_actors": {"en": "actor: {names}", "es": "actor: {names}"},
    "words_min_fatalities": {"en": "at least {n} killed", "es": "al menos {n} víctimas fatales"},
    "licence_text": {
        "en": "Catalog: Territorio, CC BY 4.0; parish boundaries: {ocha}.",
        "es": "Catálogo: Territorio, CC BY 4.0; límites parroquiales: {ocha}.",
    },
    "export_title": {
        "en": "Territorio: territorial control, peace zones and violence in Caracas",
        "es": "Territorio: control territorial, zonas de paz y violencia en Caracas",
    },
    "export_sources_note": {
        "en": "Each row lists its sources (column 'sources'); every source with its outlet is in sources.csv "
        "of the data package.",
        "es": "Cada fila indica sus fuentes (columna 'sources'); cada fuente con su medio está en sources.csv "
        "del paquete de datos.",
    },
}

TEXTS.update({
    # --- citation ---
    "cite_text": {
        "en": "{title}. Data version {version}. Accessed {accessed}. {link}",
        "es": "{title}. Versión de los datos {version}. Consultado el {accessed}. {link}",
    },
    "cite_view": {"en": "View: {view}.", "es": "Vista: {view}."},
    "cite_uploaded": {
        "en": "Note: this view includes data uploaded by the reader; the link cannot carry that data and "
        "reopens only the embedded catalog.",
        "es": "Nota: esta vista incluye datos subidos por quien la consulta; el enlace no puede llevar esos datos "
        "y abre solo el catálogo incluido.",
    },
    "cite_heading": {"en": "Cite this view", "es": "Citar esta vista"},
})
