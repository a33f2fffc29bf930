"""Texts of the map page: URL notes, layers, legends, playback, the chart."""

TEXTS = {
    "url_note": {"en": "Link parameter {param}={value} ignored: {why}.",
                 "es": "Parámetro del enlace {param}={value} ignorado: {why}."},
    "url_bad_date": {"en": "not a date in the form YYYY-MM-DD", "es": "no es una fecha con la forma AAAA-MM-DD"},
    "url_outside_span": {"en": "outside the data's span ({start} to {end}), so it was moved to its edge",
                         "es": "fuera del período de los datos ({start} a {end}), así que se llevó a su borde"},
    "url_before_from": {"en": "it is before the start date", "es": "es anterior a la fecha de inicio"},
    "url_unknown_area": {"en": "no parish or sector has that id or name",
                         "es": "ninguna parroquia ni sector tiene ese id o nombre"},
    "url_unknown_type": {"en": "no incident type has that key or name",
                         "es": "ningún tipo de incidente tiene esa clave o nombre"},
    "url_unknown_actor": {"en": "no actor has that id, name or alias",
                          "es": "ningún actor tiene ese id, nombre o alias"},
    "url_bad_number": {"en": "not a number", "es": "no es un número"},
    "url_out_of_range": {"en": "outside the allowed range {low} to {high}",
                         "es": "fuera del rango permitido, de {low} a {high}"},
    "url_half_view": {"en": "a map view needs both lat and lon", "es": "una vista del mapa necesita lat y lon"},
    "url_bad_lang": {"en": "the language must be en or es", "es": "el idioma debe ser en o es"},
}

TEXTS.update({
    "and": {"en": "and", "es": "y"},
    "n_incidents_one": {"en": "{n} incident", "es": "{n} incidente"},
    "n_incidents_other": {"en": "{n} incidents", "es": "{n} incidentes"},
    "killed": {"en": "{n} killed", "es": "{n} muertos"},
    "in_places": {"en": "in {places}", "es": "en {places}"},
    "in_parishes_one": {"en": "in {n} parish", "es": "en {n} parroquia"},
    "in_parishes_other": {"en": "in {n} parishes", "es": "en {n} parroquias"},
    "involving": {"en": "involving {actors}", "es": "con participación de {actors}"},
    "at_least_killed": {"en": "with at least {n} killed", "es": "con al menos {n} muertos"},
    "not_mapped_one": {"en": "{n} not mapped", "es": "{n} sin ubicar en el mapa"},
    "not_mapped_other": {"en": "{n} not mapped", "es": "{n} sin ubicar en el mapa"},
    "date_uncertain_one": {"en": "{n} date-uncertain (may fall outside the window)",
                           "es": "{n} de fecha incierta (puede caer fuera de la ventana)"},
    "date_uncertain_other": {"en": "{n} date-uncertain (may fall outside the window)",
                             "es": "{n} de fecha incierta (pueden caer fuera de la ventana)"},
    "no_toll_one": {"en": "{n} with no death toll reported", "es": "{n} sin cifra de muertos"},
    "no_toll_other": {"en": "{n} with no death toll reported", "es": "{n} sin cifra de muertos"},
})

# Layers and legends
TEXTS.update({
    "legend_base": {"en": "Basemap", "es": "Mapa base"},
    "layer_choropleth": {"en": "Parishes shaded by the selection", "es": "Parroquias sombreadas según la selección"},
    "choro_tip_incidents": {"en": "{n} incident(s) in the selection", "es": "{n} incidente(s) en la selección"},
    "choro_tip_fatalities": {"en": "{n} killed in the selection (upper figures)",
                             "es": "{n} muertos en la selección (cifras mayores)"},
    "choro_none": {"en": "None recorded in the catalog (not a measured zero)",
                   "es": "Nada registrado en el catálogo (no es un cero medido)"},
    "legend_choro_incidents": {"en": "Incidents per parish", "es": "Incidentes por parroquia"},
    "legend_choro_fatalities": {"en": "Killed per parish (upper figure)", "es": "Muertos por parroquia (cifra mayor)"},
    "legend_choro_note": {"en": "The catalog is a curated selection of reported events, not a complete count.",
                          "es": "El catálogo es una selección de hechos reportados, no un conteo completo."},
    "layer_zones": {"en": "Peace zones", "es": "Zonas de paz"},
    "legend_zones": {"en": "Peace zones on {day}", "es": "Zonas de paz al {day}"},
    "legend_none_on_day": {"en": "None recorded on that day.", "es": "Nada registrado ese día."},
    "zone_in_force": {"en": "In force", "es": "Vigente"},
    "zone_disputed": {"en": "Reported, date disputed", "es": "Reportada, fecha en disputa"},
    "zone_suspended": {"en": "Suspended (pact broken)", "es": "Suspendida (pacto roto)"},
    "zone_ended": {"en": "Ended", "es": "Terminada"},
    "tentative": {"en": "dates uncertain", "es": "fechas inciertas"},
    "conflicting_reports": {"en": "sources conflict", "es": "las fuentes discrepan"},
    "see_sources_below": {"en": "sources listed with the map", "es": "fuentes junto al mapa"},
    "layer_control": {"en": "Control by armed groups", "es": "Control de grupos armados"},
    "legend_control": {"en": "Who controlled each sector on {day}", "es": "Quién controlaba cada sector al {day}"},
    "legend_control_note": {"en": "Stronger fill: firmer evidence. Each claim's sources are listed beside the map.",
                            "es": "Relleno más intenso: evidencia más firme. Las fuentes de cada afirmación figuran "
                                  "junto al mapa."},
    "confidence_assessed": {"en": "Assessed by sources", "es": "Evaluado por las fuentes"},
    "confidence_claimed": {"en": "Claimed in reports", "es": "Afirmado en reportes"},
    "confidence_disputed": {"en": "Disputed", "es": "En disputa"},
})

# Timeline chart
TEXTS.update({
    "mark_pz_launch": {"en": "Peace zones launched", "es": "Lanzamiento de las zonas de paz"},
    "mark_first_olp": {"en": "First OLP raid", "es": "Primera OLP"},
    "mark_reactivation": {"en": "Cota 905 zone reactivated", "es": "Reactivación de la zona de la Cota 905"},
    "mark_op_2021": {"en": "July 2021 operation", "es": "Operación de julio de 2021"},
    "chart_title": {"en": "Incidents per month, by type", "es": "Incidentes por mes, por tipo"},
    "chart_y": {"en": "Incidents", "es": "Incidentes"},
    "chart_month": {"en": "Month", "es": "Mes"},
    "chart_type": {"en": "Type", "es": "Tipo"},
    "chart_policy": {"en": "Policy date", "es": "Fecha de política"},
    "chart_summary": {
        "en": "The chart shows {total} incidents matching the filters (area, type, actor), month by month; the busiest "
              "month is {peak} with {peak_n}. Dashed lines mark {marks} policy dates; the shaded band is the window "
              "({window}, {in_window} incidents). {undated} dated only to a year are not placed on it.",
        "es": "El gráfico muestra {total} incidentes que cumplen los filtros (zona, tipo, actor), mes a mes; el mes "
              "con más es {peak}, con {peak_n}. Las líneas discontinuas marcan {marks} fechas de política; la banda "
              "sombreada es la ventana ({window}, {in_window} incidentes). {undated} fechados solo por año no se "
              "ubican en él.",
    },
    "chart_summary_empty": {"en": "No incident dated to a month matches the filters ({undated} dated only to a year).",
                            "es": "Ningún incidente fechado por mes cumple los filtros ({undated} fechados solo por "
                                  "año)."},
})

# The "what held on that day" table
TEXTS.update({
    "standing_title": {"en": "Peace zones and control on {day}, with sources",
                       "es": "Zonas de paz y control al {day}, con fuentes"},
    "standing_none": {"en": "The catalog records no peace zone or control claim on {day}.",
                      "es": "El catálogo no registra zonas de paz ni control al {day}."},
    "col_area": {"en": "Area", "es": "Zona"},
    "col_what_held": {"en": "What held", "es": "Qué regía"},
    "col_period": {"en": "Period", "es": "Período"},
    "col_note": {"en": "Note", "es": "Nota"},
    "period_since": {"en": "since {start}", "es": "desde {start}"},
    "period_between": {"en": "{start} – {end}", "es": "{start} – {end}"},
    "period_last_evidence": {"en": "{start} – last reported {end}", "es": "{start} – último reporte {end}"},
    "what_zone": {"en": "{status}", "es": "{status}"},
    "what_control": {"en": "{group} ({confidence})", "es": "{group} ({confidence})"},
})

# Widgets
TEXTS.update({
    "filters": {"en": "Filters", "es": "Filtros"},
    "choose": {"en": "All (choose to narrow)", "es": "Todos (elija para acotar)"},
    "filter_area": {"en": "Area (parish or sector)", "es": "Zona (parroquia o sector)"},
    "filter_area_help": {"en": "Or click a parish or sector on the map (click again to drop it).",
                         "es": "O haga clic en una parroquia o sector del mapa (otro clic la quita)."},
    "sector": {"en": "sector", "es": "sector"},
    "filter_type": {"en": "Incident type", "es": "Tipo de incidente"},
    "filter_actor": {"en": "Actor", "es": "Actor"},
    "filter_actor_help": {"en": "A leader also finds his group's incidents, and a group its leaders'.",
                          "es": "Un líder también encuentra los incidentes de su grupo, y un grupo los de sus "
                                "líderes."},
    "filter_min_fatalities": {"en": "At least this many killed", "es": "Al menos esta cantidad de muertos"},
    "filter_min_fatalities_help": {"en": "Compared with the upper figure when sources give a range.",
                                   "es": "Se compara con la cifra mayor cuando las fuentes dan un rango."},
    "layers": {"en": "Layers", "es": "Capas"},
    "choro_off": {"en": "Off", "es": "Apagada"},
    "choro_incidents": {"en": "Incidents", "es": "Incidentes"},
    "choro_fatalities": {"en": "Killed", "es": "Muertos"},
    "play": {"en": "▶ Play", "es": "▶ Reproducir"},
    "pause": {"en": "❚❚ Pause", "es": "❚❚ Pausa"},
    "step": {"en": "Step →", "es": "Avanzar →"},
    "play_unit": {"en": "Step by", "es": "Avanzar por"},
    "unit_week": {"en": "week", "es": "semana"},
    "unit_month": {"en": "month", "es": "mes"},
    "unit_year": {"en": "year", "es": "año"},
    "play_pace": {"en": "Pace", "es": "Ritmo"},
    "pace_n": {"en": "{n} steps/s", "es": "{n} pasos/s"},
    "play_pace_help": {"en": "How many steps a second Play shows.",
                       "es": "Cuántos pasos por segundo muestra la reproducción."},
    "metric_incidents_help": {"en": "Catalog incidents matching the filters, mapped or not (as `territorio incidents` "
                                    "counts).",
                              "es": "Incidentes del catálogo que cumplen los filtros, ubicados o no (como cuenta "
                                    "`territorio incidents`)."},
    "metric_not_mapped": {"en": "Not on the map", "es": "Fuera del mapa"},
    "metric_not_mapped_help": {"en": "Counted above, but no sourced coordinate exists for them.",
                               "es": "Contados arriba, pero no existe una coordenada con fuente para ellos."},
})

# Uploaded data on the map, and what sits under the map
TEXTS.update({
    "from_file_row": {"en": "From your file {dataset}, row {row}", "es": "De su archivo {dataset}, fila {row}"},
    "layer_upload": {"en": "Your data: {name}", "es": "Sus datos: {name}"},
    "legend_upload": {"en": "Incident from your file (dotted ring)", "es": "Incidente de su archivo (anillo punteado)"},
    "show_outside": {"en": "Show my points outside Caracas", "es": "Mostrar mis puntos fuera de Caracas"},
    "show_outside_help": {"en": "Points of your files that lie outside the 32 parishes (plus a few km) are hidden "
                                "until you ask for them.",
                          "es": "Los puntos de sus archivos fuera de las 32 parroquias (más unos km) se ocultan hasta "
                                "que los pida."},
    "upload_sentence": {"en": "Your data ({name}): {n} of {total} incidents match the filters; {outside} outside "
                              "Caracas {hidden}, {unmapped} without a point.",
                        "es": "Sus datos ({name}): {n} de {total} incidentes cumplen los filtros; {outside} fuera de "
                              "Caracas {hidden}, {unmapped} sin punto."},
    "hidden": {"en": "(hidden)", "es": "(ocultos)"},
    "shown": {"en": "(shown)", "es": "(mostrados)"},
    "table_title": {"en": "The selected incidents, with sources", "es": "Los incidentes seleccionados, con fuentes"},
    "table_help": {"en": "Sort by clicking a column header; search with the magnifier above the table.",
                   "es": "Ordene con un clic en el encabezado; busque con la lupa sobre la tabla."},
    "download_title": {"en": "Download exactly this selection", "es": "Descargar exactamente esta selección"},
})

# Headers of the incident table (keys are export.COLUMNS)
TEXTS.update({f"tcol_{k}": v for k, v in {
    "date": {"en": "Date", "es": "Fecha"}, "date_end": {"en": "Until", "es": "Hasta"},
    "date_precision": {"en": "Date precision", "es": "Precisión de la fecha"},
    "date_uncertain": {"en": "Date uncertain", "es": "Fecha incierta"}, "type": {"en": "Type", "es": "Tipo"},
    "title": {"en": "Title", "es": "Título"}, "parish": {"en": "Parish", "es": "Parroquia"},
    "sector": {"en": "Sector",
               "es": "Sector"}, "designation_status": {"en": "Peace zone then", "es": "Zona de paz entonces"},
    "controlling_group": {"en": "Controlled by then", "es": "Controlada entonces por"},
    "control_confidence": {"en": "Control evidence", "es": "Evidencia del control"},
    "fatalities_min": {"en": "Killed (low)", "es": "Muertos (mín.)"},
    "fatalities_max": {"en": "Killed (high)", "es": "Muertos (máx.)"},
    "location_precision": {"en": "Location precision", "es": "Precisión del lugar"},
    "in_study_area": {"en": "In Caracas", "es": "En Caracas"}, "actor_ids": {"en": "Actors", "es": "Actores"},
    "summary": {"en": "Summary", "es": "Resumen"}, "sources": {"en": "Sources", "es": "Fuentes"},
}.items()})

TEXTS.update({
    "show_table": {"en": "Show the {n} incidents as a table", "es": "Mostrar los {n} incidentes en una tabla"},
    "table_cut": {"en": "The first {shown} of {n}, by date; the downloads below carry them all.",
                  "es": "Los primeros {shown} de {n}, por fecha; las descargas de abajo los incluyen todos."},
})
