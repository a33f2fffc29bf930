"""The catalog as typed frames: areas, sectors, designations, control claims, actors, incidents.

Built from plain frames (loaders.catalog reads them from geodata/), so tests and imports can build one too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import geopandas as gpd
import pandas as pd

from territorio.i18n.text import fold, split_list


@dataclass(frozen=True, eq=False)
class Catalog:
    parishes: gpd.GeoDataFrame
    sectors: gpd.GeoDataFrame
    incidents: pd.DataFrame
    timeline: pd.DataFrame
    sources: pd.DataFrame
    actors: pd.DataFrame
    event_types: pd.DataFrame
    designations: pd.DataFrame
    periods: pd.DataFrame
    claims: pd.DataFrame
    population: pd.DataFrame = field(default_factory=pd.DataFrame)
    version: str = ""


def outlet_key(name: str) -> str:
    """An outlet's name for comparing: its bracketed notes dropped ('El Nacional (mirror)' is El Nacional),
    case folded."""
    return re.sub(r"\s*\([^()]*\)", "", name).strip().casefold()


def typed_incidents(raw: pd.DataFrame) -> pd.DataFrame:
    """Text columns as read from CSV -> numbers, booleans and missing values where they belong."""
    out = raw.copy()
    for col in ("fatalities_min", "fatalities_max"):
        out[col] = pd.to_numeric(out[col].replace("", pd.NA), errors="raise").astype("Int64")
    for col in ("lat", "lon"):
        out[col] = pd.to_numeric(out[col].replace("", pd.NA), errors="raise").astype("float64")
    out["in_study_area"] = out["in_study_area"].map({"true": True, "false": False}).astype(bool)
    return out


# --- names people type -> ids ------------------------------------------------------------------------

def area_names(cat: Catalog) -> dict[str, str]:
    """Folded name or id -> area id (pcode or sector_id)."""
    names: dict[str, str] = {}
    for row in cat.parishes.itertuples():
        names[fold(row.pcode)] = row.pcode
        names.setdefault(fold(row.name), row.pcode)
        names.setdefault(fold(row.name_hdx), row.pcode)
    for row in cat.sectors.itertuples():
        names[fold(row.sector_id)] = row.sector_id
        names[fold(row.name)] = row.sector_id
        names.setdefault(fold(row.name.split("(")[0]), row.sector_id)
    return names


@lru_cache(maxsize=8)
def _area_labels(cat: Catalog) -> dict[str, str]:
    """Area id -> name, a sector's name winning over a parish's (built once per catalog)."""
    out: dict[str, str] = {}
    for ids, names in ((cat.sectors.sector_id, cat.sectors.name), (cat.parishes.pcode, cat.parishes.name)):
        for area_id, name in zip(ids, names):
            out.setdefault(str(area_id), str(name))
    return out


def area_label(cat: Catalog, area_id: str) -> str:
    """The name people read for a parish or sector id; an unknown id is shown as it is."""
    return _area_labels(cat).get(area_id, area_id)


def actor_names(cat: Catalog) -> dict[str, str]:
    """Folded id, name, Spanish name (each also without its bracketed part) or alias -> actor id."""
    names: dict[str, str] = {}
    for row in cat.actors.itertuples():
        name_es = getattr(row, "name_es", "") or ""
        for n in [row.actor_id, row.name, row.name.split("(")[0], name_es, name_es.split("(")[0],
                  *split_list(row.aliases)]:
            if fold(n):
                names.setdefault(fold(n), row.actor_id)
    return names


def actor_family(cat: Catalog, actor_id: str) -> set[str]:
    """An actor, its group (for a leader), and its leaders (for a group): "Koki" finds his gang's events."""
    groups = dict(zip(cat.actors.actor_id, cat.actors.group_id))
    family = {actor_id}
    if groups.get(actor_id):
        family.add(groups[actor_id])
    family |= {a for a, g in groups.items() if g == actor_id}
    return family


@lru_cache(maxsize=16)
def _type_labels(cat: Catalog, lang: str) -> dict[str, str]:
    """Type key -> its label in `lang` (built once per catalog and language)."""
    return dict(zip(cat.event_types.key, cat.event_types[f"label_{lang}"]))


def type_label(cat: Catalog, key: str, lang: str = "en") -> str:
    """The label people read for an incident type in `lang`; an unknown key is shown as it is."""
    return _type_labels(cat, lang).get(key, key)


def type_names(cat: Catalog) -> dict[str, str]:
    names: dict[str, str] = {}
    for row in cat.event_types.itertuples():
        for n in (row.key, row.label_en, row.label_es):
            names.setdefault(fold(n), row.key)
    return names


@lru_cache(maxsize=16)
def _actor_labels(cat: Catalog, lang: str) -> dict[str, str]:
    """Actor id -> the name people read in `lang` (built once per catalog and language)."""
    out: dict[str, str] = {}
    for row in cat.actors.to_dict("records"):
        spanish = str(row.get("name_es", "") or "").strip() if lang == "es" else ""
        out.setdefault(row["actor_id"], spanish or str(row["name"]))
    return out


def actor_label(cat: Catalog, actor_id: str, lang: str = "en") -> str:
    """The name people read: name_es in Spanish (the English name where it is empty), else name; unknown -> id."""
    return _actor_labels(cat, lang).get(actor_id, actor_id)


@lru_cache(maxsize=8)
def sources_by_event(cat: Catalog) -> dict[str, list[dict]]:
    """Event id -> its source rows (sources.csv), built once per catalog (it does not change; callers
    must not mutate it). About 20 ms to build, which a page rerun should not pay each time."""
    return {k: g.to_dict("records") for k, g in cat.sources.groupby("event_id")}
