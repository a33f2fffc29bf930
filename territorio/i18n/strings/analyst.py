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
        "en": "Catalog: Territorio contributors, CC BY 4.0; parish boundaries: {ocha}.",
        "es": "Catálogo: colaboradores de Territorio, CC BY 4.0; límites parroquiales: {ocha}.",
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
                       "es": "La fecha de la dirección ({value}) no es una fecha ISO (AAAA-MM-DD); se muestra "
                             "{shown}."},
    "study_bad_designation": {"en": "Ignored unknown designation(s) in the address: {values} (known: {known}).",
                              "es": "Se ignoró una designación desconocida en la dirección: {values} (conocidas: "
                                    "{known})."},
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
    "study_view": {"en": "Incidents before / after {date}, {months} months each side; inside: {areas}",
                   "es": "Incidentes antes / después del {date}, {months} meses a cada lado; dentro: {areas}"},
    "study_inside_areas": {"en": "Inside means: {areas}.", "es": "'Dentro' significa: {areas}."},
})

TEXTS.update({
    # --- area profile ---
    "page_profile": {"en": "Area profile", "es": "Perfil de zona"},
    "profile_title": {"en": "{name}: area profile", "es": "{name}: perfil de la zona"},
    "profile_area": {"en": "Parish or sector", "es": "Parroquia o sector"},
    "profile_kind_parish": {"en": "parish, {municipality}", "es": "parroquia, {municipality}"},
    "profile_kind_sector": {"en": "sector, approximate outline", "es": "sector, contorno aproximado"},
    "profile_bad_area": {"en": "The area in the address ({value}) is not a parish or sector; showing {shown}.",
                         "es": "La zona de la dirección ({value}) no es una parroquia ni un sector; se muestra "
                               "{shown}."},
    "profile_counts": {
        "en": "{n} incidents in the catalog; {killed} killed (a range where sources disagree); {unknown} with no "
        "figure reported.",
        "es": "{n} incidentes en el catálogo; {killed} víctimas fatales (un rango cuando las fuentes difieren); "
        "{unknown} sin cifra reportada.",
    },
    "profile_none": {"en": "No incident in the catalog for this area. Absence of records is not calm.",
                     "es": "No hay incidentes en el catálogo para esta zona. La ausencia de registros no es calma."},
    "profile_population": {"en": "Population", "es": "Población"},
    "population_figure": {"en": "Population {figure} ({year}, {kind}; source: {publisher}).",
                          "es": "Población {figure} ({year}, {kind}; fuente: {publisher})."},
    "population_year_unknown": {"en": "year unknown", "es": "año desconocido"},
    "pop_kind_census": {"en": "census", "es": "censo"},
    "pop_kind_projection": {"en": "projection", "es": "proyección"},
    "pop_kind_estimate": {"en": "estimate", "es": "estimación"},
    "pop_kind_": {"en": "kind unknown", "es": "tipo desconocido"},
    "population_unknown": {"en": "Population unknown: no sourced figure was found, so no rate is given.",
                           "es": "Población desconocida: no se encontró una cifra con fuente, así que no se da tasa."},
    "population_sector": {
        "en": "Population unknown: no figure exists for sectors (their outlines are approximate), so no rate is given.",
        "es": "Población desconocida: no hay cifras para los sectores (sus contornos son aproximados), así que no "
        "se da tasa.",
    },
    "population_doubtful": {"en": "This population figure is doubtful. Research note: {note}",
                            "es": "Esta cifra de población es dudosa. Nota de investigación (en inglés): {note}"},
    "population_note": {"en": "Research note: {note}", "es": "Nota de investigación (en inglés): {note}"},
    "profile_rates": {
        "en": "Per 100,000 residents, using that figure: {incidents} incidents and {killed} killed over the whole "
        "catalog period. The catalog is a curated selection: these are rates of documented incidents, not of "
        "violence.",
        "es": "Por cada 100.000 habitantes, con esa cifra: {incidents} incidentes y {killed} víctimas fatales en todo "
        "el período del catálogo. El catálogo es una selección curada: son tasas de incidentes documentados, no "
        "de la violencia.",
    },
    "profile_per_year": {"en": "Incidents per year", "es": "Incidentes por año"},
    "profile_per_year_summary": {"en": "{total} incidents from {first} to {last}; most in {top} ({top_n}).",
                                 "es": "{total} incidentes de {first} a {last}; la mayoría en {top} ({top_n})."},
    "profile_timeline": {"en": "Timeline: incidents, peace-zone status and control, with sources",
                         "es": "Cronología: incidentes, estatus de zona de paz y control, con fuentes"},
    "col_when": {"en": "When", "es": "Cuándo"},
    "col_what": {"en": "What", "es": "Qué"},
    "col_kind": {"en": "Kind", "es": "Tipo"},
    "col_source_events": {"en": "Sources (catalog ids)", "es": "Fuentes (ids del catálogo)"},
    "entry_incident": {"en": "Incident", "es": "Incidente"},
    "entry_designation": {"en": "Peace zone", "es": "Zona de paz"},
    "entry_control": {"en": "Control", "es": "Control"},
    "status_in_force": {"en": "in force", "es": "en vigor"},
    "status_suspended": {"en": "suspended", "es": "suspendida"},
    "status_ended": {"en": "ended", "es": "terminada"},
    "status_disputed": {"en": "disputed", "es": "en disputa"},
    "conf_assessed": {"en": "assessed", "es": "evaluado"},
    "conf_claimed": {"en": "claimed", "es": "afirmado"},
    "conf_disputed": {"en": "disputed", "es": "en disputa"},
    "profile_actors": {"en": "Actors involved", "es": "Actores involucrados"},
    "col_actor": {"en": "Actor", "es": "Actor"},
    "profile_sources": {"en": "Sources", "es": "Fuentes"},
    "col_event": {"en": "Catalog id", "es": "Id del catálogo"},
    "col_link": {"en": "Link", "es": "Enlace"},
    "col_title": {"en": "Title", "es": "Título"},
})

TEXTS.update({
    # --- rendered map ---
    "render_counts": {
        "en": "{shown} incidents drawn; {not_drawn} selected but not drawn (no sourced coordinate, or outside "
        "this frame). Circle size: fatalities (upper figure); hollow: no figure reported.",
        "es": "{shown} incidentes dibujados; {not_drawn} seleccionados pero no dibujados (sin coordenada con fuente "
        "o fuera de este encuadre). Tamaño del círculo: víctimas fatales (cifra mayor); hueco: sin cifra.",
    },
    "render_credit": {"en": "Map: Territorio.", "es": "Mapa: Territorio."},
})

TEXTS.update({
    # --- downloads ---
    "take_away": {"en": "Download and cite", "es": "Descargar y citar"},
    "download_csv": {"en": "Table (CSV)", "es": "Tabla (CSV)"},
    "download_geojson": {"en": "GeoJSON", "es": "GeoJSON"},
    "download_gpkg": {"en": "GeoPackage", "es": "GeoPackage"},
    "download_png": {"en": "Map picture (PNG)", "es": "Imagen del mapa (PNG)"},
    "download_svg": {"en": "Map picture (SVG)", "es": "Imagen del mapa (SVG)"},
    "take_away_note": {
        "en": "Files hold exactly this area's incidents, each with its sources, the data version, the filter in "
        "words and the licence.",
        "es": "Los archivos contienen exactamente los incidentes de esta zona, cada uno con sus fuentes, la versión "
        "de los datos, el filtro en palabras y la licencia.",
    },
})
