"""Streamlit glue of the Your data page's workspace: keep an upload (saying first that every visitor of this
server will see it), map its own types onto the catalog's if the person wants, and list the kept datasets with
rename, delete (confirmed) and their reports. The work is loaders.workspace's."""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from loaders import workspace
from territorio.catalog.model import type_label
from territorio.i18n import t
from territorio.i18n.numbers import fmt_int
from territorio.i18n.text import escape_markdown
from territorio.imports import ImportResult, map_types, own_types
from territorio.selection import urlstate
from territorio.selection.dataset import DatasetChoice

OWN = ""     # the mapping's value for "keep the file's own type"


def type_map_editor(result: ImportResult, cat, lang: str) -> dict[str, str]:
    """A table of the file's own types, each left as its own (the default) or mapped onto a catalog type."""
    own = own_types(result.incidents, cat.event_types.key)
    if not own:
        return {}
    st.caption(t("ws_type_map", lang))
    labels = {type_label(cat, k, lang): k for k in cat.event_types.key}
    own_label = t("ws_type_own", lang)
    frame = pd.DataFrame({"type": list(own), "n": list(own.values()), "catalog": own_label})
    edited = st.data_editor(frame, hide_index=True, disabled=["type", "n"], key=f"typemap_{result.dataset}",
                            column_config={
                                "type": st.column_config.TextColumn(t("filter_type", lang)),
                                "n": st.column_config.NumberColumn(t("col_incidents", lang)),
                                "catalog": st.column_config.SelectboxColumn(
                                    t("dataset_catalog", lang), options=[own_label, *labels], required=True)})
    return {row.type: labels[row.catalog] for row in edited.itertuples() if row.catalog in labels}


def keep_form(result: ImportResult, data: bytes, cat, lang: str) -> None:
    """'Keep in this workspace': name, licence, the type mapping, and the statement that every visitor sees it."""
    if result.kind != "incidents" or not result.rows_loaded:
        return
    st.subheader(t("ws_keep", lang))
    st.warning(t("ws_public", lang))
    mapping = type_map_editor(result, cat, lang)
    with st.form(f"keep_{result.dataset}"):
        name = st.text_input(t("ws_name", lang), value=result.dataset, max_chars=120)
        licence = st.text_input(t("ws_licence", lang), value="unknown", max_chars=200)
        kept = st.form_submit_button(t("ws_keep", lang), type="primary")
    if kept:
        known = cat.event_types.key
        mapped = ImportResult(result.file, result.format, result.kind, result.dataset, result.rows_total,
                              result.rejected, result.warnings, incidents=map_types(result.incidents, mapping, known),
                              dating=result.dating)
        info = workspace.keep(mapped, name=name, sha256=hashlib.sha256(data).hexdigest(), licence=licence,
                              dates=result.dating)
        st.success(t("ws_kept", lang, name=escape_markdown(info.name, limit=120), id=info.id))
        st.markdown(_open_link(info.id, lang))


def _open_link(dataset_id: str, lang: str) -> str:
    """A link to the map on this dataset (a plain link: st.page_link needs app.py's navigation, which a page
    opened cold runs without). The id is ours (loaders.workspace.new_id): letters, digits and dashes."""
    return f"[{t('ws_open', lang)}](./?{urlencode(urlstate.dataset_query(DatasetChoice(dataset_id)))}&lang={lang})"


def kept_list(lang: str) -> None:
    """The workspace's datasets, newest first: each with its figures, report, rename and confirmed delete."""
    st.subheader(t("ws_title", lang))
    st.caption(t("ws_public", lang))
    kept = workspace.listing()
    if not kept:
        st.caption(t("ws_none", lang))
    for info in kept:
        with st.expander(escape_markdown(t("ws_row", lang, name=info.name, rows=fmt_int(info.rows_loaded, lang),
                                           date=info.imported_at[:10], licence=info.licence, file=info.file),
                                         limit=400)):
            _one(info, lang)


def _one(info, lang: str) -> None:
    open_col, report_col = st.columns(2)
    open_col.markdown(_open_link(info.id, lang))
    report_col.download_button(t("dataset_report", lang), workspace.report(info.id), f"{info.id}-report.json",
                               "application/json", key=f"ws_report_{info.id}", on_click="ignore")
    with st.form(f"ws_rename_{info.id}"):
        new = st.text_input(t("ws_new_name", lang), value=info.name, max_chars=120)
        if st.form_submit_button(t("ws_rename", lang)):
            workspace.rename(info.id, new)
            st.rerun()
    sure = st.checkbox(t("ws_delete_confirm", lang, name=escape_markdown(info.name, limit=120)),
                       key=f"ws_sure_{info.id}")
    if st.button(t("ws_delete", lang), key=f"ws_delete_{info.id}", disabled=not sure):
        workspace.delete(info.id)
        st.toast(t("ws_deleted", lang, name=info.name))
        st.rerun()
