"""The map's layout and keyboard access, as one script in the map's frame (layout.js, beside this module):
where the legend sits and when it folds, popups that fit the map, clusters that zoom only as far as their
points separate, and Tab / Enter / Space over the incidents. Rules written as data here; the script applies
them whenever the view, the layers or the frame's size change."""

from __future__ import annotations

import re
from importlib import resources

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from territorio.i18n import t
from territorio.i18n.text import script_json

LEGEND_MAX_SHARE = 0.2   # the open legend may cover at most this share of the map, else it folds to a button
ROOM_LEGEND_MAX_SHARE = 0.3   # a briefing: 20 px type takes more room; beyond this it starts folded (its 20 px button)
PHONE_WIDTH = 600        # px: a map narrower than this opens with its legend folded

# The map fills its frame, whose height the page sets (ui/layout.py); focus marks (WCAG 2.4.7).
CSS = (
    "#map_div{height:100vh!important}html,body{overflow:hidden}"
    ".leaflet-container :focus-visible,.leaflet-container a:focus,.territorio-legend summary:focus-visible"
    "{outline:3px solid #0b4f8a!important;outline-offset:2px}"
    ".leaflet-container path.incident:focus,.leaflet-container path.upload:focus{outline:none;stroke:#0b4f8a;"
    "stroke-width:4px}"
    ".leaflet-marker-icon.marker-cluster:focus{outline:3px solid #0b4f8a;outline-offset:1px}"
    ".leaflet-container.leaflet-container:focus{outline:3px solid #0b4f8a;outline-offset:-3px}"
)


# folium's map header carries <meta name="viewport" ... maximum-scale=1.0, user-scalable=no>: it forbids a
# reader to zoom the page (WCAG 1.4.4). The frame's own viewport tag stays.
VIEWPORT_LOCK = re.compile(r'<meta name="viewport"[^>]*user-scalable=no[^>]*>', re.S)


# A briefing seen from the back of a room (1280x720 projectors): legend and parish names at 20 px.
# The legend's notes (how to read a layer) are for a reader at a desk: the presenter says them in a room.
ROOM_CSS = (".territorio-legend{font-size:20px;line-height:1.2;max-width:min(400px,calc(100% - 80px))}"
            ".territorio-legend .tl-note{display:none}.territorio-legend .tl-swatch{height:18px}"
            ".territorio-legend .tl-head{margin-top:2px}.parish-label{font-size:20px!important}")


def script_text() -> str:
    return resources.files("territorio.map").joinpath("layout.js").read_text(encoding="utf-8")


class MapLayout(MacroElement):
    """layout.js run on the map it is added to, with the texts it says to screen readers."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.script }}{% endmacro %}")

    def __init__(self, lang: str, room: bool = False):
        super().__init__()
        self._name = "MapLayout"
        self.css = CSS + (ROOM_CSS if room else "")
        options = {"maxShare": ROOM_LEGEND_MAX_SHARE if room else LEGEND_MAX_SHARE, "phoneWidth": PHONE_WIDTH,
                   "text": {"map": t("a11y_map", lang), "cluster": t("a11y_cluster", lang, n="{n}"),
                            "incident": t("a11y_incident", lang)}}
        self.options_json = script_json(options)

    def render(self, **kwargs):
        name, header = self._parent.get_name(), self._parent.get_root().header
        self.script = script_text().replace("__MAP__", name).replace("__OPTIONS__", self.options_json)
        map_header = header._children.get(name)       # the map renders its header before its children
        if map_header is not None:
            header.add_child(Element(VIEWPORT_LOCK.sub("", map_header.render())), name=name)
        header.add_child(Element(f"<style>{self.css}</style>"), name="territorio-layout-css")
        super().render(**kwargs)


class FitToArea(MacroElement):
    """Fits the map to the chosen areas when its group is added: st_folium adds a group again only when its
    script changes (stable ids), so the map moves when the choice of areas changes, not on every rerun.
    `fit` False keeps a shared link's own view (lat / lon / zoom) on first opening."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function(group){
          var Fit = L.Layer.extend({onAdd: function(map){
            map.territorioFocus = {{ this.bounds }};
            map.fire('legendadd');
            if ({{ this.fit }}) { map.fitBounds({{ this.bounds }}, {padding: [36, 36], maxZoom: 16}); }
          }, onRemove: function(map){ map.territorioFocus = null; }});
          group.addLayer(new Fit());
        })({{ this._parent.get_name() }});
        {% endmacro %}"""
    )

    def __init__(self, bounds: tuple[float, float, float, float], fit: bool):
        super().__init__()
        self._name = "FitToArea"
        x0, y0, x1, y1 = (round(float(v), 5) for v in bounds)
        self.bounds = script_json([[y0, x0], [y1, x1]])
        self.fit = "true" if fit else "false"


def fit_group(bounds: tuple[float, float, float, float] | None, fit: bool) -> list:
    """[] when no area is chosen, else one feature group that fits the map to `bounds` (minx, miny, maxx, maxy)."""
    if bounds is None:
        return []
    group = folium.FeatureGroup(name="fit", control=False)
    FitToArea(bounds, fit).add_to(group)
    group._id = "fitarea"
    next(iter(group._children.values()))._id = "fitarea0"
    return [group]
