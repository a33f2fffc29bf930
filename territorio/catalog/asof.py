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
import threading
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


@dataclass(frozen=True)
class Bounds:
    """A table of periods as arrays, one entry a period: the days it holds [lo, hi], the last day of its
    start's uncertainty, whether it is tentative whatever the day (last evidence, attested start), and the
    last day of the latest version of a disputed start (a day before any day when undisputed)."""
    lo: np.ndarray
    hi: np.ndarray
    start_hi: np.ndarray
    start_vague: np.ndarray      # start known to less than a day
    always_tentative: np.ndarray
    latest_start: np.ndarray


def period_bounds(periods: pd.DataFrame) -> Bounds:
    """Bounds of every period (see join._bounds), worked out once per table instead of once per day."""
    recs = periods.to_dict("records")
    pairs = [_bounds(p["start"], p["start_precision"], p["end"], p["end_precision"], p["end_kind"]) for p in recs]
    return Bounds(lo=np.array([lo for lo, _ in pairs], dtype="datetime64[D]"),
                  hi=np.array([hi for _, hi in pairs], dtype="datetime64[D]"),
                  start_hi=np.array([dates.interval(p["start"], p["start_precision"])[1] for p in recs],
                                    dtype="datetime64[D]"),
                  start_vague=np.array([p["start_precision"] != "day" for p in recs], dtype=bool),
                  always_tentative=np.array([p["end_kind"] == "last_evidence" or p.get("start_kind") == "attested"
                                             for p in recs], dtype=bool),
                  latest_start=np.array([_latest_start(p) for p in recs], dtype="datetime64[D]"))


def _latest_start(p: dict) -> np.datetime64:
    """The last day of the latest start the sources give (a day before any day: no disputed start)."""
    latest = str(p.get("start_latest") or "")
    if p.get("start_kind") != "disputed" or not latest:
        return np.datetime64("0001-01-01")
    return np.datetime64(dates.interval(latest, dates.precision_of(latest))[1], "D")


def holds(b: Bounds, day: dt.date) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(which periods hold on `day`, which of them are tentative on it, which are inside a disputed start), as
    boolean arrays."""
    d = np.datetime64(day, "D")
    hold = (b.lo <= d) & (d <= b.hi)
    disputed = hold & (d <= b.latest_start)
    return hold, hold & (((d <= b.start_hi) & b.start_vague) | b.always_tentative | disputed), disputed


def _holding(periods: pd.DataFrame, day: dt.date, bounds: Bounds | None = None) -> pd.DataFrame:
    """The periods that hold on `day`, with `tentative` and `disputed_start` set."""
    hold, tentative, disputed = holds(bounds or period_bounds(periods), day)
    held = periods.loc[hold].reset_index(drop=True)
    return held.assign(tentative=tentative[hold], disputed_start=disputed[hold])


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
    return _zones(cat, _holding(cat.periods, day, _catalog_bounds(cat)[0]))


def _zones(cat: Catalog, holding: pd.DataFrame) -> gpd.GeoDataFrame:
    held = _mark_conflicts(holding, "designation_id", "status")
    about = cat.designations.rename(columns={"note_en": "zone_note_en", "note_es": "zone_note_es"})
    held = held.merge(about, on="designation_id", how="left")
    held["geometry"] = [_area_geometry(cat, k, a) for k, a in zip(held["area_kind"], held["area_id"])]
    return gpd.GeoDataFrame(held.reindex(columns=ZONE_COLUMNS), geometry="geometry", crs=4326)


def control_as_of(cat: Catalog, day: dt.date) -> gpd.GeoDataFrame:
    """Each sector's controlling group on `day`, by the catalog's claims (sectors with none are left out)."""
    return _control(cat, _holding(cat.claims, day, _catalog_bounds(cat)[1]))


def _control(cat: Catalog, holding: pd.DataFrame) -> gpd.GeoDataFrame:
    held = _mark_conflicts(holding, "sector_id", "group_id")
    held["geometry"] = [_area_geometry(cat, "sector", s) for s in held["sector_id"]]
    return gpd.GeoDataFrame(held.reindex(columns=CONTROL_COLUMNS), geometry="geometry", crs=4326)


@lru_cache(maxsize=16)
def _catalog_bounds(cat: Catalog) -> tuple[Bounds, Bounds]:
    return period_bounds(cat.periods), period_bounds(cat.claims)


@dataclass(frozen=True)
class Standing:
    """What held on one day: the peace zones' status and each sector's control (computed once per view).
    `key` is the same for two days on which the same periods hold with the same tentativeness: their zones
    and control are the same frames, and layers drawn from them can be kept (a few changes in ten years)."""
    day: dt.date
    zones: gpd.GeoDataFrame
    control: gpd.GeoDataFrame
    key: tuple = ()


def state_key(cat: Catalog, day: dt.date) -> tuple:
    """What held on `day`, as a key (see Standing.key): a few array comparisons, no frames."""
    zone_bounds, claim_bounds = _catalog_bounds(cat)
    return tuple(np.packbits(np.concatenate(holds(b, day))).tobytes() for b in (zone_bounds, claim_bounds))


def standing(cat: Catalog, day: dt.date) -> Standing:
    """What held on `day`. The frames are made once per state (a day inside the same periods as one already
    seen costs a key, not 15-25 ms of pandas) and shared: callers must not mutate them."""
    key = state_key(cat, day)
    with _FRAMES_LOCK:
        frames = _FRAMES.get((cat, key))
    if frames is None:
        frames = zones_as_of(cat, day), control_as_of(cat, day)
        with _FRAMES_LOCK:
            _FRAMES[(cat, key)] = frames
            while len(_FRAMES) > FRAMES_KEPT:
                _FRAMES.pop(next(iter(_FRAMES)))
    return Standing(day, *frames, key)


FRAMES_KEPT = 512          # states kept (the catalog has a few dozen over its ten years)
_FRAMES: dict[tuple, tuple] = {}
_FRAMES_LOCK = threading.Lock()


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
