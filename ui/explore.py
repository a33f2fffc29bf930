"""Streamlit glue of the map page: widget state seeded from the URL, written back to it, map clicks and
playback as callbacks (callbacks run before the script, so they may change widget values)."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from territorio.analysis import timeline
from territorio.catalog.model import Catalog
from territorio.map import clicks, density
from territorio.map.view import MapView
from territorio.selection import filters, playback, urlstate
from territorio.selection.filters import FilterSpec
from ui import mapframe

MAP_KEY = "map"
FULL_RUN = "_full_run"      # set by a callback of the playhead fragment that needs the whole page to run
WHOLE_RUN = "_whole_run"    # set while the whole page runs (the fragment then is not a Play tick)
MOVES_KEPT = 16             # the server's recent window moves, to tell a stale report from a choice
TABLE_MAX_ROWS = 10_000   # beyond this a browser table is no help: the downloads carry every row


def keep_window_in(span: tuple[dt.date, dt.date]) -> None:
    """After the dataset changes, a window outside its span becomes the whole span (before the slider is drawn)."""
    window = st.session_state.get("window")
    if window and not (span[0] <= window[0] <= window[1] <= span[1]):
        start, end = max(window[0], span[0]), min(window[1], span[1])
        st.session_state["window"] = (start, end) if start <= end else span


def type_options(cat: Catalog, joined: pd.DataFrame) -> list[str]:
    """The type filter's values: the catalog's types present, in the catalog's order, then the data's own."""
    present = set(joined["type"])
    known = [k for k in cat.event_types.key if k in present]
    return known + sorted(present - set(known))


def actor_options(cat: Catalog, joined: pd.DataFrame) -> list[str]:
    """The actor filter's values: the catalog's actors, then the data's own (an imported file's actors)."""
    known = list(cat.actors.actor_id)
    own = set(filters.own_names(joined, "actor_ids").values()) - set(known)
    return known + sorted(own)


def seed_from_url(cat: Catalog, span: tuple[dt.date, dt.date], joined: pd.DataFrame | None = None) -> None:
    """Once per session: widgets take their first values from the URL; bad values become notes."""
    if st.session_state.get("_seeded"):
        return
    state, notes = urlstate.from_query(st.query_params.get_all, cat, span, joined)
    spec = state.spec
    st.session_state.update({
        "window": (spec.date_from, spec.date_to), "areas": list(spec.areas), "types": list(spec.types),
        "actors": list(spec.actors), "min_fatalities": spec.min_fatalities, "url_notes": notes,
        "map_view": state.view, "mount_view": state.view, "_seeded": True,
    })


def spec_from_widgets() -> FilterSpec:
    window = st.session_state["window"]
    return FilterSpec(date_from=window[0], date_to=window[1], areas=tuple(st.session_state["areas"]),
                      types=tuple(st.session_state["types"]), actors=tuple(st.session_state["actors"]),
                      min_fatalities=int(st.session_state["min_fatalities"] or 0))


def write_url(spec: FilterSpec, lang: str, span, data_query: dict[str, str] | None = None) -> None:
    state = urlstate.ViewState(spec=spec, lang=lang, view=st.session_state.get("map_view"))
    wanted = {**urlstate.to_query(state, span), **(data_query or {})}
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    if {k: (v if isinstance(v, list) else [v]) for k, v in wanted.items()} != current:
        st.query_params.from_dict(wanted)


def on_map_change() -> None:
    """A click on an area toggles it in the area filter; a pan or zoom is remembered for the URL."""
    result = st.session_state.get(MAP_KEY)
    area, count = clicks.clicked_area(result, st.session_state.get("_click_count"))
    st.session_state["_click_count"] = count
    st.session_state["_map_report"] = True          # not a Play tick: the window stays
    if area:
        st.session_state["areas"] = list(clicks.toggle(tuple(st.session_state.get("areas", [])), area))
        request_full_run()                          # a filter changed: the chart and tables too
    if st.session_state.get("_below_pending"):      # the map's first report brings what lies below it
        request_full_run()
    st.session_state["map_bounds"] = density.bounds_of(result) or st.session_state.get("map_bounds")
    view = clicks.view_of(result)
    if view:
        st.session_state["map_view"] = MapView(round(view[0], 5), round(view[1], 5), round(view[2], 2))


def map_first() -> bool:
    """True on the session's first run of the map page: what lies below the map waits for the next run, so
    the browser's first work is drawing the map (it reports its view as soon as it is drawn, and that rerun
    brings the rest; so does any other interaction)."""
    first = not st.session_state.get("_map_page_ran")
    st.session_state["_map_page_ran"] = True
    st.session_state["_below_pending"] = first
    return first


def map_window() -> tuple[density.Bounds | None, float | None]:
    """The view the map last reported (bounds, zoom): the incidents layer draws points only for it."""
    view = st.session_state.get("map_view")
    bounds = st.session_state.get("map_bounds")
    if bounds is None and view is not None and view.lat is not None:     # opened from a link with a view
        bounds = density.view_bounds(view.lat, view.lon, view.zoom)
    return bounds, (view.zoom if view else None)


def request_full_run() -> None:
    """From a callback of the playhead fragment: the whole page runs next (see pages/explore.py)."""
    st.session_state[FULL_RUN] = True


def page_run_begins() -> None:
    """The whole page is running: any request for it is met, and the fragment is not a Play tick."""
    st.session_state.pop(FULL_RUN, None)
    st.session_state[WHOLE_RUN] = True


def playhead_begins(span) -> bool:
    """At the top of the playhead fragment. On a Play tick (the fragment's own timer, not the whole page, not
    the map reporting its view) the window moves one step on, unless the browser has not shown the last step
    yet (its slider reported an older window): the server never runs ahead of what the room sees, so Pause
    stops on the frame shown. True when the whole page must run instead: a callback asked for it, or
    playback has just reached the span's end."""
    whole = st.session_state.pop(WHOLE_RUN, False)
    map_report = st.session_state.pop("_map_report", False)
    behind = st.session_state.pop("_window_shown", None) is not None
    if whole:
        return False
    if st.session_state.pop(FULL_RUN, False):
        return True
    if st.session_state.get("playing") and not map_report and not behind:
        return not step_once(span)
    return False


def play_interval() -> float:
    return playback.interval(st.session_state.get("play_pace", playback.DEFAULT_PACE))


def _move_window(new: tuple[dt.date, dt.date]) -> None:
    """The server moves the window; the window it leaves is remembered for a while (see on_window_change)."""
    old = tuple(st.session_state["window"])
    moves = st.session_state.get("_window_moves", ())
    st.session_state["_window_moves"] = ((old, time.monotonic()), *moves)[:MOVES_KEPT]
    st.session_state["window"] = st.session_state["_window_now"] = new


def on_window_change() -> None:
    """The slider reports a window. A browser that sent its request before it heard of the server's last move
    (a Step, a Play tick) reports the window before that move: that report is stale and the window stays
    where the server moved it. Without this, a click made while the map's view report was in flight set
    the window back."""
    reported = tuple(st.session_state["window"])
    current = st.session_state.get("_window_now", reported)
    if playback.is_stale(reported, current, st.session_state.get("_window_moves", ()), time.monotonic()):
        st.session_state["_window_shown"] = reported      # what the browser showed (Pause stops there)
        st.session_state["window"] = current
    else:
        request_full_run()


def remember_window() -> None:
    """After the slider: the window this run shows (what a stale report is told apart from)."""
    st.session_state["_window_now"] = tuple(st.session_state["window"])


def set_playing(span, playing: bool) -> None:
    """The Play/Pause button: it says what it does (a click Streamlit delivers twice, as it may when a run is
    cut short, plays or pauses once, where a toggle would undo itself). Play starts from the window (or the
    span's first unit); Pause stops on the frame the browser showed when it was clicked."""
    if st.session_state.get("playing", False) == playing:
        return
    st.session_state["playing"] = playing
    if playing:
        _move_window(playback.start(tuple(st.session_state["window"]), span, st.session_state["play_unit"]))
    else:
        shown = st.session_state.pop("_window_shown", None) or tuple(st.session_state["window"])
        now = st.session_state.get("_window_now", shown)
        if playback.is_stale(shown, now, st.session_state.get("_window_moves", ()), time.monotonic()):
            st.session_state["window"] = st.session_state["_window_now"] = shown


def step_once(span) -> bool:
    """Move the window one unit on; False (and playback stops) at the end of the span."""
    nxt = playback.step(tuple(st.session_state["window"]), span, st.session_state["play_unit"])
    if nxt is None:
        st.session_state["playing"] = False
        return False
    _move_window(nxt)
    return True


def fits_to_areas(areas: tuple[str, ...]) -> bool:
    """Whether choosing `areas` moves the map to them: yes, except on a link's first opening when the link
    has its own view (lat / lon), which then holds until the choice of areas changes."""
    first = st.session_state.setdefault("_fit_areas_from", areas)
    view = st.session_state.get("mount_view")
    return not (areas == first and view is not None and view.lat is not None)


def remount_view(base_key: tuple) -> MapView | None:
    """The view to give st_folium: fixed while the base map stays mounted (so playback and filters never
    move it); the latest known view when the base map changes (language, tiles) and remounts."""
    if st.session_state.get("_base_key") != base_key:
        st.session_state["_base_key"] = base_key
        st.session_state["mount_view"] = st.session_state.get("map_view")
    return st.session_state.get("mount_view")


@st.cache_resource(max_entries=64, show_spinner=False)
def _monthly(data: tuple, _joined: pd.DataFrame, areas: tuple, types: tuple, actors: tuple,
             min_fatalities: int) -> timeline.Monthly:
    from ui.common import catalog

    cat = catalog()
    return timeline.monthly(_joined, filters.apply(cat, _joined, FilterSpec(None, None, areas, types, actors,
                                                                            min_fatalities)).mask)


@st.cache_resource(max_entries=32, show_spinner=False)
def _base_map(data: tuple, _joined: pd.DataFrame, lang: str, online: bool, assets: str,
              view: tuple | None) -> mapframe.Base:
    from loaders import geodata
    from territorio.map import basemap
    from ui.common import catalog

    cat = catalog()
    return mapframe.prepare(basemap.caracas_map(cat.parishes, geodata.read("municipalities"),
                                                basemap.MapOptions(lang=lang, online_tiles=online, asset_base=assets),
                                                focus=basemap.focus_bounds(cat, _joined), view=view), MAP_KEY)


def base_map(joined: pd.DataFrame, choice: str, lang: str, online: bool, assets: str,
             view: tuple | None) -> mapframe.Base:
    """The base map, made once per data, language, tiles, asset address and opening view, for every session:
    it never changes with the filters or the window (shared: never to be changed)."""
    return _base_map(_data_key(joined, choice), joined, lang, online, assets, view)


def _data_key(joined: pd.DataFrame, choice: str) -> tuple:
    """What the page's data is: the catalog's version, or the synthetic incidents' size and seed, and the
    dataset chosen (its key, and which joined frame: a kept dataset's is cached until its file changes)."""
    from loaders import catalog as catalog_loader
    from ui.common import data_version

    return catalog_loader.synthetic_setting(), data_version(), choice, id(joined), len(joined)


def monthly(spec: FilterSpec, joined: pd.DataFrame, choice: str) -> timeline.Monthly:
    """The timeline's counts for every date under the spec's other filters, on the chosen data: the same for
    every window, so computed once per filter and data (read-only) and not again on each step."""
    return _monthly(_data_key(joined, choice), joined, spec.areas, spec.types, spec.actors, spec.min_fatalities)


@dataclass(frozen=True)
class UploadView:
    total: int
    matched: int
    outside: int       # matched, mapped, outside the study area
    unmapped: int
    drawn: pd.DataFrame


def upload_view(cat: Catalog, joined: pd.DataFrame, spec: FilterSpec, show_outside: bool) -> UploadView:
    """An uploaded file's incidents under the page's filters; points outside Caracas only when asked."""
    chosen = joined[filters.apply(cat, joined, spec).mask]
    mapped = chosen[chosen["mapped"]]
    outside = mapped[~mapped["in_study_area"].astype(bool)]
    drawn = mapped if show_outside else mapped[mapped["in_study_area"].astype(bool)]
    return UploadView(len(joined), len(chosen), len(outside), int((~chosen["mapped"]).sum()), drawn)


def table_columns(columns, lang: str) -> dict:
    """Readable, localised headers for the incident table (the export keeps its stable column names)."""
    from territorio.i18n import TEXTS, t

    return {c: st.column_config.Column(t(f"tcol_{c}", lang) if f"tcol_{c}" in TEXTS else c) for c in columns}
