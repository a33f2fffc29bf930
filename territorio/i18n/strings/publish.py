"""Texts of the published explorer (`territorio publish`) and of the playback video (`territorio animate`)."""

TEXTS = {
    "publish_open_full": {"en": "Open the full map", "es": "Abrir el mapa completo"},
    "publish_offline": {"en": "Published with Territorio, data {version}. Works offline: nothing on this page "
                              "is loaded from elsewhere.",
                        "es": "Publicado con Territorio, datos {version}. Funciona sin conexión: nada de esta página "
                              "se carga de otro sitio."},
    "publish_embed_note": {"en": "Filters, time and view are kept in the address: share it to show exactly this.",
                           "es": "Filtros, tiempo y vista quedan en la dirección: compártala para mostrar exactamente "
                                 "esto."},
    "publish_synthetic": {"en": "SYNTHETIC DATA for a benchmark: not real events.",
                          "es": "DATOS SINTÉTICOS para una prueba de rendimiento: no son hechos reales."},
    "publish_from": {"en": "From", "es": "Desde"},
    "publish_to": {"en": "To", "es": "Hasta"},
    "publish_no_sources": {"en": "No source listed.", "es": "Sin fuente registrada."},
    "publish_single_source": {"en": "single source", "es": "una sola fuente"},
    "animate_counts": {"en": "{incidents}, {killed} killed; {drawn} on the map.",
                       "es": "{incidents}, {killed} muertos; {drawn} en el mapa."},
}
