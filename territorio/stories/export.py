"""A story as ONE self-contained HTML file that plays offline: Leaflet inline (from the installed xstatic
package, with its BSD-2 notice), the parish / municipality / sector geometry (OCHA CC BY-IGO), and each
scene's incidents, peace zones and control as GeoJSON, with captions, notes and sources. A small hand-written
player (territorio/player/) draws a scene and steps with the clicker keys. No request leaves the file.

Every text goes into the page as JSON and is set with textContent by the player; the one HTML fragment,
the sources list, is built by territorio.map.popups.source_list (escaped, http/https links only).
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources

import geopandas as gpd
import pandas as pd

from territorio.catalog.datapackage import OCHA_ATTRIBUTION
from territorio.catalog.dates import format_date, format_range
from territorio.catalog.model import Catalog, actor_label, type_label
from territorio.i18n import t
from territorio.i18n.text import script_json
from territorio.map import assets, incidents, layers, popups, styles
from territorio.stories import clicker, scenes
from territorio.stories.model import Story, scene_spec

LEAFLET_NOTICE = f"""Leaflet {assets.VERSIONS['leaflet']} (https://leafletjs.com), BSD 2-Clause License.
Copyright (c) 2010-2022, Vladimir Agafonkin. Copyright (c) 2010-2011, CloudMade. All rights reserved.
Redistribution and use in source and binary forms, with or without modification, are permitted provided that
the following conditions are met: 1. Redistributions of source code must retain the above copyright notice,
this list of conditions and the following disclaimer. 2. Redistributions in binary form must reproduce the
above copyright notice, this list of conditions and the following disclaimer in the documentation and/or
other materials provided with the distribution.
THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED
WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A
PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY
DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO,
PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE
OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH
DAMAGE."""

UI_KEYS = ("brief_prev", "brief_next", "brief_sources", "brief_no_sources", "brief_keys", "brief_notes_title",
           "brief_no_notes", "legend")


def _features(frame: gpd.GeoDataFrame, columns: list[str]) -> dict:
    """GeoJSON of a frame's geometry and the named properties (plain values, never HTML)."""
    if not len(frame):
        return {"type": "FeatureCollection", "features": []}
    data = frame[[*columns, "geometry"]].copy()
    for col in columns:
        data[col] = data[col].map(lambda v: None if v is None or (not isinstance(v, str) and pd.isna(v)) else v)
    return json.loads(data.to_json(drop_id=True))


def base_data(cat: Catalog, municipalities: gpd.GeoDataFrame) -> dict:
    b = cat.parishes.total_bounds
    return {"parishes": _features(cat.parishes, ["pcode", "name", "municipality"]),
            "municipalities": _features(municipalities, ["name"]),
            "sectors": _features(cat.sectors, ["sector_id", "name"]),
            "maxBounds": [[b[1] - 0.25, b[0] - 0.35], [b[3] + 0.25, b[2] + 0.35]],
            "style": {"background": styles.BASEMAP_STYLE["background"], "parish": styles.BASEMAP_STYLE["parish"],
                      "municipality": styles.BASEMAP_STYLE["municipality"], "sector": styles.SECTOR_STYLE,
                      "highlight": styles.HIGHLIGHT_STYLE}}


def _incidents(cat: Catalog, rows: pd.DataFrame, lang: str) -> dict:
    mapped = rows[rows["mapped"]]
    out = gpd.GeoDataFrame({
        "id": mapped["id"].to_numpy(),
        "title": mapped[f"title_{lang}"].astype(str).to_numpy(),
        "when": [format_date(r["date"], r["date_precision"], lang, r.get("date_end") or "")
                 for r in mapped.to_dict("records")],
        "type": [type_label(cat, k, lang) for k in mapped["type"]],
        "toll": [popups.fatalities_text(lo, hi, lang)
                 for lo, hi in zip(mapped["fatalities_min"], mapped["fatalities_max"])],
        "color": [styles.TYPE_COLORS.get(k, styles.OTHER_TYPE_COLOR) for k in mapped["type"]],
        "radius": [styles.incident_radius(v) for v in mapped["fatalities_max"]],
        "unknown": mapped["fatalities_max"].isna().to_numpy(),
    }, geometry=gpd.points_from_xy(mapped["lon"], mapped["lat"]), crs=4326)
    return _features(out, ["id", "title", "when", "type", "toll", "color", "radius", "unknown"])


def _zones(data: scenes.SceneData, lang: str) -> dict:
    z = data.zones.copy()
    z["label"] = [f"{r[f'name_{lang}']} · {t('zone_' + r['status'], lang)}" for r in z.to_dict("records")]
    z["color"] = [styles.ZONE_STYLES.get(s, styles.ZONE_STYLES["disputed"])["color"] for s in z["status"]]
    z["dashed"] = [styles.ZONE_STYLES.get(s, styles.ZONE_STYLES["disputed"])["dashed"] for s in z["status"]]
    return _features(z, ["label", "color", "dashed"])


def _control(cat: Catalog, data: scenes.SceneData, lang: str) -> dict:
    c, colors = data.control.copy(), styles.group_colors(cat)
    c["label"] = [f"{actor_label(cat, g)} · {t('confidence_' + k, lang)}"
                  for g, k in zip(c["group_id"], c["confidence"])]
    c["color"] = c["group_id"].map(colors)
    c["opacity"] = c["confidence"].map(styles.CONFIDENCE_OPACITY).fillna(0.2)
    return _features(c, ["label", "color", "opacity"])


def _choropleth(cat: Catalog, joined: pd.DataFrame, data: scenes.SceneData, measure: str, lang: str) -> dict:
    values = layers.parish_values(joined, joined["id"].isin(set(data.incidents["id"])).to_numpy(), measure)
    breaks = styles.class_breaks(int(values.max()) if len(values) else 0)
    p = cat.parishes[["pcode", "name", "geometry"]].copy()
    p["value"] = p["pcode"].map(values)
    p["color"] = [styles.CHOROPLETH_COLORS[c] if (c := styles.class_of(v, breaks)) >= 0 else None for v in p["value"]]
    p["label"] = [t(f"choro_tip_{measure}", lang, n=int(v)) if col else t("choro_none", lang)
                  for v, col in zip(p["value"], p["color"])]
    return _features(p, ["name", "label", "color"])


def _legend(cat: Catalog, scene: dict, data: scenes.SceneData, lang: str) -> list[dict]:
    items = [{"label": t("legend_parish", lang), "color": styles.BASEMAP_STYLE["parish"]["color"], "kind": "line"}]
    if "sectors" in scene["layers"]:
        items.append({"label": t("legend_sector", lang), "color": styles.SECTOR_STYLE["color"], "kind": "dashed"})
    if "zones" in scene["layers"]:
        items += [{"label": t(f"zone_{s}", lang), "color": st["color"], "kind": "fill"}
                  for s, st in styles.ZONE_STYLES.items() if s in set(data.zones["status"])]
    if "control" in scene["layers"]:
        colors = styles.group_colors(cat)
        items += [{"label": actor_label(cat, g), "color": colors[g], "kind": "fill"}
                  for g in dict.fromkeys(data.control["group_id"])]
    if "incidents" in scene["layers"]:
        shown = data.incidents[data.incidents["mapped"]]
        items += [{"label": i.label, "color": i.color, "kind": "circle"}
                  for i in incidents.type_legend(cat, lang, set(shown["type"]))[:-2] if len(shown)]
    items.append({"label": t("brief_highlight_item", lang), "color": styles.HIGHLIGHT_STYLE["color"], "kind": "line"})
    return items


def scene_payload(cat: Catalog, joined: pd.DataFrame, scene: dict, lang: str) -> dict:
    data = scenes.scene_data(cat, joined, scene, lang)
    spec = scene_spec(scene)
    areas, points = scenes.highlight_geometries(cat, joined, scene)
    shown = set(scene["layers"])
    unmapped = int((~data.incidents["mapped"]).sum())
    return {
        "caption": scene["caption"][lang], "notes": scene["notes"].get(lang, ""),
        "outside": scene["outside_map"].get(lang, ""),
        "window": t("brief_window", lang, window=format_range(spec.date_from, spec.date_to, lang)),
        "notMapped": t("brief_not_mapped", lang, n=unmapped) if unmapped and "incidents" in shown else "",
        "view": scene["view"], "sourcesHtml": scenes.sources_html(cat, scene, lang) if scene["sources"] else "",
        "sectors": "sectors" in shown,
        "incidents": _incidents(cat, data.incidents, lang) if "incidents" in shown else None,
        "zones": _zones(data, lang) if "zones" in shown else None,
        "control": _control(cat, data, lang) if "control" in shown else None,
        "choropleth": _choropleth(cat, joined, data, scene["measure"], lang) if "choropleth" in shown else None,
        "highlightAreas": _features(areas, ["area_id"]),
        "highlightPoints": [[float(la), float(lo)] for la, lo in zip(points["lat"], points["lon"])],
        "legend": _legend(cat, scene, data, lang),
    }


def story_payload(cat: Catalog, joined: pd.DataFrame, municipalities: gpd.GeoDataFrame, story: Story, lang: str,
                  version: str) -> dict:
    return {
        "lang": lang, "title": story.title[lang], "keys": clicker.KEY_ACTIONS,
        "text": {k: t(k, lang) for k in UI_KEYS} | {"counter": t("brief_scene_counter", lang, n="{n}", total="{total}"),
                                                     "sources_count": t("brief_sources_count", lang, n="{n}"),
                                                     "notes_window": t("brief_open_notes", lang),
                                                     "next_up": t("brief_next_up", lang, caption="{caption}"),
                                                     "last_scene": t("brief_last_scene", lang),
                                                     "offline": t("brief_offline_note", lang, version=version),
                                                     "attribution": OCHA_ATTRIBUTION},
        "base": base_data(cat, municipalities),
        "scenes": [scene_payload(cat, joined, s, lang) for s in story.scenes],
    }


def _asset(name: str) -> str:
    return resources.files("territorio.stories.player").joinpath(name).read_text(encoding="utf-8")


PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def render_html(payload: dict) -> str:
    """Fill the player's page in one pass (a value can never bring in a placeholder of its own)."""
    values = {
        "lang": html.escape(payload["lang"], quote=True), "title": html.escape(payload["title"]),
        "leaflet_notice": html.escape(LEAFLET_NOTICE).replace("--", "- -"),
        "attribution": html.escape(OCHA_ATTRIBUTION),
        "leaflet_css": assets.css("leaflet_css"), "leaflet_js": assets.js("leaflet"),
        "player_css": _asset("player.css"), "player_js": _asset("player.js"), "data": script_json(payload),
    }
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("player.html"))


def export_html(cat: Catalog, joined: pd.DataFrame, municipalities: gpd.GeoDataFrame, story: Story, lang: str,
                version: str) -> str:
    """The story as one offline HTML file, in one language."""
    return render_html(story_payload(cat, joined, municipalities, story, lang, version))
