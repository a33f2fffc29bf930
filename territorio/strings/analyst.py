"""Texts of the analyst tools: area profile, event study, exports, rendered map, citation."""

TEXTS = {
    # --- the filter in words (exports, pictures, citations) ---
    "words_incidents": {"en": "Incidents", "es": "Incidentes"},
    "words_between": {"en": "{start} – {end}", "es": "{start} – {end}"},
    "words_since": {"en": "from {start}", "es": "desde el {start}"},
    "words_until": {"en": "until {end}", "es": "hasta el {end}"},
    "words_all_dates": {"en": "all dates", "es": "todas las fechas"},
    "words_all_areas": {"en": "all areas", "es": "todas las zonas"},
    "words_areas": {"en": "area: {names}", "es": "zona: {names}"},
    "words_all_types": {"en": "all types", "es": "todos los tipos"},
    "words_types": {"en": "type: {names}", "es": "tipo: {names}"},
    "words_all_actors": {"en": "all actors", "es": "todos los actores"},
    "words_actors": {"en": "actor: {names}", "es": "actor: {names}"},
    "words_min_fatalities": {"en": "at least {n} killed", "es": "al menos {n} víctimas fatales"},
    "licence_text": {
        "en": "Catalog: Territorio, CC BY 4.0; parish boundaries: {ocha}.",
        "es": "Catálogo: Territorio, CC BY 4.0; límites parroquiales: {ocha}.",
    },
    "export_title": {
        "en": "Territorio: territorial control, peace zones and violence in Caracas",
        "es": "Territorio: control territorial, zonas de paz y violencia en Caracas",
    },
    "export_sources_note": {
        "en": "Each row lists its sources (column 'sources'); every source with its outlet is in sources.csv "
        "of the data package.",
        "es": "Cada fila indica sus fuentes (columna 'sources'); cada fuente con su medio está en sources.csv "
        "del paquete de datos.",
    },
}

TEXTS.update({
    # --- citation ---
    "cite_text": {
        "en": "{title}. Data version {version}. Accessed {accessed}. {link}",
        "es": "{title}. Versión de los datos {version}. Consultado el {accessed}. {link}",
    },
    "cite_view": {"en": "View: {view}.", "es": "Vista: {view}."},
    "cite_uploaded": {
        "en": "Note: this view includes data uploaded by the reader; the link cannot carry that data and "
        "reopens only the embedded catalog.",
        "es": "Nota: esta vista incluye datos subidos por quien la consulta; el enlace no puede llevar esos datos "
        "y abre solo el catálogo incluido.",
    },
    "cite_heading": {"en": "Cite this view", "es": "Citar esta vista"},
})

TEXTS.update({
    # --- event study ---
    "page_study": {"en": "Before / after", "es": "Antes / después"},
    "study_title": {"en": "Did it change anything? Before and after a policy date",
                    "es": "¿Cambió algo? Antes y después de una fecha clave"},
    "study_policy": {"en": "Policy date", "es": "Fecha clave"},
    "study_typed": {"en": "Another date (typed in)", "es": "Otra fecha (escrita)"},
    "study_date": {"en": "Date", "es": "Fecha"},
    "study_window": {"en": "Window (months before and after)", "es": "Ventana (meses antes y después)"},
    "study_designations": {"en": "Designated areas counted as 'inside'",
                           "es": "Zonas designadas que cuentan como 'dentro'"},
    "study_bad_date": {"en": "The date in the address ({value}) is not an ISO date (YYYY-MM-DD); showing {shown}.",
                       "es": "La fecha de la dirección ({value}) no es una fecha ISO (AAAA-MM-DD); se muestra {shown}."},
    "study_group_inside": {"en": "Inside designated areas", "es": "Dentro de zonas designadas"},
    "study_group_outside": {"en": "Elsewhere in Caracas", "es": "En el resto de Caracas"},
    "study_period_before": {"en": "Before", "es": "Antes"},
    "study_period_after": {"en": "After", "es": "Después"},
    "study_col_group": {"en": "Where", "es": "Dónde"},
    "study_col_period": {"en": "When", "es": "Cuándo"},
    "study_col_incidents": {"en": "Incidents", "es": "Incidentes"},
    "study_col_fatalities": {"en": "Fatalities (range)", "es": "Víctimas fatales (rango)"},
    "study_col_unknown": {"en": "Incidents with no toll", "es": "Incidentes sin cifra"},
    "study_summary": {
        "en": "Incidents inside the designated areas: {in_before} before ({before}) and {in_after} after "
        "({after}); elsewhere in Caracas: {out_before} before and {out_after} after.",
        "es": "Incidentes dentro de las zonas designadas: {in_before} antes ({before}) y {in_after} después "
        "({after}); en el resto de Caracas: {out_before} antes y {out_after} después.",
    },
    "study_apart": {
        "en": "Counted apart: {in_unc} inside and {out_unc} elsewhere whose dates are too vague to put on one "
        "side of an edge; {unplaced} in the windows but placed in no parish.",
        "es": "Contados aparte: {in_unc} dentro y {out_unc} en el resto cuyas fechas son demasiado vagas para "
        "ponerlos a un lado de un límite; {unplaced} en las ventanas pero sin parroquia asignada.",
    },
    "study_estimate": {
        "en": "Difference-in-differences (ratio of the incident rate ratios, inside over elsewhere): {ratio} "
        "(95% interval {low} to {high}). Above 1: incidents rose more (or fell less) inside than elsewhere.",
        "es": "Diferencia en diferencias (cociente de las razones de tasas de incidentes, dentro sobre el resto): "
        "{ratio} (intervalo del 95 %: {low} a {high}). Por encima de 1: los incidentes subieron más (o bajaron "
        "menos) dentro que en el resto.",
    },
    "study_withheld_zero": {
        "en": "No estimate: one of the four counts is zero, so no rate ratio can be computed. Read the counts, "
        "not a number.",
        "es": "Sin estimación: uno de los cuatro conteos es cero, así que no se puede calcular una razón de tasas. "
        "Lea los conteos, no un número.",
    },
    "study_withheld_small": {
        "en": "No estimate: one of the four counts is below {n}; any ratio would be noise. Read the counts, "
        "not a number.",
        "es": "Sin estimación: uno de los cuatro conteos es menor que {n}; cualquier cociente sería ruido. "
        "Lea los conteos, no un número.",
    },
    "study_caveat": {
        "en": "Caveat: the catalog is a curated selection of sourced events, not a complete count. These numbers "
        "show what was documented, not how much violence there was; the study is best run on imported complete "
        "data (a full incident register).",
        "es": "Advertencia: el catálogo es una selección curada de hechos con fuente, no un conteo completo. Estas "
        "cifras muestran lo documentado, no cuánta violencia hubo; el estudio conviene hacerlo con datos "
        "completos importados (un registro completo de incidentes).",
    },
    "study_chart_summary": {
        "en": "Bars: incidents before and after the date, inside the designated areas and elsewhere.",
        "es": "Barras: incidentes antes y después de la fecha, dentro de las zonas designadas y en el resto.",
    },
    "study_inside_areas": {"en": "Inside means: {areas}.", "es": "'Dentro' significa: {areas}."},
})
