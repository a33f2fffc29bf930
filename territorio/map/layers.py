"""The map's area layers, each a folium FeatureGroup that st_folium swaps in without remounting the map:
parish choropleth, control, peace zones and sectors (incidents: territorio.map.incidents). Their looks are
declared in territorio.map.styles.

Every area feature carries `area_id` (a pcode or a sector id): a click on it selects that area
(see territorio.map.clicks).
"""

from __future__ import annotations

import html

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely.geometry

from territorio.catalog.model import Catalog, actor_label
from territorio.i18n import t
from territorio.i18n.numbers import fmt_int
from territorio.map.legend import LegendItem, LegendSection
from territorio.map.popups import start_versions
from territorio.map.styles import (
    CHOROPLETH_COLORS,
    CONFIDENCE_OPACITY,
    NONE_RECORDED,
    SECTOR_STYLE,
    ZONE_STYLES,
    class_breaks,
    class_label,
    class_of,
    group_colors,
)

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
    return group, sector_layer_legend(lang)


def sector_layer_legend(lang: str) -> LegendSection:
    item = LegendItem(t("legend_sector", lang), "line", SECTOR_STYLE["color"], dashed=True)
    return LegendSection(t("layer_sectors", lang), (item,))


# --- peace zones -----------------------------------------------------------------------------------

def zone_layer(zones: gpd.GeoDataFrame, day_label: str, lang: str) -> tuple[folium.FeatureGroup, LegendSection]:
    """Peace zones hatched by their status on the window's last day; one GeoJson per status, so each
    gets its CSS hatch (class `zone zone-<status>`)."""
    return zone_group(zones, lang), zone_legend(zones, day_label, lang)


def zone_group(zones: gpd.GeoDataFrame, lang: str) -> folium.FeatureGroup:
    """The zones' drawing: it does not name the day, so it stays the same while the zones do."""
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
    return group


def zone_legend(zones: gpd.GeoDataFrame, day_label: str, lang: str) -> LegendSection:
    present = set(zones["status"])
    items = tuple(LegendItem(t(f"zone_{s}", lang), "hatch", st["color"], dashed=st["dashed"])
                  for s, st in ZONE_STYLES.items() if s in present)
    note = "" if items else t("legend_none_on_day", lang)
    return LegendSection(t("legend_zones", lang, day=day_label), items, note)


def _zone_label(r: dict, lang: str) -> str:
    parts = [t(f"zone_{r['status']}", lang)]
    if r["tentative"]:
        parts.append(t("tentative", lang))
    if r["conflict"]:
        parts.append(t("conflicting_reports", lang))
    return " · ".join(parts) + " — " + t("see_sources_below", lang)


# --- control ---------------------------------------------------------------------------------------

def control_layer(cat: Catalog, control: gpd.GeoDataFrame, day_label: str, lang: str
                  ) -> tuple[folium.FeatureGroup, LegendSection]:
    return control_group(cat, control, lang), control_legend(cat, control, day_label, lang)


def control_group(cat: Catalog, control: gpd.GeoDataFrame, lang: str) -> folium.FeatureGroup:
    """Control's drawing: it does not name the day, so it stays the same while control does."""
    colors = group_colors(cat)
    data = control.copy()
    data["area_id"] = data["sector_id"]
    data["name"] = [actor_label(cat, g, lang) for g in data["group_id"]]
    data["label"] = [f"{t('confidence_' + r['confidence'], lang)}"
                     + (f" · {t('conflicting_reports', lang)}" if r["conflict"] else "")
                     + (f" · {_disputed_start(r, lang)}" if r["disputed_start"] else "")
                     + " — " + t("see_sources_below", lang) for r in data.to_dict("records")]
    data["dash"] = ["6 4" if d else "" for d in data["disputed_start"]]
    data["color"] = data["group_id"].map(colors)
    data["opacity"] = data["confidence"].map(CONFIDENCE_OPACITY).fillna(0.2)
    group = folium.FeatureGroup(name=t("layer_control", lang))
    if len(data):
        _geojson(data, ["area_id", "name", "label", "color", "dash"], ("opacity",),
                 tooltip=_tooltip(["name", "label"]),
                 style_function=lambda f: {"color": "#222222" if f["properties"]["dash"] else f["properties"]["color"],
                                           "weight": 2.5 if f["properties"]["dash"] else 1,
                                           "dashArray": f["properties"]["dash"] or None,
                                           "fillColor": f["properties"]["color"],
                                           "fillOpacity": f["properties"]["opacity"]},
                 className="control").add_to(group)
    return group


def control_legend(cat: Catalog, control: gpd.GeoDataFrame, day_label: str, lang: str) -> LegendSection:
    colors = group_colors(cat)
    groups, confidences = set(control["group_id"]), set(control["confidence"])
    items = [LegendItem(actor_label(cat, g, lang), "fill", c, opacity=0.55) for g, c in colors.items()
             if g in groups]
    items += [LegendItem(t("confidence_" + k, lang), "fill", "#777777", opacity=o)
              for k, o in CONFIDENCE_OPACITY.items() if k in confidences]
    if control["disputed_start"].any():
        items.append(LegendItem(t("legend_disputed_start", lang), "fill", "#ffffff", "#222222", dashed=True))
    note = t("legend_control_note", lang) if items else t("legend_none_on_day", lang)
    return LegendSection(t("legend_control", lang, day=day_label), tuple(items), note)


def _disputed_start(r: dict, lang: str) -> str:
    """'start disputed: Jan 2015 or 22 Jun 2015'."""
    return t("disputed_start", lang, **start_versions(r, lang))
