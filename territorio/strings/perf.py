"""Texts of large datasets: aggregated incidents on the map, and the synthetic-data banner."""

TEXTS = {
    "agg_title": {"en": "Incidents per hexagon", "es": "Incidentes por hexágono"},
    "agg_note": {"en": "{n} incidents shown as counts per hexagon; zoom in to see points.",
                 "es": "{n} incidentes mostrados como recuentos por hexágono; acerque el mapa para ver los puntos."},
    "agg_tip": {"en": "{n} incidents here; zoom in to see them", "es": "{n} incidentes aquí; acerque para verlos"},
    "agg_tip_one": {"en": "1 incident here; zoom in to see it", "es": "1 incidente aquí; acerque para verlo"},
    "points_in_view_note": {"en": "Showing the {shown} incidents in view, of {n} on the map; move the map to see the others.",
                            "es": "Se muestran los {shown} incidentes a la vista, de {n} en el mapa; mueva el mapa "
                                  "para ver los demás."},
    "synthetic_banner": {"en": "SYNTHETIC DATA: {n} generated incidents (seed {seed}) for performance testing. "
                               "None of them is a real event.",
                         "es": "DATOS SINTÉTICOS: {n} incidentes generados (semilla {seed}) para pruebas de "
                               "rendimiento. Ninguno es un hecho real."},
}
