"""Texts of briefing mode: the presentation page, the speaker-notes view, the draft story and the offline file."""

TEXTS = {
    "page_briefing": {"en": "Briefing", "es": "Presentación"},
    "brief_scene_counter": {"en": "Scene {n} of {total}", "es": "Escena {n} de {total}"},
    "brief_prev": {"en": "◀ Previous", "es": "◀ Anterior"},
    "brief_next": {"en": "Next ▶", "es": "Siguiente ▶"},
    "brief_keys": {"en": "Keys: → or Page Down for next, ← or Page Up for previous.",
                   "es": "Teclas: → o Av Pág para avanzar, ← o Re Pág para retroceder."},
    "brief_story": {"en": "Story", "es": "Relato"},
    "brief_sources": {"en": "Sources", "es": "Fuentes"},
    "brief_no_sources": {"en": "This scene cites no source.", "es": "Esta escena no cita fuentes."},
    "brief_window": {"en": "Dates shown: {window}", "es": "Fechas mostradas: {window}"},
    "brief_highlight": {"en": "Highlighted in this scene", "es": "Destacado en esta escena"},
    "brief_highlight_item": {"en": "Black outline or ring: what the caption is about",
                             "es": "Contorno o anillo negro: de lo que habla el texto"},
    "brief_notes_title": {"en": "Speaker notes", "es": "Notas del presentador"},
    "brief_no_notes": {"en": "No notes for this scene.", "es": "Esta escena no tiene notas."},
    "brief_next_up": {"en": "Next: {caption}", "es": "Siguiente: {caption}"},
    "brief_last_scene": {"en": "This is the last scene.", "es": "Esta es la última escena."},
    "brief_open_notes": {"en": "Speaker notes (open in a second window)",
                         "es": "Notas del presentador (abrir en otra ventana)"},
    "brief_unknown_story": {"en": "No story {story!r}: showing {default} instead.",
                            "es": "No existe el relato {story!r}: se muestra {default}."},
    "brief_bad_scene": {"en": "Scene {scene} does not exist: showing scene 1.",
                        "es": "La escena {scene} no existe: se muestra la escena 1."},
    "brief_story_invalid": {"en": "This story cannot be played:", "es": "Este relato no se puede mostrar:"},
    "brief_broken_files": {"en": "Story files that cannot be played ({n}); the other stories play. Once a file is "
                                 "fixed, the page takes it up.",
                           "es": "Archivos de relatos que no se pueden mostrar ({n}); los demás relatos se muestran. "
                                 "Cuando se corrija un archivo, la página lo incorpora."},
    "brief_broken_count": {"en": "{n} file(s) cannot be played", "es": "{n} archivo(s) no se pueden mostrar"},
    "brief_no_story": {"en": "No story can be played: every story file has problems.",
                       "es": "No se puede mostrar ningún relato: todos los archivos tienen problemas."},
    "brief_download_html": {"en": "Download for offline use (one HTML file)",
                            "es": "Descargar para usar sin conexión (un archivo HTML)"},
    "brief_download_help": {"en": "Opens in any modern browser with no network: same scenes, same keys.",
                            "es": "Se abre en cualquier navegador moderno sin red: mismas escenas, mismas teclas."},
    # presenters' own story
    "brief_draft": {"en": "Your story", "es": "Tu relato"},
    "brief_draft_name": {"en": "your story", "es": "tu relato"},
    "brief_draft_empty": {"en": "No scenes yet: on the map page, set the filters and the view, then press "
                                "“Add this view to my story”.",
                          "es": "Aún no hay escenas: en la página del mapa, elige filtros y encuadre y pulsa "
                                "“Añadir esta vista a mi relato”."},
    "brief_draft_title": {"en": "Title ({code})", "es": "Título ({code})"},
    "brief_draft_caption": {"en": "Scene {n} caption ({code})", "es": "Texto de la escena {n} ({code})"},
    "brief_draft_notes": {"en": "Scene {n} speaker notes ({code}, optional)",
                          "es": "Notas de la escena {n} para quien presenta ({code}, opcional)"},
    "brief_draft_remove": {"en": "Remove scene {n}", "es": "Quitar la escena {n}"},
    "brief_draft_download": {"en": "Download the story (YAML)", "es": "Descargar el relato (YAML)"},
    "brief_draft_play": {"en": "Play your story", "es": "Mostrar tu relato"},
    "brief_draft_problems": {"en": "Fix these before playing or downloading:",
                             "es": "Corrige esto antes de mostrar o descargar:"},
    "brief_draft_default_title": {"en": "My story", "es": "Mi relato"},
    "save_scene": {"en": "Add this view to my story", "es": "Añadir esta vista a mi relato"},
    "save_scene_help": {"en": "Adds the current filters, layers and map view as a scene of your story "
                              "(see the Briefing page).",
                        "es": "Añade los filtros, capas y encuadre actuales como una escena de tu relato "
                              "(ver la página Presentación)."},
    "save_scene_done": {"en": "Scene {n} added to your story.", "es": "Escena {n} añadida a tu relato."},
    # the offline file
    "brief_offline_note": {"en": "Offline copy made by Territorio from data version {version}. No network needed.",
                           "es": "Copia sin conexión hecha por Territorio con la versión de datos {version}. "
                                 "No necesita red."},
    "brief_not_mapped": {"en": "{n} incident(s) of this scene have no single place and are not on the map.",
                         "es": "{n} incidente(s) de esta escena no tienen un solo lugar y no están en el mapa."},
}
