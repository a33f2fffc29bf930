"""Texts of the dataset choice (which incidents a page works on) and of the workspace's kept datasets."""

TEXTS = {
    "dataset_catalog": {"en": "Territorio catalog", "es": "Catálogo de Territorio"},
    "dataset_choice": {"en": "Incidents from", "es": "Incidentes de"},
    "dataset_choice_help": {
        "en": "The catalog, a dataset kept in this workspace, or a kept dataset together with the catalog. Peace "
        "zones, sectors and control always come from the catalog.",
        "es": "El catálogo, un conjunto guardado en este espacio de trabajo, o un conjunto guardado junto con el "
        "catálogo. Las zonas de paz, los sectores y el control siempre vienen del catálogo."},
    "dataset_with_catalog": {"en": "together with the catalog", "es": "junto con el catálogo"},
    "dataset_banner": {
        "en": "Data: **{name}**, {n} incidents, imported {date} (licence: {licence}){mixed}.",
        "es": "Datos: **{name}**, {n} incidentes, importados el {date} (licencia: {licence}){mixed}."},
    "dataset_banner_mixed": {"en": ", with the catalog's {n}", "es": ", con los {n} del catálogo"},
    "dataset_banner_catalog": {"en": "Data: the Territorio catalog, {n} incidents (data {version}).",
                               "es": "Datos: el catálogo de Territorio, {n} incidentes (datos {version})."},
    "dataset_undated": {"en": "{n} undated incident(s) of this dataset are counted apart: mapped and listed in the "
                              "dataset's report, never in a time window, the timeline or the study.",
                        "es": "{n} incidente(s) sin fecha de este conjunto se cuentan aparte: no entran en ninguna "
                              "ventana de tiempo, en la línea de tiempo ni en el estudio."},
    "dataset_report": {"en": "Import report", "es": "Informe de importación"},
    "dataset_missing": {
        "en": "The dataset '{value}' is not in this workspace (deleted, or kept on another server): the page shows "
        "the catalog instead.",
        "es": "El conjunto '{value}' no está en este espacio de trabajo (borrado, o guardado en otro servidor): la "
        "página muestra el catálogo."},
    "dataset_words": {"en": "Data: {name}, imported {date}, licence {licence}.",
                      "es": "Datos: {name}, importados el {date}, licencia {licence}."},
    "dataset_words_mixed": {"en": "Data: {name}, imported {date}, licence {licence}; with the Territorio catalog.",
                            "es": "Datos: {name}, importados el {date}, licencia {licence}; con el catálogo de "
                                  "Territorio."},
    "profile_counts_data": {
        "en": "{n} incidents in {data}; {killed} killed (a range where sources disagree); {unknown} with no figure "
        "reported.",
        "es": "{n} incidentes en {data}; {killed} víctimas fatales (un rango cuando las fuentes difieren); {unknown} "
        "sin cifra reportada."},
    "profile_none_data": {"en": "No incident in {data} for this area. Absence of records is not calm.",
                          "es": "No hay incidentes en {data} para esta zona. La ausencia de registros no es calma."},
    "study_caveat_data": {
        "en": "Caveat: these counts are those of {data}, as imported. The estimate means something only if that "
        "register is complete over both periods and both groups of areas; a change in how it was collected "
        "looks like a change in violence.",
        "es": "Advertencia: estos conteos son los de {data}, tal como se importó. La estimación solo tiene sentido "
        "si ese registro es completo en ambos períodos y ambos grupos de zonas; un cambio en cómo se recopiló "
        "parece un cambio en la violencia."},
    # --- Your data: the workspace ---
    "ws_title": {"en": "Kept in this workspace", "es": "Guardados en este espacio de trabajo"},
    "ws_none": {"en": "No dataset is kept in this workspace yet.",
                "es": "Aún no hay conjuntos guardados en este espacio de trabajo."},
    "ws_public": {
        "en": "A kept dataset is visible to every visitor of this server, and stays after a restart. Not keeping is "
        "the default: an upload you do not keep is seen in this browser session only.",
        "es": "Un conjunto guardado es visible para todos los visitantes de este servidor y se conserva tras un "
        "reinicio. No guardar es lo predeterminado: una carga que no guarde solo se ve en esta sesión."},
    "ws_keep": {"en": "Keep in this workspace (visible to every visitor of this server)",
                "es": "Guardar en este espacio de trabajo (visible para todos los visitantes de este servidor)"},
    "ws_name": {"en": "Dataset name", "es": "Nombre del conjunto"},
    "ws_licence": {"en": "Licence of the data (as its owner states it)",
                   "es": "Licencia de los datos (como la indica su dueño)"},
    "ws_kept": {"en": "Kept as '{name}' ({id}).", "es": "Guardado como '{name}' ({id})."},
    "ws_open": {"en": "Open on the map", "es": "Abrir en el mapa"},
    "ws_row": {"en": "{name} · {rows} incidents · imported {date} · licence {licence} · file {file}",
               "es": "{name} · {rows} incidentes · importado el {date} · licencia {licence} · archivo {file}"},
    "ws_rename": {"en": "Rename", "es": "Renombrar"},
    "ws_new_name": {"en": "New name", "es": "Nombre nuevo"},
    "ws_delete": {"en": "Delete", "es": "Borrar"},
    "ws_delete_confirm": {"en": "Yes, delete '{name}' for every visitor", "es": "Sí, borrar '{name}' para todos"},
    "ws_deleted": {"en": "Deleted '{name}'.", "es": "Se borró '{name}'."},
    "ws_dates": {"en": "If the file has no date column, load it:",
                 "es": "Si el archivo no tiene columna de fecha, cargarlo:"},
    "ws_dates_refuse": {"en": "not at all (ask for dates)", "es": "de ninguna forma (pedir fechas)"},
    "ws_dates_undated": {"en": "as undated (mapped, counted apart from every time figure)",
                         "es": "sin fecha (en el mapa, contado aparte de toda cifra temporal)"},
    "ws_dates_one": {"en": "with one date or period for the whole file",
                     "es": "con una fecha o período para todo el archivo"},
    "ws_dates_value": {"en": "Date or period (2021-07-09, 2021-07 or 2021)",
                       "es": "Fecha o período (2021-07-09, 2021-07 o 2021)"},
    "ws_type_map": {"en": "Your file's types (map any onto a catalog type, or leave them as their own)",
                    "es": "Los tipos de su archivo (asigne alguno a un tipo del catálogo, o déjelos como propios)"},
    "ws_type_own": {"en": "its own type", "es": "tipo propio"},
}
