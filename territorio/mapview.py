"""folium map builders. Pure: no streamlit. Styles are declared as data.

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
from folium.plugins import MarkerCluster
from branca.element import Element, MacroElement
from jinja2 import Template

from territorio import offline_assets
from territorio.datapackage import OCHA_ATTRIBUTION
from territorio.i18n import t

CARACAS_CENTER = (10.47, -66.88)
DEFAULT_ZOOM = 12
MIN_ZOOM, MAX_ZOOM = 9, 18

# Colours: a neutral basemap so the data layers (later: Okabe-Ito / ColorBrewer safe palettes) stand out.
STYLE = {
    "background": "#e9e6df",
    "parish": {"color": "#7a7a7a", "weight": 1, "fillColor": "#fbfaf7", "fillOpacity": 0.9},
    "parish_hover": {"color": "#111111", "weight": 2.5, "fillColor": "#fff7d6", "fillOpacity": 0.95},
    "municipality": {"color": "#3b3b3b", "weight": 2.5, "fill": False, "interactive": False},
}

# Incident colours: the Okabe-Ito palette (safe for the common colour-vision deficiencies).
TYPE_COLORS = {
    "massacre": "#D55E00", "homicide": "#E69F00", "clash_armed_groups": "#CC79A7", "curfew": "#F0E442",
    "clash_security": "#0072B2", "security_operation": "#56B4E9", "killing_of_leader": "#009E73",
    "attack_on_security_forces": "#000000", "killing_of_officer": "#000000", "attack_on_official": "#000000",
    "protest": "#999999",
}
SECTOR_STYLE = {"color": "#5b3a8c", "weight": 2.5, "dashArray": "7 5", "fillColor": "#5b3a8c", "fillOpacity": 0.08}

OSM_TILES = {
    "tiles": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attr": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
}


@dataclass(frozen=True)
class MapOptions:
    lang: str = "en"
    online_tiles: bool = False


def _escaped(frame: gpd.GeoDataFrame, columns: list[str]) -> gpd.GeoDataFrame:
    """Text shown in tooltips is inserted as HTML by Leaflet: escape every value."""
    out = frame[columns + ["geometry"]].copy()
    for col in columns:
        out[col] = out[col].map(lambda v: html.escape(str(v)))
    return out


def incident_radius(fatalities_max) -> float:
    """Area grows with the toll: 6 px for none or unknown, about 18 px for 15 killed."""
    import math

    n = 0 if fatalities_max is None or pd.isna(fatalities_max) else int(fatalities_max)
    return 6 + 3 * math.sqrt(n)


def sector_layer(sectors: gpd.GeoDataFrame, lang: str) -> folium.GeoJson:
    data = _escaped(sectors, ["sector_id", "name"])
    data["note"] = [html.escape(t("legend_sector", lang))] * len(data)
    return folium.GeoJson(
        data.to_json(), name=t("layer_sectors", lang), style_function=lambda _f: SECTOR_STYLE,
        tooltip=folium.GeoJsonTooltip(fields=["name", "note"], labels=False, sticky=True), className="sector",
    )


def incident_layer(rows: pd.DataFrame, popups: list[str], lang: str) -> folium.FeatureGroup:
    """Mapped incidents as circles sized by toll and coloured by type, clustered where they share a point."""
    group = folium.FeatureGroup(name=t("layer_incidents", lang))
    cluster = MarkerCluster(options={"maxClusterRadius": 30, "spiderfyDistanceMultiplier": 1.6,
                                     "showCoverageOnHover": False})
    cluster.default_js = offline_assets.cluster_js()
    cluster.default_css = offline_assets.cluster_css()
    for rec, popup in zip(rows.to_dict("records"), popups):
        unknown = pd.isna(rec["fatalities_max"])
        color = TYPE_COLORS.get(rec["type"], "#666666")
        folium.CircleMarker(
            [rec["lat"], rec["lon"]], radius=incident_radius(rec["fatalities_max"]),
            color="#222222" if not unknown else color, weight=1.5 if not unknown else 3,
            fill=True, fill_color=color, fill_opacity=0.85 if not unknown else 0.1,
            popup=folium.Popup(popup, max_width=360), tooltip=html.escape(str(rec[f"title_{lang}"])),
            className=f"incident incident-{rec['type']}",
        ).add_to(cluster)
    cluster.add_to(group)
    return group


def type_legend(type_labels: dict[str, str], lang: str) -> list["LegendItem"]:
    """One legend row per colour (types sharing a colour share a row)."""
    by_color: dict[str, list[str]] = {}
    for key, color in TYPE_COLORS.items():
        by_color.setdefault(color, []).append(type_labels.get(key, key))
    items = [LegendItem(" / ".join(labels), "fill", color, "#222222") for color, labels in by_color.items()]
    items.append(LegendItem(t("legend_sector", lang), "line", SECTOR_STYLE["color"], dashed=True))
    items.append(LegendItem(t("legend_size", lang), "fill", "#ffffff", "#222222"))
    items.append(LegendItem(t("legend_cluster", lang), "fill", "#b5e28c", "#6ecc39"))
    return items


def _offline(m: folium.Map) -> folium.Map:
    m.default_js = offline_assets.map_js()
    m.default_css = offline_assets.map_css()
    return m


def base_map(opts: MapOptions, center=CARACAS_CENTER, zoom=DEFAULT_ZOOM) -> folium.Map:
    m = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=True,
        minZoom=MIN_ZOOM,
        maxZoom=MAX_ZOOM,
        keyboard=True,
        zoomSnap=0.25,
        zoomDelta=0.5,
    )
    _offline(m)
    m.get_root().header.add_child(
        Element(
            "<style>.leaflet-container{background:%s;font-size:15px}"
            ".leaflet-tooltip{font-size:15px}</style>" % STYLE["background"]
        )
    )
    if opts.online_tiles:
        folium.TileLayer(tiles=OSM_TILES["tiles"], attr=OSM_TILES["attr"], name="OpenStreetMap",
                         max_zoom=MAX_ZOOM, opacity=0.6).add_to(m)
    return m


def parish_layer(parishes: gpd.GeoDataFrame, lang: str) -> folium.GeoJson:
    data = _escaped(parishes, ["pcode", "name", "municipality"])
    return folium.GeoJson(
        data.to_json(),
        name=t("layer_parishes", lang),
        style_function=lambda _f: STYLE["parish"],
        highlight_function=lambda _f: STYLE["parish_hover"],
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
        style_function=lambda _f: STYLE["municipality"],
        className="municipality",
        interactive=False,
    )


LABEL_MIN_ZOOM = 13

_LABEL_CSS = (
    "<style>.parish-label{font:600 13px/1.1 system-ui,sans-serif;color:#333;text-align:center;"
    "white-space:nowrap;text-shadow:0 0 3px #fff,0 0 3px #fff;pointer-events:none}"
    ".parish-label div{transform:translate(-50%,-50%)}"
    ".labels-hidden .parish-label{display:none}</style>"
)


def label_layer(parishes: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """Parish names at their label points, shown from LABEL_MIN_ZOOM up (hover names work at every zoom)."""
    group = folium.FeatureGroup(name="labels", control=False)
    for row in parishes.itertuples():
        folium.Marker(
            [row.label_lat, row.label_lon],
            icon=folium.DivIcon(html=f"<div>{html.escape(str(row.name))}</div>", class_name="parish-label",
                                icon_size=(0, 0)),
            interactive=False,
            keyboard=False,
        ).add_to(group)
    return group


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


@dataclass(frozen=True)
class LegendItem:
    label: str
    swatch: str  # "fill" (a filled box) or "line" (a stroke)
    color: str
    border: str = "#7a7a7a"
    dashed: bool = False


def legend_html(title: str, items: list[LegendItem], note: str = "") -> str:
    """A legend box for the map's corner; every label escaped."""
    rows = []
    for it in items:
        if it.swatch == "line":
            style = f"border-top:3px {'dashed' if it.dashed else 'solid'} {it.color};height:0;margin-top:8px"
        else:
            style = f"background:{it.color};border:1px solid {it.border}"
        rows.append(
            f'<div class="tl-row"><span class="tl-swatch" style="{style}"></span>'
            f"<span>{html.escape(it.label)}</span></div>"
        )
    note_html = f'<div class="tl-note">{html.escape(note)}</div>' if note else ""
    return (
        '<div class="territorio-legend" role="region" aria-label="%s">'
        "<style>.territorio-legend{position:absolute;z-index:1000;left:10px;bottom:56px;background:#fffffff0;"
        "padding:6px 9px;border:1px solid #999;border-radius:4px;font:14px/1.3 system-ui,sans-serif;"
        "color:#111;max-width:300px}.territorio-legend .tl-title{font-weight:600;margin-bottom:4px;cursor:pointer}"
        ".tl-row{display:flex;gap:8px;align-items:flex-start;margin:2px 0}"
        ".tl-swatch{flex:0 0 22px;height:14px;display:inline-block;margin-top:3px}"
        ".tl-note{font-size:13px;color:#333;margin-top:4px}</style>"
        '<details open><summary class="tl-title">%s</summary>%s%s</details></div>'
    ) % (html.escape(title), html.escape(title), "".join(rows), note_html)


def base_legend(lang: str) -> list[LegendItem]:
    return [
        LegendItem(t("legend_parish", lang), "fill", STYLE["parish"]["fillColor"], STYLE["parish"]["color"]),
        LegendItem(t("legend_municipality", lang), "line", STYLE["municipality"]["color"]),
    ]


def add_legend(m: folium.Map, title: str, items: list[LegendItem], note: str = "") -> folium.Map:
    m.get_root().html.add_child(Element(legend_html(title, items, note)))
    return m


def caracas_map(parishes: gpd.GeoDataFrame, municipalities: gpd.GeoDataFrame, opts: MapOptions,
                extra_legend: tuple = ()) -> folium.Map:
    """The base map of metropolitan Caracas: its own basemap, parishes, municipal outlines, labels, legend."""
    m = base_map(opts)
    parish_layer(parishes, opts.lang).add_to(m)
    municipality_layer(municipalities, opts.lang).add_to(m)
    label_layer(parishes).add_to(m)
    _LabelToggle(LABEL_MIN_ZOOM).add_to(m)
    m.get_root().header.add_child(Element(_LABEL_CSS))
    b = parishes.total_bounds
    m.fit_bounds([[b[1], b[0]], [b[3], b[2]]])
    m.options["maxBounds"] = [[b[1] - 0.25, b[0] - 0.35], [b[3] + 0.25, b[2] + 0.35]]
    add_legend(m, t("legend", opts.lang), base_legend(opts.lang) + list(extra_legend))
    return m
