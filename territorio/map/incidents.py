"""Every incident layer, at every size, for the catalog's incidents and each uploaded file's alike (see
territorio.map.density for what is drawn when):
- few: one clustered folium layer, circles with their popups (clustered_layer, clustered_upload_layer);
- more, but few enough in the selection or in view: circles on one canvas, popups bound only to them;
- many: counts per hexagon, coloured by class, with a note saying how many incidents they hold.
Popup HTML is built only for the points drawn (`popup_html(rows)` is called with those rows alone).

The catalog and an upload differ only in their look (territorio.map.styles): type colours and viridis
hexagons for the catalog; dotted white rings and smaller grey hexagons inside the same grid's cells for a file,
so a reader never takes one for the other and both show where they overlap. Every canvas layer of a map draws
on the map's one incidents canvas (basemap.IncidentCanvas), which lets clicks through to what lies beneath."""

from __future__ import annotations

import html
import math
from typing import Callable

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from folium.plugins import MarkerCluster
from jinja2 import Template

from territorio.catalog.model import Catalog
from territorio.i18n import t
from territorio.i18n.numbers import fmt_int
from territorio.i18n.text import script_json
from territorio.map import assets, basemap, density
from territorio.map.legend import LegendItem, LegendSection
from territorio.map.styles import (
    CATALOG_HEXAGONS,
    OTHER_TYPE_COLOR,
    SINGLE_SOURCE_DASH,
    TYPE_COLORS,
    UPLOAD_HEXAGONS,
    UPLOAD_STYLE,
    HexStyle,
    class_breaks,
    class_label,
    incident_radius,
    type_colour_rows,
)

CLUSTER_LIMIT = 120    # up to this many points: the catalog's clustered layer (co-located points spread; 82 in 0.2.0)
PopupFn = Callable[[pd.DataFrame], list[str]]
Layer = tuple[folium.FeatureGroup, LegendSection]


def _layer(frame: pd.DataFrame, mask: np.ndarray, bounds, zoom, lang: str, hexagons: Callable[[density.Plan], Layer],
           few: Callable[[pd.DataFrame], Layer], many: Callable[[pd.DataFrame], Layer]) -> Layer:
    """The selection `mask` of `frame` as hexagons, a few clustered points or canvas points (which say when
    only those in view are drawn)."""
    lat, lon = frame["lat"].to_numpy(float), frame["lon"].to_numpy(float)
    p = density.plan(lat, lon, mask & frame["mapped"].to_numpy(bool), bounds, zoom)
    if p.mode == "hexagons":
        return hexagons(p)
    rows = frame.iloc[p.drawn]
    if len(rows) == p.mapped and len(rows) <= CLUSTER_LIMIT:
        return few(rows)
    group, section = many(rows)
    if len(rows) < p.mapped:
        note = t("points_in_view_note", lang, shown=fmt_int(len(rows), lang), n=fmt_int(p.mapped, lang))
        section = LegendSection(section.title, section.items, note)
    return group, section


def incident_layer(cat: Catalog, joined: pd.DataFrame, mask: np.ndarray, popup_html: PopupFn, lang: str,
                   bounds: density.Bounds | None = None, zoom: float | None = None) -> Layer:
    """The catalog's incidents of the selection `mask` as points or hexagons, with their legend section."""
    title = t("layer_incidents", lang)
    return _layer(joined, mask, bounds, zoom, lang,
                  hexagons=lambda p: hexagon_layer(p, CATALOG_HEXAGONS, title, t("agg_title", lang), lang),
                  few=lambda rows: clustered_layer(cat, rows, popup_html(rows), lang),
                  many=lambda rows: canvas_layer(cat, rows, popup_html(rows), lang))


def upload_layer(rows: pd.DataFrame, popup_html: PopupFn, name: str, lang: str,
                 bounds: density.Bounds | None = None, zoom: float | None = None) -> Layer:
    """Every mapped incident of an uploaded file (`rows`, already filtered) as points or hexagons in the
    file's own look, with its legend section."""
    title = t("layer_upload", lang, name=name)
    return _layer(rows, np.ones(len(rows), bool), bounds, zoom, lang,
                  hexagons=lambda p: hexagon_layer(p, UPLOAD_HEXAGONS, title,
                                                   t("upload_agg_title", lang, name=name), lang),
                  few=lambda chosen: clustered_upload_layer(chosen, popup_html(chosen), name, lang),
                  many=lambda chosen: upload_canvas_layer(chosen, popup_html(chosen), name, lang))


def shared_canvas(element: MacroElement) -> str:
    """JS for the map's incidents canvas (basemap.IncidentCanvas); a canvas of its own for an element that is
    not on a map made by basemap."""
    node = element._parent
    while node is not None and not isinstance(node, folium.Map):
        node = node._parent
    own = 'L.canvas({pane: "incidents", padding: 0.3})'
    return own if node is None else f"({node.get_name()}[{script_json(basemap.INCIDENT_CANVAS)}] || {own})"


# --- few points, clustered where they share a place --------------------------------------------------

def offline_cluster(**options) -> MarkerCluster:
    """A MarkerCluster whose script and styles come from the installed package (see territorio.map.assets)."""
    cluster = MarkerCluster(options={"maxClusterRadius": 30, "showCoverageOnHover": False, **options})
    cluster.default_js, cluster.default_css = assets.cluster_js(), assets.cluster_css()
    return cluster


def clustered_layer(cat: Catalog, rows: pd.DataFrame, popups: list[str], lang: str) -> Layer:
    """Mapped incidents as circles sized by toll and coloured by type, clustered where they share a point."""
    group = folium.FeatureGroup(name=t("layer_incidents", lang))
    cluster = offline_cluster(spiderfyDistanceMultiplier=1.6)
    for rec, popup in zip(rows.to_dict("records"), popups):
        unknown = pd.isna(rec["fatalities_max"])
        color = TYPE_COLORS.get(rec["type"], OTHER_TYPE_COLOR)
        single = str(rec.get("single_source", "")) == "true"
        folium.CircleMarker(
            [rec["lat"], rec["lon"]], radius=incident_radius(rec["fatalities_max"]),
            color="#222222" if not unknown else color, weight=(1.5 if not unknown else 3) + (1 if single else 0),
            dash_array=SINGLE_SOURCE_DASH if single else None,
            fill=True, fill_color=color, fill_opacity=0.85 if not unknown else 0.1,
            popup=folium.Popup(popup, max_width=360), tooltip=html.escape(str(rec[f"title_{lang}"])),
            className=f"incident incident-{rec['type']}" + (" single-source" if single else ""), pane="incidents",
        ).add_to(cluster)
    cluster.add_to(group)
    items = type_legend(cat, lang, set(rows["type"]))
    if "single_source" in rows and (rows["single_source"] == "true").any():
        items.insert(-2, LegendItem(t("legend_single_source", lang), "circle", "#ffffff", "#222222", dashed=True))
    return group, LegendSection(t("layer_incidents", lang), tuple(items))


def type_legend(cat: Catalog, lang: str, present: set[str]) -> list[LegendItem]:
    """One row per colour on the map, then size and clusters."""
    items = [LegendItem(label, "circle", color, "#222222") for color, label in type_colour_rows(cat, lang, present)]
    items.append(LegendItem(t("legend_size", lang), "circle", "#ffffff", "#222222"))
    items.append(LegendItem(t("legend_cluster", lang), "circle", "#b5e28c", "#6ecc39"))
    return items


def clustered_upload_layer(rows: pd.DataFrame, popups: list[str], name: str, lang: str) -> Layer:
    """Incidents from an uploaded file: dotted rings (so they never pass for the catalog's), sized by
    toll, clustered where they crowd."""
    group = folium.FeatureGroup(name=t("layer_upload", lang, name=name))
    cluster = offline_cluster()
    for rec, popup in zip(rows.to_dict("records"), popups):
        folium.CircleMarker(
            [rec["lat"], rec["lon"]], radius=incident_radius(rec["fatalities_max"]), **UPLOAD_STYLE,
            popup=folium.Popup(popup, max_width=360), tooltip=html.escape(str(rec[f"title_{lang}"])),
            className="upload", pane="incidents",
        ).add_to(cluster)
    cluster.add_to(group)
    return group, LegendSection(t("layer_upload", lang, name=name), (upload_legend_item(lang),))


def upload_legend_item(lang: str) -> LegendItem:
    return LegendItem(t("legend_upload", lang), "circle", UPLOAD_STYLE["fill_color"], UPLOAD_STYLE["color"],
                      dashed=True)


# --- many points on one canvas -----------------------------------------------------------------------

class CanvasPoints(MacroElement):
    """Circle markers drawn on the map's incidents canvas; tooltips and popups bound per point (Leaflet
    builds a popup's DOM only when it opens). Rows: lat, lon, radius, stroke, weight, fill, fill opacity,
    tooltip, popup - all text already escaped HTML; `dash` (a dashArray) applies to every circle."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var renderer = {{ this.renderer_js() }};
  var group = L.featureGroup(), dash = {{ this.dash_json }};
  {{ this.rows_json }}.forEach(function (r) {
    L.circleMarker([r[0], r[1]], {renderer: renderer, radius: r[2], color: r[3], weight: r[4], fillColor: r[5],
                                  fillOpacity: r[6], fill: true, dashArray: dash, bubblingMouseEvents: false})
      .bindTooltip(r[7], {sticky: true, className: "incident-tip"}).bindPopup(r[8], {maxWidth: 360}).addTo(group);
  });
  return group;
})();
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, rows: list[list], dash: str | None = None):
        super().__init__()
        self._name = "CanvasPoints"
        self.rows_json, self.dash_json = script_json(rows), script_json(dash)

    def renderer_js(self) -> str:
        return shared_canvas(self)


def _point_rows(rows: pd.DataFrame, popups: list[str], stroke, weight, fill, fill_opacity, lang: str) -> list[list]:
    """CanvasPoints rows: circles sized by toll (as styles.incident_radius), each style value an array over
    the rows or one value for all, the title as tooltip (escaped)."""
    n = len(rows)
    per_row = [v if isinstance(v, np.ndarray) else np.full(n, v, dtype=object)
               for v in (stroke, weight, fill, fill_opacity)]
    radius = 6 + 3 * np.sqrt(rows["fatalities_max"].fillna(0).to_numpy(float))
    titles = rows[f"title_{lang}"].astype(str).map(html.escape).to_numpy(dtype=object)
    return [[round(float(a), 5), round(float(b), 5), round(float(r), 1), *style, tip, pop]
            for a, b, r, *style, tip, pop in zip(rows["lat"], rows["lon"], radius, *per_row, titles, popups)]


def canvas_layer(cat: Catalog, rows: pd.DataFrame, popups: list[str], lang: str) -> Layer:
    """The catalog's look: filled in the type's colour, or a hollow ring in it when no toll was reported."""
    unknown = rows["fatalities_max"].isna().to_numpy()
    colors = rows["type"].map(TYPE_COLORS).fillna(OTHER_TYPE_COLOR).to_numpy(dtype=object)
    data = _point_rows(rows, popups, np.where(unknown, colors, "#222222"), np.where(unknown, 3, 1.5), colors,
                       np.where(unknown, 0.1, 0.85), lang)
    group = folium.FeatureGroup(name=t("layer_incidents", lang))
    CanvasPoints(data).add_to(group)
    items = [i for i in type_legend(cat, lang, set(rows["type"])) if i.label != t("legend_cluster", lang)]
    return group, LegendSection(t("layer_incidents", lang), tuple(items))


def upload_canvas_layer(rows: pd.DataFrame, popups: list[str], name: str, lang: str) -> Layer:
    """An uploaded file's look (styles.UPLOAD_STYLE): dotted dark rings around a white fill."""
    style = UPLOAD_STYLE
    data = _point_rows(rows, popups, style["color"], style["weight"], style["fill_color"], style["fill_opacity"], lang)
    group = folium.FeatureGroup(name=t("layer_upload", lang, name=name))
    CanvasPoints(data, dash=style["dashArray"]).add_to(group)
    return group, LegendSection(t("layer_upload", lang, name=name), (upload_legend_item(lang),))


# --- counts per hexagon ---------------------------------------------------------------------------------

class Hexagons(MacroElement):
    """Hexagons drawn on the map's incidents canvas from their centres (corners computed in the browser, so
    each cell costs a few bytes). Rows: lat, lon, class index, count as text; `tips` (escaped HTML): the
    tooltip for one incident and for {n}."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var renderer = {{ this.renderer_js() }};
  var group = L.featureGroup(), look = {{ this.look_json }}, rad = {{ this.radius }}, k = {{ this.k }};
  var offsets = [30, 90, 150, 210, 270, 330].map(function (a) {
    a = a * Math.PI / 180; return [rad * Math.sin(a), rad * Math.cos(a) / k];
  });
  {{ this.rows_json }}.forEach(function (r) {
    L.polygon(offsets.map(function (o) { return [r[0] + o[0], r[1] + o[1]]; }),
              {renderer: renderer, color: look.stroke, weight: look.weight, dashArray: look.dash,
               fillColor: look.colors[r[2]], fillOpacity: look.fillOpacity, passClicks: true})
      .bindTooltip(r[3] === "1" ? look.tips[0] : look.tips[1].replace("{n}", r[3]),
                   {sticky: true, className: "incident-tip"}).addTo(group);
  });
  return group;
})();
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, rows: list[list], radius_deg: float, lat0: float, style: HexStyle, tips: list[str]):
        super().__init__()
        self._name = "Hexagons"
        self.rows_json = script_json(rows)
        self.look_json = script_json({"colors": list(style.colors), "stroke": style.stroke, "weight": style.weight,
                                      "dash": style.dash, "fillOpacity": style.fill_opacity, "tips": tips})
        self.radius = round(radius_deg * style.scale, 7)
        self.k = round(math.cos(math.radians(lat0)), 7)

    def renderer_js(self) -> str:
        return shared_canvas(self)


def hexagon_layer(p: density.Plan, style: HexStyle, name: str, title: str, lang: str) -> Layer:
    """Counts per hexagon in `style`: a feature group called `name`, a legend section headed `title`."""
    breaks = class_breaks(int(p.cells["n"].max()) if len(p.cells) else 0, len(style.colors))
    classes = np.searchsorted(np.array(breaks), p.cells["n"].to_numpy(), side="right") - 1
    rows = [[round(float(la), 5), round(float(lo), 5), int(c), fmt_int(int(n), lang)]
            for n, la, lo, c in zip(p.cells["n"], p.cells["lat"], p.cells["lon"], classes)]
    group = folium.FeatureGroup(name=name)
    tips = [html.escape(t(style.tips[0], lang)), html.escape(t(style.tips[1], lang, n="{n}"))]
    Hexagons(rows, p.radius_deg, p.lat0, style, tips).add_to(group)
    items = tuple(LegendItem(class_label(i, breaks, lang), "fill", style.colors[i], border=style.stroke,
                             dashed=style.dash is not None, opacity=style.fill_opacity)
                  for i in range(len(breaks)))
    note = t("agg_note", lang, n=fmt_int(p.mapped, lang))
    return group, LegendSection(title, items, note)
