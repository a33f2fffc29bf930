"""Texts of the page-level error: what a visitor is told when a page cannot be drawn (ui/errors.py)."""

TEXTS = {
    "error_data_missing": {
        "en": "The data file {file} is missing, so this page cannot be drawn. Whoever runs this server can "
              "restore it (the server's log has the details).",
        "es": "Falta el archivo de datos {file}, así que esta página no se puede mostrar. Quien administra este "
              "servidor puede restaurarlo (el registro del servidor tiene los detalles).",
    },
    "error_data_unreadable": {
        "en": "The data file {file} could not be read, so this page cannot be drawn. Whoever runs this server "
              "can check it with `territorio data validate` (the server's log has the details).",
        "es": "No se pudo leer el archivo de datos {file}, así que esta página no se puede mostrar. Quien "
              "administra este servidor puede revisarlo con `territorio data validate` (el registro del "
              "servidor tiene los detalles).",
    },
    "error_file_unreadable": {
        "en": "The file {file} could not be read, so this page cannot be drawn (the server's log has the "
              "details, reference {ref}).",
        "es": "No se pudo leer el archivo {file}, así que esta página no se puede mostrar (el registro del "
              "servidor tiene los detalles, referencia {ref}).",
    },
    "error_unexpected": {
        "en": "This page stopped on an unexpected error. It has been written to the server's log with the "
              "reference {ref}; please pass it on to whoever runs this server.",
        "es": "Esta página se detuvo por un error inesperado. Quedó anotado en el registro del servidor con la "
              "referencia {ref}; por favor, comuníquela a quien administra este servidor.",
    },
}
