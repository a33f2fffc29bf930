"""Texts of the importers and the upload page. Import messages are keyed `imp_<code>`: the codes in
reports (JSON, CLI) are stable, and the app says them in Spanish by code."""

TEXTS = {
    # --- the page ---
    "page_upload": {"en": "Your data", "es": "Sus datos"},
    "upload_intro": {
        "en": "Put your own file on the map beside the catalog: CSV, ACLED export, GeoJSON, GeoPackage, zipped "
        "Shapefile, KML/KMZ (Google My Maps) or GeoParquet. Every row is loaded or rejected with a reason. "
        "The file stays in this browser session only (nobody else sees it, and it is gone when you close the tab) "
        "unless you keep it in this workspace below. Choose it under \"Incidents from\" in the sidebar of any page "
        "to have every figure, chart, table and download count it.",
        "es": "Ponga su propio archivo en el mapa junto al catálogo: CSV, exportación de ACLED, GeoJSON, "
        "GeoPackage, Shapefile comprimido, KML/KMZ (Google My Maps) o GeoParquet. Cada fila se carga o se "
        "rechaza con un motivo. El archivo queda solo en esta sesión del navegador (nadie más lo ve y "
        "desaparece al cerrar la pestaña), salvo que lo guarde abajo en este espacio de trabajo. Elíjalo en "
        "\"Incidentes de\" en la barra lateral de cualquier página para que cada cifra, gráfico, tabla y descarga "
        "lo cuente.",
    },
    "upload_file": {"en": "File to import", "es": "Archivo a importar"},
    "upload_swap": {"en": "Swap latitude and longitude where they look swapped",
                    "es": "Intercambiar latitud y longitud donde parezcan invertidas"},
    "upload_swap_help": {
        "en": "Off: such rows are rejected. On: they are swapped back and loaded with a warning.",
        "es": "Desactivado: esas filas se rechazan. Activado: se corrigen y se cargan con una advertencia.",
    },
    "upload_kind": {"en": "What the file holds", "es": "Qué contiene el archivo"},
    "kind_auto": {"en": "Detect", "es": "Detectar"},
    "kind_incidents": {"en": "Incidents (points)", "es": "Incidentes (puntos)"},
    "kind_areas": {"en": "Areas (polygons)", "es": "Áreas (polígonos)"},
    "upload_counts": {
        "en": "{file} ({format}, {kind}): {total} rows, {loaded} loaded, {rejected} rejected, {warnings} warning(s).",
        "es": "{file} ({format}, {kind}): {total} filas, {loaded} cargadas, {rejected} rechazadas, "
        "{warnings} advertencia(s).",
    },
    "upload_preview": {"en": "Preview (first {n} loaded rows)", "es": "Vista previa (primeras {n} filas cargadas)"},
    "upload_rejected": {"en": "Rejected rows", "es": "Filas rechazadas"},
    "upload_warnings": {"en": "Warnings", "es": "Advertencias"},
    "upload_none_rejected": {"en": "No row was rejected.", "es": "No se rechazó ninguna fila."},
    "upload_download": {"en": "Download the import report (JSON)", "es": "Descargar el informe de importación (JSON)"},
    "upload_datasets": {"en": "Datasets in this session", "es": "Conjuntos de datos en esta sesión"},
    "upload_remove": {"en": "Remove", "es": "Quitar"},
    "upload_failed": {"en": "The file could not be imported", "es": "No se pudo importar el archivo"},
    "upload_reading": {"en": "Reading {file}: {seconds} s (it is stopped at {limit} s)",
                       "es": "Leyendo {file}: {seconds} s (se detiene a los {limit} s)"},
    "col_row": {"en": "Row", "es": "Fila"},
    "col_code": {"en": "Code", "es": "Código"},
    "col_message": {"en": "Message", "es": "Mensaje"},
    "loc_as_given": {"en": "as given in the imported file", "es": "tal como figura en el archivo importado"},
    "loc_acled_geo_1": {"en": "ACLED: the town or a part of it", "es": "ACLED: el pueblo o una parte de él"},
    "loc_acled_geo_2": {"en": "ACLED: near a town or a small region",
                        "es": "ACLED: cerca de un pueblo o región pequeña"},
    "loc_acled_geo_3": {"en": "ACLED: a larger region", "es": "ACLED: una región más grande"},
    # --- a file rejected as a whole ---
    "imp_too_big": {"en": "the file is {size_mb} MB; the limit is {limit_mb} MB",
                    "es": "el archivo pesa {size_mb} MB; el límite es {limit_mb} MB"},
    "imp_zip_too_many": {"en": "the zip holds {n} files; at most {limit} are accepted",
                         "es": "el zip contiene {n} archivos; se aceptan como máximo {limit}"},
    "imp_zip_unsafe_path": {"en": "the zip member '{name}' points outside its folder; refused for safety",
                            "es": "el elemento '{name}' del zip apunta fuera de su carpeta; rechazado por seguridad"},
    "imp_zip_encrypted": {"en": "the zip member '{name}' is encrypted",
                          "es": "el elemento '{name}' del zip está cifrado"},
    "imp_zip_bomb": {"en": "the zip member '{name}' expands far beyond its size (a zip bomb?); refused",
                     "es": "el elemento '{name}' del zip se expande muy por encima de su tamaño (¿bomba zip?); "
                     "rechazado"},
    "imp_zip_too_big": {"en": "the zip expands to {size_mb} MB; the limit is {limit_mb} MB",
                        "es": "el zip se expande a {size_mb} MB; el límite es {limit_mb} MB"},
    "imp_too_many_rows": {"en": "the file has more than {limit} rows, the most an import may hold "
                          "(setting TERRITORIO_MAX_ROWS); nothing was loaded",
                          "es": "el archivo tiene más de {limit} filas, el máximo que admite una importación "
                          "(ajuste TERRITORIO_MAX_ROWS); no se cargó nada"},
    "imp_too_many_columns": {"en": "the file has {n} columns; at most {limit} are accepted (setting "
                             "TERRITORIO_MAX_COLUMNS)",
                             "es": "el archivo tiene {n} columnas; se aceptan como máximo {limit} (ajuste "
                             "TERRITORIO_MAX_COLUMNS)"},
    "imp_too_many_vertices": {"en": "the file's shapes have more than {limit} vertices, the most an import may "
                              "hold (setting TERRITORIO_MAX_VERTICES); simplify them first",
                              "es": "las formas del archivo tienen más de {limit} vértices, el máximo que admite "
                              "una importación (ajuste TERRITORIO_MAX_VERTICES); simplifíquelas antes"},
    "imp_unpacks_too_big": {"en": "the data expands to {size_mb} MB once unpacked; the limit is {limit_mb} MB",
                            "es": "los datos se expanden a {size_mb} MB al desempaquetarlos; el límite es "
                            "{limit_mb} MB"},
    "imp_time_limit": {"en": "reading the file took longer than {seconds} seconds, the limit (setting "
                       "TERRITORIO_IMPORT_SECONDS); it was stopped and nothing was loaded",
                       "es": "la lectura del archivo tardó más de {seconds} segundos, el límite (ajuste "
                       "TERRITORIO_IMPORT_SECONDS); se detuvo y no se cargó nada"},
    "imp_memory_limit": {"en": "reading the file needed more than {limit_mb} MB of memory, the limit (setting "
                         "TERRITORIO_IMPORT_MEMORY_MB); it was stopped and nothing was loaded",
                         "es": "la lectura del archivo necesitó más de {limit_mb} MB de memoria, el límite (ajuste "
                         "TERRITORIO_IMPORT_MEMORY_MB); se detuvo y no se cargó nada"},
    "imp_reader_died": {"en": "the reader stopped without an answer (exit {exit}), perhaps at the memory limit of "
                        "{limit_mb} MB (setting TERRITORIO_IMPORT_MEMORY_MB); nothing was loaded",
                        "es": "el lector se detuvo sin respuesta (salida {exit}), quizá al alcanzar el límite de "
                        "memoria de {limit_mb} MB (ajuste TERRITORIO_IMPORT_MEMORY_MB); no se cargó nada"},
    "imp_wrong_format": {"en": "this is not a {format} file ({detail})",
                         "es": "no es un archivo {format} ({detail})"},
    "imp_gpkg_not_table": {"en": "the GeoPackage layer '{layer}' is a view or computes its values; only plain "
                           "tables are read, for safety",
                           "es": "la capa '{layer}' del GeoPackage es una vista o calcula sus valores; solo se "
                           "leen tablas simples, por seguridad"},
    "imp_gpkg_no_features": {"en": "the GeoPackage holds no feature layer (tiles and attribute tables are not read)",
                             "es": "el GeoPackage no contiene ninguna capa de entidades (no se leen teselas ni "
                             "tablas de atributos)"},
    "imp_zip_unreadable": {"en": "this is not a readable zip file", "es": "no es un archivo zip legible"},
    "imp_zip_no_shp": {"en": "the zip holds no .shp file (a zipped Shapefile needs .shp, .shx, .dbf and .prj)",
                       "es": "el zip no contiene ningún .shp (un Shapefile comprimido necesita .shp, .shx, .dbf y "
                             ".prj)"},
    "imp_kmz_no_kml": {"en": "the KMZ holds no .kml file", "es": "el KMZ no contiene ningún archivo .kml"},
    "imp_xml_entities": {"en": "the XML declares entities or a DTD; refused for safety",
                         "es": "el XML declara entidades o un DTD; rechazado por seguridad"},
    "imp_xml_unreadable": {"en": "the XML cannot be read ({detail})", "es": "el XML no se puede leer ({detail})"},
    "imp_kml_not_kml": {"en": "this XML is not KML (its root is <{tag}>)",
                        "es": "este XML no es KML (su raíz es <{tag}>)"},
    "imp_not_text": {"en": "this is not a text (CSV) file", "es": "no es un archivo de texto (CSV)"},
    "imp_csv_unreadable": {"en": "the CSV cannot be read ({detail})", "es": "el CSV no se puede leer ({detail})"},
    "imp_empty": {"en": "the file is empty", "es": "el archivo está vacío"},
    "imp_no_crs_projected": {
        "en": "the file names no coordinate system (.prj missing?) and its coordinates are not longitude/latitude",
        "es": "el archivo no indica su sistema de coordenadas (¿falta el .prj?) y sus coordenadas no son "
        "longitud/latitud"},
    "imp_geo_unreadable": {"en": "the {format} file cannot be read ({detail})",
                           "es": "el archivo {format} no se puede leer ({detail})"},
    "imp_geojson_not_features": {"en": "GeoJSON must be a FeatureCollection or a Feature, not '{kind}'",
                                 "es": "el GeoJSON debe ser una FeatureCollection o un Feature, no '{kind}'"},
    "imp_json_unreadable": {"en": "the JSON cannot be read ({detail})", "es": "el JSON no se puede leer ({detail})"},
    "imp_unsupported": {"en": "files ending in {ext} are not supported (save a spreadsheet as CSV; zip a Shapefile's "
                        "parts together)",
                        "es": "no se admiten archivos {ext} (guarde la hoja de cálculo como CSV; comprima juntas "
                        "las partes de un Shapefile)"},
    "imp_unreadable": {"en": "the {format} file cannot be read ({detail})",
                       "es": "el archivo {format} no se puede leer ({detail})"},
    "imp_bad_kind": {"en": "kind '{kind}' is not incidents or areas",
                     "es": "el tipo '{kind}' no es incidents ni areas"},
    "imp_not_found": {"en": "no file at {path}", "es": "no hay ningún archivo en {path}"},
    "imp_setting_not_found": {"en": "the file named by the {setting} setting does not exist on the server",
                              "es": "el archivo indicado por el ajuste {setting} no existe en el servidor"},
    "imp_no_date_column": {
        "en": "no date column found (looked for: {names}); load the file as undated, or give one date or period "
        "for the whole file",
        "es": "no se encontró una columna de fecha (se buscó: {names}); cargue el archivo sin fechas, o indique "
        "una fecha o un período para todo el archivo"},
    "imp_file_date_unreadable": {"en": "the date given for the whole file, '{value}', is not a date",
                                 "es": "la fecha indicada para todo el archivo, '{value}', no es una fecha"},
    "imp_header_no_rows": {"en": "the file has a header but no rows",
                           "es": "el archivo tiene encabezado pero no filas"},
    "imp_nul_stripped": {"en": "{n} NUL character(s) removed from the file's fields (the rows are kept)",
                         "es": "se quitaron {n} carácter(es) NUL de los campos del archivo (las filas se conservan)"},
    "imp_type_empty": {"en": "no type given: loaded as type 'unknown'",
                       "es": "sin tipo: cargado con el tipo 'unknown' (desconocido)"},
    # --- a row rejected ---
    "imp_duplicate": {"en": "exact duplicate of row {first}", "es": "duplicado exacto de la fila {first}"},
    "imp_date_missing": {"en": "date is missing", "es": "falta la fecha"},
    "imp_date_unreadable": {"en": "date '{value}' is not a date", "es": "la fecha '{value}' no es una fecha"},
    "imp_date_end_unreadable": {"en": "end date '{value}' is not a date",
                                "es": "la fecha final '{value}' no es una fecha"},
    "imp_date_future": {"en": "date '{value}' is in the future", "es": "la fecha '{value}' está en el futuro"},
    "imp_date_end_before": {"en": "end date '{value}' is before the start {start}",
                            "es": "la fecha final '{value}' es anterior al inicio {start}"},
    "imp_not_a_point": {"en": "geometry is a {geom}, not a point (import it as areas?)",
                        "es": "la geometría es un {geom}, no un punto (¿importarlo como áreas?)"},
    "imp_not_a_polygon": {"en": "geometry is a {geom}, not a polygon (import it as incidents?)",
                          "es": "la geometría es un {geom}, no un polígono (¿importarlo como incidentes?)"},
    "imp_no_geometry": {"en": "no geometry", "es": "sin geometría"},
    "imp_polygon_empty": {"en": "the polygon is empty once repaired", "es": "el polígono queda vacío al repararlo"},
    "imp_coords_unreadable": {"en": "latitude '{lat}' / longitude '{lon}' are not numbers",
                              "es": "latitud '{lat}' / longitud '{lon}' no son números"},
    "imp_coords_half": {"en": "only one of latitude '{lat}' and longitude '{lon}' is given",
                        "es": "solo se da una de latitud '{lat}' y longitud '{lon}'"},
    "imp_coords_swapped": {
        "en": "latitude {lat} and longitude {lon} look swapped (tick 'swap' or use --fix-swapped to load them)",
        "es": "latitud {lat} y longitud {lon} parecen invertidas (marque 'intercambiar' o use --fix-swapped)"},
    "imp_coords_off_globe": {"en": "latitude {lat} / longitude {lon} are off the globe",
                             "es": "latitud {lat} / longitud {lon} están fuera del globo"},
    "imp_geometry_unreadable": {"en": "geometry cannot be read", "es": "la geometría no se puede leer"},
    "imp_geometry_unsupported": {"en": "geometry is a line or a mix of shapes; only points and polygons are read",
                                 "es": "la geometría es una línea o una mezcla; solo se leen puntos y polígonos"},
    "imp_fatalities_negative": {"en": "fatalities '{value}' is negative",
                                "es": "víctimas fatales '{value}' es negativo"},
    "imp_fatalities_reversed": {"en": "fatalities range '{value}' runs backwards",
                                "es": "el rango de víctimas fatales '{value}' está al revés"},
    # --- warnings ---
    "imp_extra_cells": {"en": "has {n} cells, the header {expected}; the extra cells were ignored",
                        "es": "tiene {n} celdas y el encabezado {expected}; se ignoraron las sobrantes"},
    "imp_unknown_columns": {"en": "columns not used: {columns}", "es": "columnas no usadas: {columns}"},
    "imp_no_crs": {"en": "no coordinate system given; read as WGS84 longitude/latitude",
                   "es": "no se indica sistema de coordenadas; se leyó como longitud/latitud WGS84"},
    "imp_reprojected": {"en": "reprojected from {crs} to WGS84", "es": "reproyectado de {crs} a WGS84"},
    "imp_other_layers": {"en": "read layer '{layer}'; other layers ignored: {others}",
                         "es": "se leyó la capa '{layer}'; otras capas ignoradas: {others}"},
    "imp_no_coordinates": {"en": "no coordinates: loaded, not mapped", "es": "sin coordenadas: cargada, sin ubicar"},
    "imp_coords_swapped_fixed": {"en": "latitude {lat} and longitude {lon} were swapped back",
                                 "es": "se intercambiaron latitud {lat} y longitud {lon}"},
    "imp_fatalities_unreadable": {"en": "fatalities '{value}' is not a number; kept as text, no figure",
                                  "es": "víctimas fatales '{value}' no es un número; se guarda como texto, sin cifra"},
    "imp_outside_caracas": {"en": "outside metropolitan Caracas", "es": "fuera de la Caracas metropolitana"},
    "imp_polygon_repaired": {"en": "invalid polygon repaired ({detail})",
                             "es": "polígono inválido reparado ({detail})"},
}
