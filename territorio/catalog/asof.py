"""What held on a given day: each peace zone's status, and which group controlled each sector.

A period holds on a day when the day lies in its [lo, hi] (see join._bounds: a known end is the first
day of the next state; last evidence keeps its whole interval). It is *tentative* on that day when the
day falls inside the uncertainty of its start ("2015", precision year) or its end is only the last
evidence of it. A start the sources disagree on (start_kind disputed: from `start` to `start_latest`) makes
the period hold from the earliest version, marked `disputed_start` (and tentative) until the latest one.
Overlapping periods with different values are all kept, marked as conflicting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd

from territorio.catalog import dates
from territorio.catalog.join import _bounds
from territorio.catalog.model import Catalog, actor_label, area_label
from territorio.i18n import t
from territorio.i18n.text import split_list

ZONE_COLUMNS = ["designation_id", "status", "tentative", "disputed_start", "conflict", "start", "start_precision",
                "start_kind", "start_latest", "end",
                "end_precision", "end_kind", "note_en", "note_es", "zone_note_en", "zone_note_es", "source_event_ids",
                "name_en", "name_es", "area_kind", "area_id", "geometry"]
CONTROL_COLUMNS = ["claim_id", "group_id", "sector_id", "confidence", "tentative", "disputed_start", "conflict",
                   "start", "start_precision", "start_kind", "start_latest", "end", "end_precision", "end_kind",
                   "note_en", "note_es",
                   "source_event_ids", "geometry"]


def _holding(periods: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The periods that hold on `day`, with `tentative` and `disputed_start` set."""
    d = np.datetime64(day, "D")
    rows = []
    for p in periods.to_dict("records"):
        lo, hi = _bounds(p["start"], p["start_precision"], p["end"], p["end_precision"], p["end_kind"])
        if lo <= d <= hi:
            start_hi = np.datetime64(dates.interval(p["start"], p["start_precision"])[1], "D")
            p["disputed_start"] = bool(d <= _latest_start(p))
            p["tentative"] = bool(d <= start_hi and p["start_precision"] != "day") or p["end_kind"] == "last_evidence" \
                or p.get("start_kind") == "attested" or p["disputed_start"]
            rows.append(p)
    return pd.DataFrame(rows, columns=[*periods.columns, "tentative", "disputed_start"])


def _latest_start(p: dict) -> np.datetime64:
    """The last day of the latest start the sources give (a day before any day: no disputed start)."""
    latest = str(p.get("start_latest") or "")
    if p.get("start_kind") != "disputed" or not latest:
        return np.datetime64("0001-01-01")
    return np.datetime64(dates.interval(latest, dates.precision_of(latest))[1], "D")


def _mark_conflicts(frame: pd.DataFrame, key: str, value: str) -> pd.DataFrame:
    frame = frame.copy()
    frame["conflict"] = frame.groupby(key)[value].transform("nunique").fillna(0).astype(int) > 1
    return frame


def _area_geometry(cat: Catalog, kind: str, area_id: str):
    if kind == "sector":
        return cat.sectors.set_index("sector_id").geometry.get(area_id)
    return cat.parishes.set_index("pcode").geometry.get(area_id)


def zones_as_of(cat: Catalog, day: dt.date) -> gpd.GeoDataFrame:
    """Each peace zone with a status on `day` (zones with none that day are left out)."""
    held = _mark_conflicts(_holding(cat.periods, day), "designation_id", "status")
    about = cat.designations.rename(columns={"note_en": "zone_note_en", "note_es": "zone_note_es"})
    held = held.merge(about, on="designation_id", how="left")
    held["geometry"] = [_area_geometry(cat, k, a) for k, a in zip(held["area_kind"], held["area_id"])]
    return gpd.GeoDataFrame(held.reindex(columns=ZONE_COLUMNS), geometry="geometry", crs=4326)


def control_as_of(cat: Catalog, day: dt.date) -> gpd.GeoDataFrame:
    """Each sector's controlling group on `day`, by the catalog's claims (sectors with none are left out)."""
    held = _mark_conflicts(_holding(cat.claims, day), "sector_id", "group_id")
    held["geometry"] = [_area_geometry(cat, "sector", s) for s in held["sector_id"]]
    return gpd.GeoDataFrame(held.reindex(columns=CONTROL_COLUMNS), geometry="geometry", crs=4326)


@dataclass(frozen=True)
class Standing:
    """What held on one day: the peace zones' status and each sector's control (computed once per view)."""
    day: dt.date
    zones: gpd.GeoDataFrame
    control: gpd.GeoDataFrame


@lru_cache(maxsize=2048)
def standing(cat: Catalog, day: dt.date) -> Standing:
    """Cached per catalog and day (15-25 ms of pandas on a handful of rows, paid on every rerun before);
    callers must not mutate the frames."""
    return Standing(day, zones_as_of(cat, day), control_as_of(cat, day))


def source_rows(cat: Catalog, event_ids: str) -> list[dict]:
    """The source rows (sources.csv) of a '|'-separated list of event ids, in order."""
    wanted = split_list(event_ids)
    rows = cat.sources[cat.sources["event_id"].isin(wanted)]
    order = {e: i for i, e in enumerate(wanted)}
    return sorted(rows.to_dict("records"), key=lambda r: (order[r["event_id"]], int(r["n"])))


def standing_rows(cat: Catalog, zones: gpd.GeoDataFrame, control: gpd.GeoDataFrame, lang: str) -> list[dict]:
    """Rows for the table of what held on a day: area, what, period, note, sources."""
    rows = [{"area": r[f"name_{lang}"],
             "what": t("what_zone", lang, status=t(f"zone_{r['status']}", lang)),
             "period": r, "note": f"{r[f'note_{lang}']} {r[f'zone_note_{lang}']}",
             "sources": source_rows(cat, r["source_event_ids"])}
            for r in zones.to_dict("records")]
    rows += [{"area": area_label(cat, r["sector_id"]),
              "what": t("what_control", lang, group=actor_label(cat, r["group_id"], lang),
                        confidence=t(f"confidence_{r['confidence']}", lang)),
              "period": r, "note": r[f"note_{lang}"], "sources": source_rows(cat, r["source_event_ids"])}
             for r in control.to_dict("records")]
    return rows
