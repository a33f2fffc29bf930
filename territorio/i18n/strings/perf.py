"""Texts of large datasets and fast pages: aggregated incidents on the map, the map drawn first, and the
synthetic-data banner."""

TEXTS = {
    "agg_title": {"en": "Incidents per hexagon", "es": "Incidentes por hexágono"},
    "agg_note": {"en": "{n} incidents shown as counts per hexagon; zoom in to see points.",
                 "es": "{n} incidentes mostrados como recuentos por hexágono; acerque el mapa para ver los puntos."},
    "agg_tip": {"en": "{n} incidents here; zoom in to see them", "es": "{n} incidentes aquí; acerque para verlos"},
    "agg_tip_one": {"en": "1 incident here; zoom in to see it", "es": "1 incidente aquí; acerque para verlo"},
    "upload_agg_title": {"en": "Your data: {name}, incidents per hexagon (grey, inside the cell)",
                         "es": "Sus datos: {name}, incidentes por hexágono (gris, dentro de la celda)"},
    "upload_agg_tip": {"en": "Your data: {n} incidents here; zoom in to see them",
                       "es": "Sus datos: {n} incidentes aquí; acerque para verlos"},
    "upload_agg_tip_one": {"en": "Your data: 1 incident here; zoom in to see it",
                           "es": "Sus datos: 1 incidente aquí; acerque para verlo"},
    "points_in_view_note": {"en": "Showing the {shown} incidents in view, of {n} on the map; move the map to see the "
                                  "others.",
                            "es": "Se muestran los {shown} incidentes a la vista, de {n} en el mapa; mueva el mapa "
                                  "para ver los demás."},
    "below_map_pending": {"en": "The timeline, what held on the last day and the downloads follow once the map is "
                                "drawn.",
                          "es": "La línea de tiempo, lo vigente el último día y las descargas aparecen cuando el mapa "
                                "esté dibujado."},
    "synthetic_banner": {"en": "SYNTHETIC DATA: {n} generated incidents (seed {seed}) for performance testing. "
                               "None of them is a real event.",
                         "es": "DATOS SINTÉTICOS: {n} incidentes generados (semilla {seed}) para pruebas de "
                               "rendimiento. Ninguno es un hecho real."},
}
