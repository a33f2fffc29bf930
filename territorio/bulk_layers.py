"""The incidents layer for any number of incidents (see territorio.aggregate for what is drawn):
- few: the catalog's own layer (layers.incident_layer: clustered circles with popups);
- more, but few enough in the selection or in view: circles on one canvas, popups bound only to them;
- many: counts per hexagon, coloured by class, with a note saying how many incidents they hold.
Popup HTML is built only for the points drawn (`popup_html(rows)` is called with those rows alone)."""

from __future__ import annotations

import html
import math
from typing import Callable

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from territorio import aggregate, layers
from territorio.i18n import t
from territorio.legend import LegendItem, LegendSection
from territorio.numbers import fmt_int
from territorio.text import script_json

CLUSTER_LIMIT = 50     # up to this many points: the catalog's clustered layer (co-located points spread)
# Hexagon classes: viridis (colour-blind safe, reads in greyscale), light = few; not the choropleth's blues.
HEX_COLORS = ["#fde725", "#7ad151", "#22a884", "#2a788e", "#414487"]
PopupFn = Callable[[pd.DataFrame], list[str]]


def incident_layer(joined: pd.DataFrame, mask: np.ndarray, popup_html: PopupFn, type_labels: dict[str, str],
                   lang: str, bounds: aggregate.Bounds | None = None, zoom: float | None = None
                   ) -> tuple[folium.FeatureGroup, LegendSection]:
    """The incidents of the selection `mask` as points or hexagons, with their legend section."""
    lat, lon = joined["lat"].to_numpy(float), joined["lon"].to_numpy(float)
    p = aggregate.plan(lat, lon, mask & joined["mapped"].to_numpy(bool), bounds, zoom)
    if p.mode == "hexagons":
        return hexagon_layer(p, lang)
    rows = joined.iloc[p.drawn]
    if len(rows) == p.mapped and len(rows) <= CLUSTER_LIMIT:
        return layers.incident_layer(rows, popup_html(rows), type_labels, lang)
    group, section = canvas_layer(rows, popup_html(rows), type_labels, lang)
    if len(rows) < p.mapped:
        note = t("points_in_view_note", lang, shown=fmt_int(len(rows), lang), n=fmt_int(p.mapped, lang))
        section = LegendSection(section.title, section.items, note)
    return group, section


# --- many points on one canvas -----------------------------------------------------------------------

class CanvasPoints(MacroElement):
    """Circle markers drawn on one Leaflet canvas (in the incidents pane); tooltips and popups bound per
    point (Leaflet builds a popup's DOM only when it opens). Rows: lat, lon, radius, stroke, weight, fill,
    fill opacity, tooltip, popup - all text already escaped HTML."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var renderer = L.canvas({pane: "incidents", padding: 0.3});
  var group = L.featureGroup();
  {{ this.rows_json }}.forEach(function (r) {
    L.circleMarker([r[0], r[1]], {renderer: renderer, radius: r[2], color: r[3], weight: r[4], fillColor: r[5],
                                  fillOpacity: r[6], fill: true})
      .bindTooltip(r[7], {sticky: true}).bindPopup(r[8], {maxWidth: 360}).addTo(group);
  });
  return group;
})();
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, rows: list[list]):
        super().__init__()
        self._name = "CanvasPoints"
        self.rows_json = script_json(rows)


def canvas_layer(rows: pd.DataFrame, popups: list[str], type_labels: dict[str, str], lang: str
                 ) -> tuple[folium.FeatureGroup, LegendSection]:
    tolls = rows["fatalities_max"]
    unknown = tolls.isna().to_numpy()
    colors = rows["type"].map(layers.TYPE_COLORS).fillna(layers.OTHER_TYPE_COLOR).to_numpy(dtype=object)
    radius = 6 + 3 * np.sqrt(tolls.fillna(0).to_numpy(float))
    titles = rows[f"title_{lang}"].astype(str).map(html.escape).to_numpy(dtype=object)
    data = [[round(float(a), 5), round(float(b), 5), round(float(r), 1), c if u else "#222222", 3 if u else 1.5, c,
             0.1 if u else 0.85, tip, pop]
            for a, b, r, c, u, tip, pop in zip(rows["lat"], rows["lon"], radius, colors, unknown, titles, popups)]
    group = folium.FeatureGroup(name=t("layer_incidents", lang))
    CanvasPoints(data).add_to(group)
    items = [i for i in layers.type_legend(type_labels, lang, set(rows["type"])) if i.label != t("legend_cluster", lang)]
    return group, LegendSection(t("layer_incidents", lang), tuple(items))


# --- counts per hexagon ---------------------------------------------------------------------------------

class Hexagons(MacroElement):
    """Hexagons drawn on one canvas from their centres (corners computed in the browser, so each cell
    costs a few bytes). Rows: lat, lon, class index, tooltip (escaped HTML)."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var renderer = L.canvas({pane: "incidents", padding: 0.3});
  var group = L.featureGroup(), colors = {{ this.colors_json }}, rad = {{ this.radius }}, k = {{ this.k }};
  var tips = {{ this.tips_json }};
  var offsets = [30, 90, 150, 210, 270, 330].map(function (a) {
    a = a * Math.PI / 180; return [rad * Math.sin(a), rad * Math.cos(a) / k];
  });
  {{ this.rows_json }}.forEach(function (r) {
    L.polygon(offsets.map(function (o) { return [r[0] + o[0], r[1] + o[1]]; }),
              {renderer: renderer, color: "#555555", weight: 0.5, fillColor: colors[r[2]], fillOpacity: 0.8})
      .bindTooltip(r[3] === "1" ? tips[0] : tips[1].replace("{n}", r[3]), {sticky: true}).addTo(group);
  });
  return group;
})();
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, rows: list[list], radius_deg: float, lat0: float, colors: list[str], tips: list[str]):
        super().__init__()
        self._name = "Hexagons"
        self.rows_json, self.colors_json, self.tips_json = script_json(rows), script_json(colors), script_json(tips)
        self.radius, self.k = round(radius_deg, 7), round(math.cos(math.radians(lat0)), 7)


def hexagon_layer(p: aggregate.Plan, lang: str) -> tuple[folium.FeatureGroup, LegendSection]:
    breaks = layers.class_breaks(int(p.cells["n"].max()) if len(p.cells) else 0, len(HEX_COLORS))
    classes = np.searchsorted(np.array(breaks), p.cells["n"].to_numpy(), side="right") - 1
    rows = [[round(float(la), 5), round(float(lo), 5), int(c), fmt_int(int(n), lang)]
            for n, la, lo, c in zip(p.cells["n"], p.cells["lat"], p.cells["lon"], classes)]
    group = folium.FeatureGroup(name=t("layer_incidents", lang))
    tips = [html.escape(t("agg_tip_one", lang)), html.escape(t("agg_tip", lang, n="{n}"))]
    Hexagons(rows, p.radius_deg, p.lat0, HEX_COLORS, tips).add_to(group)
    items = tuple(LegendItem(layers._class_label(i, breaks, lang), "fill", HEX_COLORS[i], opacity=0.8)
                  for i in range(len(breaks)))
    note = t("agg_note", lang, n=fmt_int(p.mapped, lang))
    return group, LegendSection(t("agg_title", lang), items, note)
