"""Texts of the map's layout and keyboard access (territorio.map.layout): names a screen reader says."""

TEXTS = {
    "a11y_map": {"en": "Map of Caracas. Tab reaches the zoom buttons, then each incident and group; Enter opens it.",
                 "es": "Mapa de Caracas. Tab lleva a los botones de zoom y luego a cada incidente y grupo; "
                       "Enter lo abre."},
    "a11y_cluster": {"en": "{n} incidents here: Enter shows them", "es": "{n} incidentes aquí: Enter los muestra"},
    "map_table_link": {"en": "The same incidents as a table, with sources.",
                       "es": "Los mismos incidentes en una tabla, con fuentes."},
    "brief_sources_count": {"en": "Sources ({n}) · key S shows them", "es": "Fuentes ({n}) · la tecla S las muestra"},
    "legend_parish_picture": {"en": "Parish", "es": "Parroquia"},
    "legend_stack": {"en": "×n: n incidents at one point", "es": "×n: n incidentes en un mismo punto"},
    "a11y_incident": {"en": "Incident: Enter opens its details", "es": "Incidente: Enter abre sus detalles"},
}
