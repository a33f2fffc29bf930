"""A story's scenes against the catalog: are its ids known, does each scene select what it says, and what
does it draw (folium feature groups for the briefing page; the same selection feeds the offline export)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd

from territorio.catalog import asof, dates
from territorio.catalog.model import Catalog
from territorio.i18n import t
from territorio.map import groups, popups
from territorio.map.legend import LegendItem, LegendSection
from territorio.map.styles import HIGHLIGHT_RING, HIGHLIGHT_STYLE
from territorio.map.view import LayerRequest
from territorio.selection import filters
from territorio.stories.model import Shelf, Story, scene_spec

# --- checks against the catalog -------------------------------------------------------------------------

def _known(cat: Catalog) -> dict[str, set[str]]:
    areas = set(cat.parishes["pcode"]) | set(cat.sectors["sector_id"])
    incidents = set(cat.incidents["id"])
    return {"filters.areas": areas, "filters.types": set(cat.event_types["key"]),
            "filters.actors": set(cat.actors["actor_id"]), "highlight.areas": areas,
            "highlight.incidents": incidents, "sources": incidents | set(cat.timeline["id"])}


def _values(scene: dict, path: str) -> list[str]:
    head, _, tail = path.partition(".")
    value = scene.get(head, {})
    return list(value.get(tail, []) if tail else value)


OWN_VALUES = {"filters.types", "filters.actors"}   # a scene on a kept dataset may name its own types and actors


def reference_problems(cat: Catalog, story: Story, name: str) -> list[str]:
    """Ids a scene names that the catalog does not have (areas, types, actors, incidents, sources)."""
    known = _known(cat)
    return [f"{name}: scene {n}: {path}: {v!r} is not in the catalog"
            for n, scene in enumerate(story.scenes, start=1)
            for path, ids in known.items() if not (scene.get("dataset") and path in OWN_VALUES)
            for v in _values(scene, path) if v not in ids]


def playable(cat: Catalog, shelf: Shelf) -> Shelf:
    """The shelf with every story that names ids the catalog lacks moved among the broken files."""
    problems = {sid: reference_problems(cat, story, f"{sid}.yaml") for sid, story in shelf.stories.items()}
    return Shelf(shelf.folder, {sid: story for sid, story in shelf.stories.items() if not problems[sid]},
                 {**shelf.broken, **{f"{sid}.yaml": found for sid, found in problems.items() if found}})


def selected(cat: Catalog, joined: pd.DataFrame, scene: dict) -> pd.DataFrame:
    """The incidents a scene's window and filters select."""
    return joined[filters.apply(cat, joined, scene_spec(scene)).mask]


def expectation_problems(cat: Catalog, joined: pd.DataFrame, story: Story, name: str) -> list[str]:
    """Scenes marked expect_incidents whose filters select no incident."""
    return [f"{name}: scene {n}: filters: select no incident, yet expect_incidents is true"
            for n, scene in enumerate(story.scenes, start=1)
            if scene["expect_incidents"] and not len(selected(cat, joined, scene))]


def catalog_problems(cat: Catalog, joined: pd.DataFrame, story: Story, name: str) -> list[str]:
    return reference_problems(cat, story, name) + expectation_problems(cat, joined, story, name)


# --- what a scene shows -------------------------------------------------------------------------------

@dataclass(frozen=True)
class SceneData:
    """What one scene selects: incidents (mapped ones drawn), zones and control on the window's last day."""
    incidents: pd.DataFrame
    zones: gpd.GeoDataFrame
    control: gpd.GeoDataFrame
    day: dt.date
    day_label: str


def scene_data(cat: Catalog, joined: pd.DataFrame, scene: dict, lang: str) -> SceneData:
    day = dt.date.fromisoformat(scene["window"]["to"])
    return SceneData(incidents=selected(cat, joined, scene), zones=asof.zones_as_of(cat, day),
                     control=asof.control_as_of(cat, day), day=day,
                     day_label=dates.format_date(day.isoformat(), "day", lang))


def scene_sources(cat: Catalog, scene: dict) -> list[dict]:
    """The source rows (sources.csv) of the scene's incident and timeline ids, in the scene's order."""
    return asof.source_rows(cat, " | ".join(scene["sources"])) if scene["sources"] else []


def sources_html(cat: Catalog, scene: dict, lang: str) -> str:
    """The scene's sources as a list of links (escaped; http/https only)."""
    return popups.source_list(scene_sources(cat, scene), lang)


def highlight_geometries(cat: Catalog, joined: pd.DataFrame, scene: dict) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """The areas (parishes or sectors) and mapped incidents a scene highlights."""
    wanted = set(scene["highlight"]["areas"])
    areas = pd.concat([cat.parishes.rename(columns={"pcode": "area_id"})[["area_id", "name", "geometry"]],
                       cat.sectors.rename(columns={"sector_id": "area_id"})[["area_id", "name", "geometry"]]])
    areas = gpd.GeoDataFrame(areas[areas["area_id"].isin(wanted)], geometry="geometry", crs=4326)
    points = joined[joined["id"].isin(set(scene["highlight"]["incidents"])) & joined["mapped"]]
    return areas, points


def highlight_layer(cat: Catalog, joined: pd.DataFrame, scene: dict, lang: str
                    ) -> tuple[folium.FeatureGroup, LegendSection]:
    areas, points = highlight_geometries(cat, joined, scene)
    group = folium.FeatureGroup(name=t("brief_highlight", lang))
    if len(areas):
        folium.GeoJson(areas[["area_id", "geometry"]].to_json(), style_function=lambda _f: HIGHLIGHT_STYLE,
                       className="highlight", pane="outlines", interactive=False).add_to(group)
    for rec in points.to_dict("records"):
        folium.CircleMarker([rec["lat"], rec["lon"]], className="highlight highlight-incident", pane="incidents",
                            interactive=False, **HIGHLIGHT_RING).add_to(group)
    item = LegendItem(t("brief_highlight_item", lang), "line", HIGHLIGHT_STYLE["color"])
    return group, LegendSection(t("brief_highlight", lang), (item,))


def scene_groups(cat: Catalog, joined: pd.DataFrame, scene: dict, lang: str) -> list[folium.FeatureGroup]:
    """The scene's layers (in territorio.map.view.LAYERS order), its highlights and its legend, as feature
    groups with stable ids, for st_folium's feature_group_to_add over the constant base map."""
    data = scene_data(cat, joined, scene, lang)
    mask = joined["id"].isin(set(data.incidents["id"])).to_numpy()
    measure = (scene.get("measure") or "incidents") if "choropleth" in scene["layers"] else "off"
    request = LayerRequest(tuple(scene["layers"]), measure)
    held = asof.Standing(data.day, data.zones, data.control)
    return groups.data_groups(cat, joined, mask, held, request, lang,
                                 extra=[("highlight", highlight_layer(cat, joined, scene, lang))])
