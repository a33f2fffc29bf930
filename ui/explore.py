"""Streamlit glue of the map page: widget state seeded from the URL, written back to it, map clicks and
playback as callbacks (callbacks run before the script, so they may change widget values)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from territorio.catalog.model import Catalog
from territorio.map import clicks, density
from territorio.map.view import MapView
from territorio.selection import filters, playback, urlstate
from territorio.selection.filters import FilterSpec

MAP_KEY = "map"
PLAY_DELAY_S = 1.2    # pause between two playback steps: time for the map to redraw and be read
TABLE_MAX_ROWS = 10_000   # beyond this a browser table is no help: the downloads carry every row


def span_of(joined) -> tuple[dt.date, dt.date]:
    """The slider's span: whole years around every incident's dates."""
    lo, hi = pd.Timestamp(joined["date_lo"].min()), pd.Timestamp(joined["date_hi"].max())
    return dt.date(lo.year, 1, 1), dt.date(hi.year, 12, 31)


def seed_from_url(cat: Catalog, span: tuple[dt.date, dt.date]) -> None:
    """Once per session: widgets take their first values from the URL; bad values become notes."""
    if st.session_state.get("_seeded"):
        return
    state, notes = urlstate.from_query(st.query_params.get_all, cat, span)
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


def write_url(spec: FilterSpec, lang: str, span) -> None:
    state = urlstate.ViewState(spec=spec, lang=lang, view=st.session_state.get("map_view"))
    wanted = urlstate.to_query(state, span)
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    if {k: (v if isinstance(v, list) else [v]) for k, v in wanted.items()} != current:
        st.query_params.from_dict(wanted)


def on_map_change() -> None:
    """A click on an area toggles it in the area filter; a pan or zoom is remembered for the URL."""
    result = st.session_state.get(MAP_KEY)
    area, count = clicks.clicked_area(result, st.session_state.get("_click_count"))
    st.session_state["_click_count"] = count
    if area:
        st.session_state["areas"] = list(clicks.toggle(tuple(st.session_state.get("areas", [])), area))
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
    return first


def map_window() -> tuple[density.Bounds | None, float | None]:
    """The view the map last reported (bounds, zoom): the incidents layer draws points only for it."""
    view = st.session_state.get("map_view")
    bounds = st.session_state.get("map_bounds")
    if bounds is None and view is not None and view.lat is not None:     # opened from a link with a view
        bounds = density.view_bounds(view.lat, view.lon, view.zoom)
    return bounds, (view.zoom if view else None)


def toggle_play(span) -> None:
    playing = not st.session_state.get("playing", False)
    st.session_state["playing"] = playing
    if playing:
        st.session_state["window"] = playback.start(tuple(st.session_state["window"]), span,
                                                    st.session_state["play_unit"])


def step_once(span) -> bool:
    """Move the window one unit on; False (and playback stops) at the end of the span."""
    nxt = playback.step(tuple(st.session_state["window"]), span, st.session_state["play_unit"])
    if nxt is None:
        st.session_state["playing"] = False
        return False
    st.session_state["window"] = nxt
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
