"""Your data: import a file (CSV, ACLED, GeoJSON, GeoPackage, Shapefile, KML/KMZ, GeoParquet) into this session,
see every row loaded or rejected with a reason, and download the report."""

import streamlit as st

from territorio import settings
from territorio.i18n import t
from ui import workspace as ui_workspace
from ui.common import catalog, footer, setup_page
from ui.imports import import_upload, preload_error, show_datasets, show_failure, upload_form

lang = setup_page("page_upload")

st.title(t("page_upload", lang))
st.markdown(t("upload_intro", lang))

failed = preload_error()
if failed:
    show_failure(settings.DATA.name, failed, lang)

spec = upload_form(lang)
if spec is not None:
    outcome = import_upload(spec, lang)
    if not hasattr(outcome, "rows_total"):
        show_failure(spec.name, outcome, lang)
    else:
        ui_workspace.keep_form(outcome, spec.data, catalog(), lang)

show_datasets(lang)
ui_workspace.kept_list(lang)
footer(lang)
