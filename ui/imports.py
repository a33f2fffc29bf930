"""Streamlit glue for imported files: each session's uploads, the TERRITORIO_DATA preload, the report on screen.

An upload is visible only in the session that made it: results live in st.session_state["uploads"]
(dataset name -> territorio.imports.ImportResult). The map page reads them with `uploads()`.

TERRITORIO_DATA=/path/to/file (set by `territorio serve --data FILE`) preloads that file into every session.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from loaders import uploads as uploads_loader
from territorio import settings
from territorio.i18n import t
from territorio.i18n.text import escape_markdown
from territorio.imports import FileRejected, ImportResult, Limits, dataset_name

SESSION_KEY = "uploads"
_PRELOADED = "_uploads_preloaded"     # the TERRITORIO_DATA path this session already took in
_LAST = "_uploads_last"               # (file id, options) of the upload last read, so reruns do not re-read
_JOINED = "_uploads_joined"           # dataset name -> (ImportResult, its joined incidents)
PREVIEW_ROWS = 20
FILE_TYPES = ["csv", "txt", "tsv", "geojson", "json", "gpkg", "zip", "kml", "kmz", "parquet", "geoparquet"]
KIND_OPTIONS = ("auto", "incidents", "areas")
DATING = ("refuse", "undated", "one")     # a file with no date column: refuse it, load it undated, or date it


@dataclass(frozen=True)
class UploadSpec:
    """What the person asked for: a file and how to read it."""
    name: str
    data: bytes
    file_id: str
    fix_swapped: bool = False
    kind: str | None = None
    undated: bool = False        # a file with no date column: load its rows undated
    file_date: str = ""          # ... or with this date or period for every row


# --- the session's datasets ------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def _read_preloaded(path: str, mtime: float) -> ImportResult | FileRejected:
    """The TERRITORIO_DATA file, read once per server (and again when it changes). Read-only."""
    try:
        return uploads_loader.read_path(path, limits=Limits.from_env())
    except FileRejected as exc:
        return exc


def preload_error() -> FileRejected | None:
    path = settings.DATA.raw()
    if not path:
        return None
    if not os.path.isfile(path):        # named by the setting, never by its path on the server
        return FileRejected("setting_not_found", setting=settings.DATA.name)
    outcome = _read_preloaded(path, os.path.getmtime(path))
    return outcome if isinstance(outcome, FileRejected) else None


def uploads() -> dict[str, ImportResult]:
    """This session's imported datasets (the TERRITORIO_DATA file first, when set)."""
    store = st.session_state.setdefault(SESSION_KEY, {})
    path = settings.DATA.raw()
    if path and st.session_state.get(_PRELOADED) != path and os.path.exists(path):
        st.session_state[_PRELOADED] = path
        outcome = _read_preloaded(path, os.path.getmtime(path))
        if isinstance(outcome, ImportResult):
            store.setdefault(outcome.dataset, outcome)
    return store


def joined_uploads(cat) -> dict[str, pd.DataFrame]:
    """dataset name -> its incidents joined (territorio.catalog.join.join), once per dataset and session.
    For the map: each frame has the catalog's columns plus `dataset` and `row`; filters.apply works on it."""
    from territorio.catalog import join

    cache = st.session_state.setdefault(_JOINED, {})
    out = {}
    for name, result in uploads().items():
        if result.kind != "incidents":
            continue
        if cache.get(name, (None,))[0] is not result:
            cache[name] = (result, join.join(cat, incidents=result.incidents))
        out[name] = cache[name][1]
    return out


def _progress(name: str, limits: Limits, lang: str):
    """An on_wait callback: the seconds spent so far, once a second. Each update is also where Streamlit can
    stop this script (a rerun, a closed tab), which ends the import's child process."""
    slot, shown = st.empty(), -1

    def on_wait(elapsed: float) -> None:
        nonlocal shown
        if int(elapsed) != shown:
            shown = int(elapsed)
            slot.caption(t("upload_reading", lang, file=escape_markdown(name, limit=200), seconds=int(elapsed),
                           limit=f"{limits.max_seconds:g}"))
    return slot, on_wait


def import_upload(spec: UploadSpec, lang: str = "en") -> ImportResult | FileRejected:
    """Read an upload into the session (same file name: replaced), in a child process within the limits of
    Limits.from_env(), showing the seconds it takes. Reruns with the same file and options reuse the last
    result."""
    key = (spec.file_id, spec.fix_swapped, spec.kind, spec.undated, spec.file_date)
    last = st.session_state.get(_LAST)
    if last and last[0] == key:
        return last[1]
    limits = Limits.from_env()
    slot, on_wait = _progress(spec.name, limits, lang)
    try:
        outcome = uploads_loader.read(spec.data, spec.name, kind=spec.kind, fix_swapped=spec.fix_swapped,
                                      dataset=dataset_name(spec.name), limits=limits, on_wait=on_wait,
                                      undated=spec.undated, file_date=spec.file_date)
        uploads()[outcome.dataset] = outcome
        if outcome.kind == "incidents":     # the pages now count it with the catalog (ui.datasets)
            from ui import datasets as ui_datasets

            ui_datasets.choose_upload(outcome.dataset)
    except FileRejected as exc:
        outcome = exc
    slot.empty()
    st.session_state[_LAST] = (key, outcome)
    return outcome


# --- widgets -> spec ---------------------------------------------------------------------------------

def upload_form(lang: str) -> UploadSpec | None:
    file = st.file_uploader(t("upload_file", lang), type=FILE_TYPES, key="upload_file")
    left, right = st.columns(2)
    with left:
        fix = st.checkbox(t("upload_swap", lang), help=t("upload_swap_help", lang), key="upload_swap")
    with right:
        kind = st.radio(t("upload_kind", lang), KIND_OPTIONS, format_func=lambda k: t(f"kind_{k}", lang),
                        horizontal=True, key="upload_kind")
    dating = st.radio(t("ws_dates", lang), DATING, format_func=lambda d: t(f"ws_dates_{d}", lang), horizontal=True,
                      key="upload_dating")
    day = st.text_input(t("ws_dates_value", lang), key="upload_file_date", max_chars=40) if dating == "one" else ""
    if file is None:
        return None
    return UploadSpec(file.name, file.getvalue(), file.file_id, fix, None if kind == "auto" else kind,
                      undated=dating == "undated", file_date=day.strip() if dating == "one" else "")


# --- rendering ---------------------------------------------------------------------------------------

def _issues_table(result: ImportResult, issues, lang: str) -> pd.DataFrame:
    return pd.DataFrame({t("col_row", lang): [i.row for i in issues], t("col_code", lang): [i.code for i in issues],
                         t("col_message", lang): [i.message(result.file, lang) for i in issues]})


PREVIEW_COLUMNS = {  # what a person checks first; the whole frame goes to the map
    "incidents": ["row", "id", "date", "date_end", "date_precision", "title_en", "fatalities_min", "fatalities_max",
                  "lat", "lon", "place", "sources"],
    "areas": ["row", "id", "name", "description"],
}


def _preview(result: ImportResult) -> pd.DataFrame:
    frame = result.frame.head(PREVIEW_ROWS)
    out = pd.DataFrame(frame[PREVIEW_COLUMNS[result.kind]])
    return out.assign(geometry=frame.geometry.geom_type) if result.kind == "areas" else out


def show_result(result: ImportResult, lang: str) -> None:
    """Counts, preview, rejected rows and warnings, the report as JSON. Data text is never HTML here."""
    st.markdown(escape_markdown(t("upload_counts", lang, file=result.file, format=result.format,
                          kind=t(f"kind_{result.kind}", lang), total=result.rows_total, loaded=result.rows_loaded,
                          rejected=result.rows_rejected, warnings=len(result.warnings)), limit=1000))
    st.caption(t("upload_preview", lang, n=min(PREVIEW_ROWS, result.rows_loaded)))
    st.dataframe(_preview(result), hide_index=True, width="stretch")
    st.caption(t("upload_rejected", lang))
    if result.rejected:
        st.dataframe(_issues_table(result, result.rejected, lang), hide_index=True, width="stretch")
    else:
        st.caption(t("upload_none_rejected", lang))
    if result.warnings:
        st.caption(t("upload_warnings", lang))
        st.dataframe(_issues_table(result, result.warnings, lang), hide_index=True, width="stretch")
    st.download_button(t("upload_download", lang), result.to_json(lang), file_name=f"{result.dataset}-report.json",
                       mime="application/json", key=f"download_{result.dataset}")


def show_failure(name: str, exc: FileRejected, lang: str) -> None:
    st.error(f"{t('upload_failed', lang)}: {escape_markdown(name, limit=200)}: "
             f"{escape_markdown(exc.message(lang), limit=1000)}")


def show_datasets(lang: str) -> None:
    store = uploads()
    if not store:
        return
    st.subheader(t("upload_datasets", lang))
    for name, result in list(store.items()):
        with st.expander(escape_markdown(f"{name} · {result.file}", limit=200), expanded=True):
            show_result(result, lang)
            if st.button(t("upload_remove", lang), key=f"remove_{name}"):
                del store[name]
                st.rerun()
