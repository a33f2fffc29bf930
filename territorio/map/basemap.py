"""The base map (folium): its own basemap of parishes, municipal outlines and labels, the panes, the one
incidents canvas, offline assets. Styles are declared in territorio.map.styles.

The base map is the same on every rerun (so st_folium keeps it mounted); what changes is passed
as feature groups. It draws its own basemap from the project's geodata, so it looks finished with
no tiles and no internet.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from territorio.catalog.datapackage import OCHA_ATTRIBUTION
from territorio.catalog.model import Catalog
from territorio.i18n import t
from territorio.i18n.text import script_json
from territorio.map import assets, layout, templates
from territorio.map.legend import LEGEND_CSS
from territorio.map.styles import BASEMAP_STYLE, ZONE_STYLES
from territorio.map.view import CARACAS_CENTER, DEFAULT_ZOOM, MAX_ZOOM, MIN_ZOOM

OSM_TILES = {
    "tiles": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attr": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
}


@dataclass(frozen=True)
class MapOptions:
    lang: str = "en"
    online_tiles: bool = False
    keyboard: bool = True    # Leaflet's arrow-key panning; off where the arrow keys step a briefing's scenes
    asset_base: str = ""     # URL under which the app serves Leaflet & co. ("": inline them as data: URIs)
    room: bool = False       # type for a room (briefing): legend and parish names at 20 px


def _escaped(frame: gpd.GeoDataFrame, columns: list[str]) -> gpd.GeoDataFrame:
    """Text shown in tooltips is inserted as HTML by Leaflet: escape every value."""
    out = frame[columns + ["geometry"]].copy()
    for col in columns:
        out[col] = out[col].map(lambda v: html.escape(str(v)))
    return out


def _offline(m: folium.Map, asset_base: str = "") -> folium.Map:
    """Leaflet, jQuery and MarkerCluster from installed packages, inline or from the app's own URLs.
    MarkerCluster is loaded with the base map because st_folium only loads the assets of elements in
    the base map, not of dynamic layers."""
    if asset_base:
        m.default_js = assets.served(asset_base, ["leaflet", "jquery", "markerclusterjs"])
        m.default_css = assets.served(asset_base, ["leaflet_css", "markerclustercss",
                                                           "markerclusterdefaultcss"])
    else:
        m.default_js = assets.map_js() + assets.cluster_js()
        m.default_css = assets.map_css() + assets.cluster_css()
    return m


# Panes above Leaflet's overlay pane (400): outlines stay visible over filled layers; incidents on top.
PANES = {"outlines": 420, "incidents": 450}
INCIDENT_CANVAS = "_territorioIncidents"     # the map's property holding the incidents pane's one canvas

def _hatch_defs() -> str:
    patterns = "".join(
        f'<pattern id="tl-hatch-{k}" patternUnits="userSpaceOnUse" width="9" height="9" '
        f'patternTransform="rotate({z["angle"]})"><rect width="9" height="9" fill="{z["color"]}" fill-opacity="0.08"/>'
        f'<line x1="0" y1="0" x2="0" y2="9" stroke="{z["color"]}" stroke-width="3.5" stroke-opacity="0.75"/>'
        "</pattern>" for k, z in ZONE_STYLES.items())
    rules = "".join(f"path.zone-{k}{{fill:url(#tl-hatch-{k})}}" for k in ZONE_STYLES)
    return (f'<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>{patterns}</defs></svg>'
            f"<style>{rules}</style>")


def _panes(m: folium.Map) -> None:
    for name, z in PANES.items():
        folium.map.CustomPane(name, z_index=z, pointer_events=name != "outlines").add_to(m)
    m.get_root().html.add_child(Element(_hatch_defs()))
    IncidentCanvas().add_to(m)
    m.get_root().header.add_child(Element(f"<style>{LEGEND_CSS}{IncidentCanvas.CSS}</style>"))


def base_map(opts: MapOptions, center=CARACAS_CENTER, zoom=DEFAULT_ZOOM) -> folium.Map:
    m = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=False,
        minZoom=MIN_ZOOM,
        maxZoom=MAX_ZOOM,
        keyboard=opts.keyboard,
        zoomSnap=0.25,
        zoomDelta=0.5,
    )
    _offline(m, opts.asset_base)
    _MetricScale().add_to(m)
    _FocusWithoutScrolling().add_to(m)
    layout.MapLayout(opts.lang, room=opts.room).add_to(m)
    m.get_root().header.add_child(
        Element(
            "<style>.leaflet-container{background:%s;font-size:15px}"
            ".leaflet-tooltip{font-size:15px}</style>" % BASEMAP_STYLE["background"]
        )
    )
    if opts.online_tiles:
        folium.TileLayer(tiles=OSM_TILES["tiles"], attr=OSM_TILES["attr"], name="OpenStreetMap",
                         max_zoom=MAX_ZOOM, opacity=0.6).add_to(m)
    return m


def parish_layer(parishes: gpd.GeoDataFrame, lang: str) -> folium.GeoJson:
    data = _escaped(parishes, ["pcode", "name", "municipality"])
    data["area_id"] = data["pcode"]
    return folium.GeoJson(
        data.to_json(),
        name=t("layer_parishes", lang),
        style_function=lambda _f: BASEMAP_STYLE["parish"],
        highlight_function=lambda _f: BASEMAP_STYLE["parish_hover"],
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "municipality"],
            aliases=[t("parish", lang), t("municipality", lang)],
            sticky=True,
        ),
        className="parish",
        attribution=OCHA_ATTRIBUTION,
    )


def municipality_layer(municipalities: gpd.GeoDataFrame, lang: str) -> folium.GeoJson:
    data = _escaped(municipalities, ["name"])
    return folium.GeoJson(
        data.to_json(),
        name=t("layer_municipalities", lang),
        style_function=lambda _f: BASEMAP_STYLE["municipality"],
        className="municipality",
        pane="outlines",
        interactive=False,
    )


LABEL_MIN_ZOOM = 13
FOCUS_MARGIN = 0.012      # degrees (about 1.3 km) around the area framed first
LEGEND_ROOM = (300, 10)   # px kept free on the left when framing Caracas, so the legend hides no parish

_LABEL_CSS = (
    "<style>.parish-label{font:600 13px/1.1 system-ui,sans-serif;color:#333;text-align:center;"
    "white-space:nowrap;text-shadow:0 0 3px #fff,0 0 3px #fff;pointer-events:none}"
    ".parish-label div{transform:translate(-50%,-50%)}"
    ".labels-hidden .parish-label{display:none}</style>"
)


class _ParishLabels(MacroElement):
    """Parish names at their label points, shown from LABEL_MIN_ZOOM up (hover names work at every zoom).
    One element with the labels as data, not a folium Marker per parish: those compile two templates each
    every time st_folium renders the map, which it does on every rerun (~0.1 s for 32 parishes)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        {{ this.labels }}.forEach(function(l){
          L.marker([l[0], l[1]], {interactive: false, keyboard: false,
            icon: L.divIcon({html: l[2], className: 'parish-label', iconSize: [0, 0]})
          }).addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}"""
    )

    def __init__(self, parishes: gpd.GeoDataFrame):
        super().__init__()
        self._name = "ParishLabels"
        rows = [[float(r.label_lat), float(r.label_lon), f"<div>{html.escape(str(r.name))}</div>"]
                for r in parishes.itertuples()]
        self.labels = script_json(rows)


class _MetricScale(MacroElement):
    """A metric scale bar at the bottom right, where the legend never covers it."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        L.control.scale({imperial: false, position: 'bottomright'}).addTo({{ this._parent.get_name() }});
        {% endmacro %}"""
    )


class IncidentCanvas(MacroElement):
    """The one canvas of the incidents pane, shared by every bulk layer (bulk_layers.CanvasPoints, Hexagons):
    one canvas per redraw piled up, and Leaflet sends the mouse to the topmost canvas only, so a canvas also
    hid the parishes and every SVG marker beneath it from clicks.

    This canvas lets the mouse through; the map itself finds what is drawn under the pointer, unless the
    pointer is on something above the canvas (a marker, a popup, the legend). A circle takes its click
    (popup) and hover (tooltip); a hexagon (option passClicks) only its hover, so a click on it selects the
    parish beneath. While the pointer is on a drawn shape, other tooltips are hidden."""

    CSS = (".leaflet-container.over-incident{cursor:pointer}"
           ".over-incident .leaflet-tooltip:not(.incident-tip){visibility:hidden}")
    _template = Template(
        """{% macro script(this, kwargs) %}
        (function (map) {
          var canvas = map[{{ this.prop_json }}] = L.canvas({pane: "incidents", padding: 0.3});
          map.addLayer(canvas);
          canvas._container.style.pointerEvents = "none";
          var box = map.getContainer(), hovered = null, throttled = false;
          var level = +getComputedStyle(map.getPane("incidents")).zIndex;
          function beneath(el) {     // the pointer's element lies under the canvas (markers, popups, legend do not)
            if (el === box) { return true; }
            var pane = el.closest ? el.closest(".leaflet-pane") : null;
            return !!pane && (pane === map.getPane("mapPane") || (+getComputedStyle(pane).zIndex || 0) < level);
          }
          function under(e, clicking) {
            if (!beneath(e.target)) { return null; }
            var point = map.mouseEventToLayerPoint(e), found = null;
            for (var o = canvas._drawFirst; o; o = o.next) {
              var opts = o.layer.options;
              if (opts.interactive && !(clicking && opts.passClicks) && o.layer._containsPoint(point)) { found = o.layer; }
            }
            return found;
          }
          function hover(e, layer) {
            if (layer === hovered) { return; }
            if (hovered) { map._fireDOMEvent(e, "mouseout", [hovered]); }
            hovered = layer;
            if (layer) { map._fireDOMEvent(e, "mouseover", [layer]); }
            L.DomUtil[layer ? "addClass" : "removeClass"](box, "over-incident");
          }
          ["click", "dblclick", "contextmenu"].forEach(function (type) {
            box.addEventListener(type, function (e) {
              var layer = under(e, true);
              if (layer && !(type === "click" && map._draggableMoved(layer))) {
                e.stopPropagation();
                map._fireDOMEvent(e, type, [layer]);
              }
            }, true);
          });
          box.addEventListener("mousemove", function (e) {
            if (throttled || map.dragging.moving() || map._animatingZoom) { return; }
            throttled = true;
            setTimeout(function () { throttled = false; }, 32);
            var layer = under(e, false);
            hover(e, layer);
            if (layer) { map._fireDOMEvent(e, "mousemove", [layer]); }
          }, true);
          box.addEventListener("mouseleave", function (e) { hover(e, null); });
        })({{ this._parent.get_name() }});
        {% endmacro %}"""  # noqa: E501 (one line of the script is longer: rewrapping it would change the map page)
    )

    def __init__(self):
        super().__init__()
        self._name = "IncidentCanvas"
        self.prop_json = script_json(INCIDENT_CANVAS)


class _FocusWithoutScrolling(MacroElement):
    """Leaflet focuses the map on mousedown (for arrow-key panning) with a plain focus(), which scrolls a
    partly visible map into view in the middle of a click: the click then lands elsewhere. Focus it
    without scrolling."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function(m){
          var k = m.keyboard;
          if (!k || !k.enabled()) { return; }
          k.removeHooks();
          k._onMouseDown = function () {
            if (this._focused) { return; }
            this._map._container.focus({preventScroll: true});
          };
          k.addHooks();
        })({{ this._parent.get_name() }});
        {% endmacro %}"""
    )


class _LabelToggle(MacroElement):
    """Hide parish labels below LABEL_MIN_ZOOM (runs inside the map's own script)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
        (function(m){function f(){m.getContainer().classList.toggle('labels-hidden',
            m.getZoom() < {{ this.min_zoom }});}
         m.on('zoomend', f); f();})({{ this._parent.get_name() }});
        {% endmacro %}"""
    )

    def __init__(self, min_zoom: int):
        super().__init__()
        self._name = "LabelToggle"
        self.min_zoom = int(min_zoom)


def caracas_map(parishes: gpd.GeoDataFrame, municipalities: gpd.GeoDataFrame, opts: MapOptions,
                focus: tuple[float, float, float, float] | None = None,
                view: tuple[float, float, float] | None = None) -> folium.Map:
    """The base map of metropolitan Caracas: its own basemap, parishes, municipal outlines and labels.
    It depends only on the options and the view it opens at (lat, lon, zoom; else it frames `focus`), so
    st_folium keeps it mounted while the data layers change; the legend travels with the data layers
    (territorio.map.legend.LegendLayer)."""
    templates.install()
    m = base_map(opts, center=view[:2], zoom=view[2]) if view else base_map(opts)
    _panes(m)
    parish_layer(parishes, opts.lang).add_to(m)
    municipality_layer(municipalities, opts.lang).add_to(m)
    _ParishLabels(parishes).add_to(m)
    _LabelToggle(LABEL_MIN_ZOOM).add_to(m)
    m.get_root().header.add_child(Element(_LABEL_CSS))
    f = focus if focus is not None else parishes.total_bounds
    if not view:
        m.fit_bounds([[f[1] - FOCUS_MARGIN, f[0] - FOCUS_MARGIN], [f[3] + FOCUS_MARGIN, f[2] + FOCUS_MARGIN]],
                     padding_top_left=LEGEND_ROOM)
    b = parishes.total_bounds
    m.options["maxBounds"] = [[b[1] - 0.25, b[0] - 0.35], [b[3] + 0.25, b[2] + 0.35]]
    return m


def focus_bounds(cat: Catalog, joined: pd.DataFrame) -> tuple[float, float, float, float]:
    """Where the map opens: around every sector and every mapped incident in the study area
    (minx, miny, maxx, maxy). It depends on the data only, so the base map stays the same."""
    here = joined.loc[joined["mapped"] & joined["in_study_area"], ["lon", "lat"]]
    sx0, sy0, sx1, sy1 = cat.sectors.total_bounds
    if not len(here):
        return float(sx0), float(sy0), float(sx1), float(sy1)
    return (float(min(sx0, here.lon.min())), float(min(sy0, here.lat.min())),
            float(max(sx1, here.lon.max())), float(max(sy1, here.lat.max())))


def area_bounds(cat: Catalog, areas: tuple[str, ...]) -> tuple[float, float, float, float] | None:
    """The chosen parishes' and sectors' bounds (minx, miny, maxx, maxy), None when none is chosen."""
    chosen = pd.concat([cat.parishes[cat.parishes.pcode.isin(areas)].geometry,
                        cat.sectors[cat.sectors.sector_id.isin(areas)].geometry])
    if not len(chosen):
        return None
    return tuple(float(v) for v in chosen.total_bounds)
