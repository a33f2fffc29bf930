"""The map's data layers, each a folium FeatureGroup that st_folium swaps in without remounting the map:
parish choropleth, control, peace zones, sectors, incidents, and the legend. Styles are declared as data.

Every area feature carries `area_id` (a pcode or a sector id): a click on it selects that area
(see territorio.map.clicks).
"""

from __future__ import annotations

import html
import math

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely.geometry
from folium.plugins import MarkerCluster

from territorio.catalog.model import Catalog, actor_label
from territorio.i18n import t
from territorio.i18n.numbers import fmt_int
from territorio.map import assets
from territorio.map.basemap import ZONE_STYLES
from territorio.map.legend import LegendItem, LegendLayer, LegendSection

# --- styles ----------------------------------------------------------------------------------------

# Incident colours: the Okabe-Ito palette (safe for the common colour-vision deficiencies).
TYPE_COLORS = {
    "massacre": "#D55E00", "homicide": "#E69F00", "clash_armed_groups": "#CC79A7", "curfew": "#F0E442",
    "clash_security": "#0072B2", "security_operation": "#56B4E9", "killing_of_leader": "#009E73",
    "attack_on_security_forces": "#000000", "killing_of_officer": "#000000", "attack_on_official": "#000000",
    "protest": "#999999",
}
OTHER_TYPE_COLOR = "#666666"
SECTOR_STYLE = {"color": "#5b3a8c", "weight": 2.5, "dashArray": "7 5", "fill": False}

# Choropleth: ColorBrewer GnBu (sequential, colour-blind safe); "none recorded" keeps the basemap's paper.
CHOROPLETH_COLORS = ["#ccebc5", "#a8ddb5", "#7bccc4", "#43a2ca", "#0868ac"]
NONE_RECORDED = {"fillColor": "#fbfaf7", "fillOpacity": 0.0}
MEASURES = ("incidents", "fatalities")

# Controlling groups: Paul Tol's muted palette (colour-blind safe), warm hues first so they do not read as
# the blue-green choropleth; in the order the claims name them.
GROUP_COLORS = ["#CC6677", "#DDCC77", "#882255", "#999933", "#88CCEE", "#44AA99"]
CONFIDENCE_OPACITY = {"assessed": 0.55, "claimed": 0.35, "disputed": 0.2}

LAYERS = ("choropleth", "control", "zones", "sectors", "incidents")


def focus_bounds(cat: Catalog, joined: pd.DataFrame) -> tuple[float, float, float, float]:
    """Where the map opens: around every sector and every mapped incident in the study area
    (minx, miny, maxx, maxy). It depends on the data only, so the base map stays the same."""
    here = joined.loc[joined["mapped"] & joined["in_study_area"], ["lon", "lat"]]
    sx0, sy0, sx1, sy1 = cat.sectors.total_bounds
    if not len(here):
        return float(sx0), float(sy0), float(sx1), float(sy1)
    return (float(min(sx0, here.lon.min())), float(min(sy0, here.lat.min())),
            float(max(sx1, here.lon.max())), float(max(sy1, here.lat.max())))


def stable_ids(element, prefix: str) -> None:
    """Give an element and everything inside it ids that depend on its place, not on chance.

    folium names every element with a random id, so the same layer renders as different JS on every
    rerun; st_folium then swaps it out, closing popups and folding spread-out clusters each time the
    map reports a click or a pan. With stable ids an unchanged layer is left alone."""
    counter = iter(range(1_000_000))

    def visit(el) -> None:
        el._id = f"{prefix}{next(counter):x}"
        children = list(getattr(el, "_children", {}).values())
        for child in children:
            visit(child)
        if children:   # templates name some children by their key in this dict
            el._children = type(el._children)((child.get_name(), child) for child in children)
        for attr in ("html", "header", "script"):
            inner = getattr(el, attr, None)
            if inner is not None and hasattr(inner, "_children") and inner is not el:
                visit(inner)

    visit(element)


# --- helpers ---------------------------------------------------------------------------------------

def _geojson(frame: gpd.GeoDataFrame, text_columns: list[str], numbers: tuple[str, ...] = (), **kw
             ) -> folium.GeoJson:
    """A GeoJson layer whose text properties are escaped (Leaflet inserts tooltips as HTML). Built as a
    dict, row by row: these frames have a few dozen rows at most, where GeoDataFrame.to_json (and folium
    parsing its text back) cost three times as much, on every rerun."""
    features = []
    for props, geom in zip(frame[[*text_columns, *numbers]].to_dict("records"), frame.geometry):
        for col in text_columns:
            props[col] = html.escape("" if props[col] is None or props[col] is pd.NA else str(props[col]))
        for col in numbers:
            props[col] = None if pd.isna(props[col]) else props[col]
        features.append({"type": "Feature", "properties": props,
                         "geometry": None if geom is None else shapely.geometry.mapping(geom)})
    return folium.GeoJson({"type": "FeatureCollection", "features": features}, **kw)


def _tooltip(fields: list[str]) -> folium.GeoJsonTooltip:
    return folium.GeoJsonTooltip(fields=fields, labels=False, sticky=True)


# --- choropleth ------------------------------------------------------------------------------------

def parish_values(joined: pd.DataFrame, mask: np.ndarray, measure: str) -> pd.Series:
    """Per pcode: the number of selected incidents, or the sum of their upper death tolls."""
    chosen = joined.loc[mask & (joined["pcode"] != "").to_numpy(), ["pcode", "fatalities_max"]]
    if measure == "fatalities":
        return chosen.groupby("pcode")["fatalities_max"].sum(min_count=1).dropna().astype(int)
    return chosen.groupby("pcode").size()


def class_breaks(max_value: int, classes: int = len(CHOROPLETH_COLORS)) -> list[int]:
    """Lower bounds of up to `classes` classes over 1..max_value: 1, then steps of nice sizes."""
    if max_value <= classes:
        return list(range(1, max(max_value, 1) + 1))
    step = max_value / classes
    nice = min((m * 10 ** e for e in range(0, 7) for m in (1, 2, 5) if m * 10 ** e >= step))
    return [1] + [nice * k for k in range(1, classes) if nice * k <= max_value]


def class_of(value, breaks: list[int]) -> int:
    """The class index of a value (-1: nothing recorded)."""
    if value is None or pd.isna(value) or value < 1:
        return -1
    return max(i for i, b in enumerate(breaks) if value >= b)


def class_label(i: int, breaks: list[int], lang: str) -> str:
    lo = breaks[i]
    hi = breaks[i + 1] - 1 if i + 1 < len(breaks) else None
    if hi is None:
        return f"{fmt_int(lo, lang)}+" if i else fmt_int(lo, lang)
    return fmt_int(lo, lang) if lo == hi else f"{fmt_int(lo, lang)}–{fmt_int(hi, lang)}"


def choropleth_layer(parishes: gpd.GeoDataFrame, values: pd.Series, measure: str, lang: str
                     ) -> tuple[folium.FeatureGroup, LegendSection]:
    breaks = class_breaks(int(values.max()) if len(values) else 0)
    data = parishes[["pcode", "name", "geometry"]].copy()
    data["value"] = data["pcode"].map(values)
    data["cls"] = [class_of(v, breaks) for v in data["value"]]
    data["area_id"] = data["pcode"]
    data["label"] = [
        t(f"choro_tip_{measure}", lang, n=fmt_int(v, lang)) if c >= 0 else t("choro_none", lang)
        for v, c in zip(data["value"], data["cls"])
    ]
    group = folium.FeatureGroup(name=t("layer_choropleth", lang))

    def style(feature):
        c = feature["properties"]["cls"]
        base = {"color": "#7a7a7a", "weight": 1}
        if c < 0:
            return {**base, **NONE_RECORDED}
        return {**base, "fillColor": CHOROPLETH_COLORS[c], "fillOpacity": 0.75}

    _geojson(data, ["name", "label", "area_id"], ("cls",), style_function=style,
             highlight_function=lambda _f: {"weight": 3, "color": "#111111"},
             tooltip=_tooltip(["name", "label"]), className="choropleth").add_to(group)
    items = [LegendItem(class_label(i, breaks, lang), "fill", CHOROPLETH_COLORS[i], opacity=0.75)
             for i in range(len(breaks))]
    items.append(LegendItem(t("choro_none", lang), "fill", "#fbfaf7"))
    section = LegendSection(t(f"legend_choro_{measure}", lang), tuple(items), t("legend_choro_note", lang))
    return group, section


# --- sectors ---------------------------------------------------------------------------------------

def sector_layer(sectors: gpd.GeoDataFrame, lang: str) -> tuple[folium.FeatureGroup, LegendSection]:
    data = sectors[["sector_id", "name", "geometry"]].copy()
    data["area_id"] = data["sector_id"]
    data["note"] = t("legend_sector", lang)
    group = folium.FeatureGroup(name=t("layer_sectors", lang))
    _geojson(data, ["area_id", "name", "note"], style_function=lambda _f: SECTOR_STYLE,
             highlight_function=lambda _f: {"weight": 4}, tooltip=_tooltip(["name", "note"]),
             className="sector").add_to(group)
    item = LegendItem(t("legend_sector", lang), "line", SECTOR_STYLE["color"], dashed=True)
    return group, LegendSection(t("layer_sectors", lang), (item,))


# --- peace zones -----------------------------------------------------------------------------------

def zone_layer(zones: gpd.GeoDataFrame, day_label: str, lang: str) -> tuple[folium.FeatureGroup, LegendSection]:
    """Peace zones hatched by their status on the window's last day; one GeoJson per status, so each
    gets its CSS hatch (class `zone zone-<status>`)."""
    group = folium.FeatureGroup(name=t("layer_zones", lang))
    data = zones.copy()
    data["area_id"] = data["area_id"].fillna("")
    data["name"] = data[f"name_{lang}"]
    data["label"] = [_zone_label(r, lang) for r in data.to_dict("records")]
    for status, rows in data.groupby("status"):
        style = ZONE_STYLES.get(status, ZONE_STYLES["disputed"])
        _geojson(rows, ["area_id", "name", "label"],
                 style_function=lambda _f, s=style: {"color": s["color"], "weight": 2.5,
                                                     "dashArray": "6 4" if s["dashed"] else None,
                                                     "fillColor": s["color"], "fillOpacity": 1},
                 tooltip=_tooltip(["name", "label"]), className=f"zone zone-{status}").add_to(group)
    present = set(data["status"])
    items = tuple(LegendItem(t(f"zone_{s}", lang), "hatch", st["color"], dashed=st["dashed"])
                  for s, st in ZONE_STYLES.items() if s in present)
    note = "" if items else t("legend_none_on_day", lang)
    return group, LegendSection(t("legend_zones", lang, day=day_label), items, note)


def _zone_label(r: dict, lang: str) -> str:
    parts = [t(f"zone_{r['status']}", lang)]
    if r["tentative"]:
        parts.append(t("tentative", lang))
    if r["conflict"]:
        parts.append(t("conflicting_reports", lang))
    return " · ".join(parts) + " — " + t("see_sources_below", lang)


# --- control ---------------------------------------------------------------------------------------

def group_colors(cat: Catalog) -> dict[str, str]:
    """A stable colour per controlling group, in the order the claims name them."""
    groups = list(dict.fromkeys(cat.claims["group_id"]))
    return {g: GROUP_COLORS[i % len(GROUP_COLORS)] for i, g in enumerate(groups)}


def control_layer(cat: Catalog, control: gpd.GeoDataFrame, day_label: str, lang: str
                  ) -> tuple[folium.FeatureGroup, LegendSection]:
    colors = group_colors(cat)
    data = control.copy()
    data["area_id"] = data["sector_id"]
    data["name"] = [actor_label(cat, g, lang) for g in data["group_id"]]
    data["label"] = [f"{t('confidence_' + c, lang)}" + (f" · {t('conflicting_reports', lang)}" if k else "")
                     + " — " + t("see_sources_below", lang) for c, k in zip(data["confidence"], data["conflict"])]
    data["color"] = data["group_id"].map(colors)
    data["opacity"] = data["confidence"].map(CONFIDENCE_OPACITY).fillna(0.2)
    group = folium.FeatureGroup(name=t("layer_control", lang))
    if len(data):
        _geojson(data, ["area_id", "name", "label", "color"], ("opacity",), tooltip=_tooltip(["name", "label"]),
                 style_function=lambda f: {"color": f["properties"]["color"], "weight": 1,
                                           "fillColor": f["properties"]["color"],
                                           "fillOpacity": f["properties"]["opacity"]},
                 className="control").add_to(group)
    items = [LegendItem(actor_label(cat, g, lang), "fill", c, opacity=0.55) for g, c in colors.items()
             if g in set(data["group_id"])]
    items += [LegendItem(t("confidence_" + k, lang), "fill", "#777777", opacity=o)
              for k, o in CONFIDENCE_OPACITY.items() if k in set(data["confidence"])]
    note = t("legend_control_note", lang) if items else t("legend_none_on_day", lang)
    return group, LegendSection(t("legend_control", lang, day=day_label), tuple(items), note)


# --- incidents -------------------------------------------------------------------------------------

def incident_radius(fatalities_max) -> float:
    """Area grows with the toll: 6 px for none or unknown, about 18 px for 15 killed."""
    n = 0 if fatalities_max is None or pd.isna(fatalities_max) else int(fatalities_max)
    return 6 + 3 * math.sqrt(n)


def offline_cluster(**options) -> MarkerCluster:
    """A MarkerCluster whose script and styles come from the installed package (see offline_assets)."""
    cluster = MarkerCluster(options={"maxClusterRadius": 30, "showCoverageOnHover": False, **options})
    cluster.default_js, cluster.default_css = assets.cluster_js(), assets.cluster_css()
    return cluster


def incident_layer(rows: pd.DataFrame, popups: list[str], type_labels: dict[str, str], lang: str
                   ) -> tuple[folium.FeatureGroup, LegendSection]:
    """Mapped incidents as circles sized by toll and coloured by type, clustered where they share a point."""
    group = folium.FeatureGroup(name=t("layer_incidents", lang))
    cluster = offline_cluster(spiderfyDistanceMultiplier=1.6)
    for rec, popup in zip(rows.to_dict("records"), popups):
        unknown = pd.isna(rec["fatalities_max"])
        color = TYPE_COLORS.get(rec["type"], OTHER_TYPE_COLOR)
        folium.CircleMarker(
            [rec["lat"], rec["lon"]], radius=incident_radius(rec["fatalities_max"]),
            color="#222222" if not unknown else color, weight=1.5 if not unknown else 3,
            fill=True, fill_color=color, fill_opacity=0.85 if not unknown else 0.1,
            popup=folium.Popup(popup, max_width=360), tooltip=html.escape(str(rec[f"title_{lang}"])),
            className=f"incident incident-{rec['type']}", pane="incidents",
        ).add_to(cluster)
    cluster.add_to(group)
    return group, LegendSection(t("layer_incidents", lang), tuple(type_legend(type_labels, lang, set(rows["type"]))))


def type_colour_rows(type_labels: dict[str, str], present: set[str]) -> list[tuple[str, str]]:
    """(colour, label) per colour of the types present: types sharing a colour share a row, in
    TYPE_COLORS order, then types without a colour of their own."""
    by_color: dict[str, list[str]] = {}
    for key in [k for k in TYPE_COLORS if k in present] + sorted(present - set(TYPE_COLORS)):
        by_color.setdefault(TYPE_COLORS.get(key, OTHER_TYPE_COLOR), []).append(type_labels.get(key, key))
    return [(color, " / ".join(labels)) for color, labels in by_color.items()]


def type_legend(type_labels: dict[str, str], lang: str, present: set[str]) -> list[LegendItem]:
    """One row per colour on the map, then size and clusters."""
    items = [LegendItem(label, "circle", color, "#222222") for color, label in type_colour_rows(type_labels, present)]
    items.append(LegendItem(t("legend_size", lang), "circle", "#ffffff", "#222222"))
    items.append(LegendItem(t("legend_cluster", lang), "circle", "#b5e28c", "#6ecc39"))
    return items


def legend_group(title: str, sections: list[LegendSection]) -> folium.FeatureGroup:
    """The legend of the layers shown, as a dynamic group of its own."""
    group = folium.FeatureGroup(name="legend", control=False)
    LegendLayer(title, sections).add_to(group)
    return group


# --- a person's own file ---------------------------------------------------------------------------

UPLOAD_STYLE = {"color": "#111111", "weight": 2.5, "dashArray": "2 3", "fill": True, "fill_color": "#ffffff",
                "fill_opacity": 0.75}


def upload_layer(rows: pd.DataFrame, popups: list[str], name: str, lang: str
                 ) -> tuple[folium.FeatureGroup, LegendSection]:
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
    return LegendItem(t("legend_upload", lang), "circle", UPLOAD_STYLE["fill_color"], UPLOAD_STYLE["color"], dashed=True)
