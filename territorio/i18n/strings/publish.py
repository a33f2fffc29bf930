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
    "publish_button": {"en": "Publish this selection (zip for a website)",
                       "es": "Publicar esta selección (zip para un sitio web)"},
    "publish_button_help": {"en": "The explorer for readers as static files: index.html, embed.html for an "
                                  "iframe, the data and a README for the web desk. Built when you click.",
                            "es": "El explorador para lectores como archivos estáticos: index.html, embed.html para "
                                  "un iframe, los datos y un README para la redacción web. Se genera al hacer clic."},
    "animate_button": {"en": "Download the playback as a video (GIF)",
                       "es": "Descargar la reproducción como video (GIF)"},
    "animate_button_help": {"en": "One frame per {unit} over the selection's window, with legend, date, counts, "
                                  "credit and licence on every frame. Built when you click (about a second per 10 "
                                  "frames).",
                            "es": "Un cuadro por {unit} en la ventana de la selección, con leyenda, fecha, conteos, "
                                  "créditos y licencia en cada cuadro. Se genera al hacer clic (alrededor de un "
                                  "segundo por 10 cuadros)."},
    "animate_counts": {"en": "{incidents}, {killed} killed; {drawn} on the map.",
                       "es": "{incidents}, {killed} muertos; {drawn} en el mapa."},
}
