"""The map frame: st_folium's component, with the base map's part made once per base map instead of on every run.

`streamlit_folium.st_folium` renders the whole base map (every parish outline, the labels, the offline assets'
links), turns it into Leaflet JS and hashes it on every call, though only the feature groups differ from one
time step to the next: about 60 ms a run on the 2-core reference machine at 100,000 incidents, half the
server's work for a Play frame. Here the base map's part (`Base`) is made once per base map key and kept;
a run renders only the feature groups. The arguments sent to the component are st_folium's own, built by
its own helpers (tests/unit/ui/test_mapframe.py compares them with what st_folium sends for the same map);
the browser side is st_folium's unchanged, so the frame, its Leaflet map and its view stay mounted.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable

import folium
import streamlit as st


def _sf():
    """streamlit_folium, imported when first drawn: it declares its component on import, which must happen
    inside the running app (ui/server.py warms this module before the app runs; a component declared then
    is not served and the map stays blank)."""
    import streamlit_folium

    return streamlit_folium


@dataclass(frozen=True)
class Base:
    """What st_folium derives from a base map: the same for every run that shows this base map."""
    folium_map: folium.Map
    script: str
    html: str
    header: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    bounds: list
    zoom: object
    frame_key: str         # the component's key: st_folium's hash of the base map's script and the key


def prepare(folium_map: folium.Map, key: str) -> Base:
    """st_folium's base map work, once (as `st_folium(fig, key=key, render=True)` does it on each call). The
    result is shared by every session showing this base map and never changed."""
    sf = _sf()
    folium_map.get_root().render()
    folium_map.render()
    html, header = sf._get_html(folium_map), sf._get_header(folium_map)
    script = sf._get_map_string(folium_map)
    css: list[str] = []
    js: list[str] = []
    for elem in _assets_of(folium_map):
        css.extend(href for _, href in getattr(elem, "default_css", []))
        js.extend(src for _, src in getattr(elem, "default_js", []))
    try:
        bounds = folium_map.get_bounds()
    except AttributeError:
        bounds = [[None, None], [None, None]]
    return Base(folium_map, script, html, header, sf.get_full_id(folium_map), tuple(dict.fromkeys(css)),
                tuple(dict.fromkeys(js)), bounds, folium_map.options.get("zoom"),
                sf.generate_js_hash(script, key, False))


def _assets_of(element):
    if isinstance(element, folium.elements.JSCSSMixin):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from _assets_of(child)


def groups_script(groups: list[folium.FeatureGroup]) -> str:
    """The feature groups as st_folium sends them. st_folium adds each group to the map to render it, and then
    writes `map_div` for that map's name: a blank map of its own stands in for the shared base map, which
    stays untouched (and does not grow run after run)."""
    parent = folium.Map(tiles=None)
    return "".join(_group_script(group, parent, idx) for idx, group in enumerate(groups))


RENDERED_KEPT = 256
_RENDERED: dict[tuple, str] = {}
_RENDER_LOCK = threading.Lock()


def _group_script(group: folium.FeatureGroup, parent: folium.Map, idx: int) -> str:
    """One group's script. A kept drawing (territorio.map.groups.kept: the sectors, the peace zones and
    control of a state, each a fresh copy carrying `kept_key`) is rendered once per key and place in the list
    and the text reused."""
    sf = _sf()
    key = getattr(group, "kept_key", None)
    if key is None:
        return sf._get_feature_group_string(group, map=parent, idx=idx)
    with _RENDER_LOCK:
        text = _RENDERED.get((key, idx))
    if text is None:
        text = sf._get_feature_group_string(group, map=parent, idx=idx)
        with _RENDER_LOCK:
            _RENDERED[(key, idx)] = text
            while len(_RENDERED) > RENDERED_KEPT:
                _RENDERED.pop(next(iter(_RENDERED)))
    return text


def defaults(base: Base, returned_objects: list[str]) -> dict:
    """What the component returns before the browser reports anything (st_folium's defaults)."""
    (sw, ne) = base.bounds
    every = {"last_clicked": None, "last_object_clicked": None, "last_object_clicked_count": None,
             "last_object_clicked_tooltip": None, "last_object_clicked_popup": None, "all_drawings": None,
             "last_active_drawing": None,
             "bounds": {"_southWest": {"lat": sw[0], "lng": sw[1]}, "_northEast": {"lat": ne[0], "lng": ne[1]}},
             "zoom": base.zoom, "last_circle_radius": None, "last_circle_polygon": None, "selected_layers": None,
             "selected_tags": None, "last_geocoder_result": None}
    return {k: v for k, v in every.items() if k in returned_objects}


def arguments(base: Base, groups: list[folium.FeatureGroup], height: int, returned_objects: list[str]) -> dict:
    """The component's arguments for this run, as st_folium(..., use_container_width=True) builds them."""
    return dict(script=base.script, header=base.header, html=base.html, id=base.map_id,
                key=base.frame_key, height=height, width=None,
                returned_objects=returned_objects, default=defaults(base, returned_objects), zoom=None, center=None,
                feature_group=groups_script(groups), return_on_hover=False, layer_control=None,
                pixelated=False, css_links=list(base.css_links), js_links=list(base.js_links), wrap_longitude=False)


def show(base: Base, groups: list[folium.FeatureGroup], key: str, height: int, returned_objects: list[str],
         on_change: Callable[[], None]):
    """The map frame (st_folium's component) with these feature groups; `st.session_state[key]` holds what the
    browser reported, as with st_folium."""
    args = arguments(base, groups, height, returned_objects)

    def _changed() -> None:
        st.session_state[key] = st.session_state.get(args["key"], {})
        on_change()

    return _sf()._component_func(**args, on_change=_changed)
