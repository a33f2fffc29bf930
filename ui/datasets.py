"""Streamlit glue of the dataset choice every page shares: which incidents (the catalog, a kept dataset, or a
kept dataset with the catalog), read from the address (?dataset=ID&catalog=1) through selection.urlstate, kept
in the session while the person moves between pages (Streamlit clears the address then), chosen in the sidebar,
and said at the top of the page (name, incidents, import date, report).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from loaders import workspace
from territorio.i18n import t
from territorio.i18n.numbers import fmt_int
from territorio.i18n.text import escape_markdown
from territorio.selection import urlstate
from territorio.selection.dataset import CATALOG, CATALOG_ONLY, DatasetChoice, DatasetInfo
from ui.common import show_url_notes

STATE = "_dataset_choice"        # the session's choice (not a widget key: it outlives pages that draw no widget)
PICK, MIX = "dataset_pick", "dataset_mix"
SESSION = "session:"             # the id prefix of an upload kept in this session only (never in the address)
_JOINED = "_dataset_session_joined"


@dataclass(frozen=True)
class Chosen:
    choice: DatasetChoice
    info: DatasetInfo | None      # the kept dataset's description (None: the catalog alone)
    joined: pd.DataFrame          # its incidents joined to parishes, sectors, zones and control (read-only)

    @property
    def query(self) -> dict[str, str]:
        """The address's part for the choice (none for an unsaved upload: other sessions cannot open it)."""
        if self.choice.dataset_id and self.choice.dataset_id.startswith(SESSION):
            return {}
        return urlstate.dataset_query(self.choice)


def _session_datasets() -> dict[str, DatasetInfo]:
    """This session's uploads of incidents (not kept), as datasets only this session can choose."""
    from ui import imports as ui_imports

    return {f"{SESSION}{name}": DatasetInfo(id=f"{SESSION}{name}", name=name, file=r.file, sha256="",
                                            imported_at=dt.date.today().isoformat(), rows_total=r.rows_total,
                                            rows_loaded=r.rows_loaded, rows_rejected=r.rows_rejected,
                                            dates=r.dating)
            for name, r in ui_imports.uploads().items() if r.kind == "incidents"}


def _session_joined(choice: DatasetChoice, info: DatasetInfo) -> pd.DataFrame:
    """An unsaved upload's incidents joined and stamped with its name (once per upload and session)."""
    from territorio.selection import dataset as ds
    from ui import imports as ui_imports
    from ui.common import catalog

    name = info.id[len(SESSION):]
    own = ui_imports.joined_uploads(catalog())[name]
    cache = st.session_state.setdefault(_JOINED, {})
    key = (name, id(own), choice.with_catalog)
    if key not in cache:
        cache.clear()
        cache[key] = ds.combine(workspace.stamped_catalog() if choice.with_catalog else None, ds.stamp(own, info))
    return cache[key]


def choose_upload(name: str) -> None:
    """A fresh upload becomes this session's choice, with the catalog: what the map then draws, every figure and
    download counts (an upload left as an overlay was drawn but counted nowhere)."""
    st.session_state[STATE] = DatasetChoice(f"{SESSION}{name}", with_catalog=True)
    for key in ("types", "actors"):
        st.session_state.pop(key, None)


def _from_address(known: dict[str, DatasetInfo]) -> None:
    """The address wins when it names a dataset (a shared link); otherwise the session keeps its choice."""
    choice, notes = urlstate.dataset_state(st.query_params.get_all, set(known))
    if choice is not None and choice != st.session_state.get(STATE):
        st.session_state[STATE] = choice
        st.session_state["_dataset_notes"] = notes
    st.session_state.setdefault(STATE, CATALOG_ONLY)


def _picked() -> None:
    """Widget -> the session's choice and the address (a callback: runs before the page, so the page reads it)."""
    dataset_id = st.session_state.get(PICK) or None
    choice = DatasetChoice(dataset_id, bool(dataset_id and st.session_state.get(MIX)))
    st.session_state[STATE] = choice
    st.session_state["_dataset_notes"] = []
    for key in ("dataset", "catalog"):
        if key in st.query_params:
            del st.query_params[key]
    if not (dataset_id or "").startswith(SESSION):      # an unsaved upload means nothing in another session
        st.query_params.update(urlstate.dataset_query(choice))
    for key in ("types", "actors"):     # another dataset's own types and actors mean nothing here
        st.session_state.pop(key, None)


def choose(lang: str) -> Chosen:
    """The incidents this page works on: the sidebar's choice, seeded from the address; said above the page."""
    kept = {i.id: i for i in workspace.listing()}
    _from_address(kept)
    known = {**kept, **_session_datasets()}
    choice = st.session_state[STATE]
    if choice.dataset_id and choice.dataset_id not in known:      # deleted, or an upload removed meanwhile
        choice = st.session_state[STATE] = CATALOG_ONLY
    st.session_state[PICK] = choice.dataset_id or ""
    st.session_state[MIX] = choice.with_catalog
    with st.sidebar:
        st.selectbox(t("dataset_choice", lang), ["", *known], key=PICK, on_change=_picked,
                     help=t("dataset_choice_help", lang),
                     format_func=lambda i: known[i].name if i in known else t("dataset_catalog", lang))
        if choice.dataset_id:
            st.checkbox(t("dataset_with_catalog", lang), key=MIX, on_change=_picked)
    show_url_notes(st.session_state.get("_dataset_notes", []), lang)
    info = known.get(choice.dataset_id)
    joined = _session_joined(choice, info) if info and info.id.startswith(SESSION) else workspace.joined(choice)
    chosen = Chosen(choice, info, joined)
    banner(chosen, lang)
    return chosen


def banner(chosen: Chosen, lang: str) -> None:
    """Which data the page shows: its name, incidents, import date and licence, and its report to download."""
    joined, info = chosen.joined, chosen.info
    if info is None:
        from ui.common import data_version

        st.caption(t("dataset_banner_catalog", lang, n=fmt_int(len(joined), lang), version=data_version()))
        return
    own = int((joined["dataset"] != CATALOG).sum())
    mixed = t("dataset_banner_mixed", lang, n=fmt_int(len(joined) - own, lang)) if chosen.choice.with_catalog else ""
    left, right = st.columns([5, 1])
    left.info(t("dataset_banner", lang, name=escape_markdown(info.name, limit=120), n=fmt_int(own, lang),
                date=info.imported_at[:10], licence=escape_markdown(info.licence, limit=120), mixed=mixed))
    right.download_button(t("dataset_report", lang), _report(info), key="dataset_report_download",
                          file_name=f"{file_stem('report', chosen.choice)}.json", mime="application/json",
                          on_click="ignore")
    undated = int(joined["date_lo"].isna().sum())
    if undated:
        st.caption(t("dataset_undated", lang, n=fmt_int(undated, lang)))


def file_stem(stem: str, choice: DatasetChoice) -> str:
    """A download's name says whose data it holds: 'map' for the catalog, 'map-ID' or 'map-ID+catalog'."""
    return stem if choice.is_catalog else f"{stem}-{choice.key()}".replace(SESSION, "session-")


def _report(info: DatasetInfo) -> str:
    if info.id.startswith(SESSION):
        from ui import imports as ui_imports

        return ui_imports.uploads()[info.id[len(SESSION):]].to_json()
    return workspace.report(info.id)


def scene_fields(choice: DatasetChoice) -> dict:
    """What a briefing scene saved from the map says of its data: a kept dataset's id (an unsaved upload cannot
    be named: the story would play it nowhere else)."""
    if choice.is_catalog or choice.dataset_id.startswith(SESSION):
        return {}
    return {"dataset": choice.dataset_id, "with_catalog": choice.with_catalog}


def scene_data(scene: dict, lang: str) -> pd.DataFrame:
    """The incidents a briefing scene plays on: the kept dataset it names (with the catalog if it says so), or
    the catalog, with a warning naming the dataset, when this workspace does not hold it."""
    wanted = scene.get("dataset") or ""
    if not wanted:
        return workspace.joined(CATALOG_ONLY)
    try:
        return workspace.joined(DatasetChoice(wanted, bool(scene.get("with_catalog"))))
    except workspace.DatasetNotFound:
        st.warning(escape_markdown(t("dataset_missing", lang, value=wanted), limit=400))
        return workspace.joined(CATALOG_ONLY)
