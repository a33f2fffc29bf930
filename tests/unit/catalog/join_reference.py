"""The join as it was before it was vectorised (row-by-row dates, geopandas sjoin, object arrays), kept
only as the reference the vectorised join must equal (tests/unit/test_perf_join.py)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from territorio.catalog import dates
from territorio.catalog.model import Catalog

UNCERTAIN = "uncertain"
JOIN_COLUMNS = ["pcode", "parish", "sector_id", "sector", "designation_id", "designation_status",
                "controlling_group", "control_confidence", "control_claim_id", "date_lo", "date_hi", "mapped"]


def _points(incidents: pd.DataFrame) -> gpd.GeoDataFrame:
    mapped = incidents["lat"].notna() & incidents["lon"].notna()
    geom = gpd.points_from_xy(incidents["lon"].where(mapped), incidents["lat"].where(mapped))
    return gpd.GeoDataFrame({"mapped": mapped.to_numpy()}, geometry=geom, index=incidents.index, crs=4326)


def _locate(points: gpd.GeoDataFrame, polygons: gpd.GeoDataFrame, key: str) -> pd.Series:
    """The `key` of the polygon each point lies in ('' where none)."""
    hits = gpd.sjoin(points[points["mapped"]], polygons[[key, "geometry"]], how="left", predicate="within")
    hits = hits[~hits.index.duplicated(keep="first")]
    return hits[key].reindex(points.index).fillna("").astype(str)


def _bounds(start: str, start_precision: str, end: str, end_precision: str, end_kind: str
            ) -> tuple[np.datetime64, np.datetime64]:
    """A period as [lo, hi] inclusive. A known end is the first day of the next state (exclusive);
    last evidence keeps its whole interval; an open end runs on."""
    lo = np.datetime64(dates.interval(start, start_precision)[0], "D")
    if end_kind == "open" or not end:
        return lo, np.datetime64("9999-12-31")
    end_lo, end_hi = dates.interval(end, end_precision)
    if end_kind == "last_evidence":
        return lo, np.datetime64(end_hi, "D")
    return lo, np.datetime64(end_lo, "D") - np.timedelta64(1, "D")


def _assign(lo, hi, in_area: np.ndarray, periods: pd.DataFrame, value_col: str, extra: list[str]
            ) -> dict[str, np.ndarray]:
    """For each incident, the value of the period that wholly contains its interval; UNCERTAIN where it
    only partly overlaps one; '' where none applies."""
    n = len(lo)
    out = {c: np.full(n, "", dtype=object) for c in [value_col, *extra]}
    for p in periods.itertuples(index=False):
        p_lo, p_hi = _bounds(p.start, p.start_precision, p.end, p.end_precision, p.end_kind)
        area = in_area(p)
        overlaps = area & (lo <= p_hi) & (hi >= p_lo)
        inside = overlaps & (lo >= p_lo) & (hi <= p_hi)
        partial = overlaps & ~inside
        for c in extra:
            out[c] = np.where(overlaps & (out[c] == ""), getattr(p, c), out[c])
        value = getattr(p, value_col)
        out[value_col] = np.where(inside & (out[value_col] == ""), value, out[value_col])
        out[value_col] = np.where(partial & (out[value_col] != value), UNCERTAIN, out[value_col])
    return out


def join(cat: Catalog, incidents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Incidents (the catalog's, or imported ones with the same columns) with JOIN_COLUMNS added."""
    inc = (cat.incidents if incidents is None else incidents).copy()
    points = _points(inc)
    inc["mapped"] = points["mapped"]
    inc["pcode"] = _locate(points, cat.parishes, "pcode")
    if "pcode_stated" in inc:
        inc["pcode"] = inc["pcode"].where(inc["pcode"] != "", inc["pcode_stated"].fillna(""))
    inc["parish"] = inc["pcode"].map(dict(zip(cat.parishes.pcode, cat.parishes.name))).fillna("")
    inc["sector_id"] = _locate(points, cat.sectors, "sector_id")
    inc["sector"] = inc["sector_id"].map(dict(zip(cat.sectors.sector_id, cat.sectors.name))).fillna("")
    lo, hi = _rowwise_intervals(inc["date"], inc["date_precision"], inc.get("date_end"))
    inc["date_lo"], inc["date_hi"] = lo, hi

    areas = cat.designations.set_index("designation_id")
    sector_ids, pcodes = inc["sector_id"].to_numpy(), inc["pcode"].to_numpy()

    def in_designation(p) -> np.ndarray:
        d = areas.loc[p.designation_id]
        return (sector_ids if d.area_kind == "sector" else pcodes) == d.area_id

    periods = cat.periods.rename(columns={"status": "designation_status"})
    got = _assign(lo, hi, in_designation, periods, "designation_status", ["designation_id"])
    inc["designation_status"], inc["designation_id"] = got["designation_status"], got["designation_id"]

    claims = cat.claims.rename(columns={"group_id": "controlling_group", "confidence": "control_confidence",
                                        "claim_id": "control_claim_id"})
    got = _assign(lo, hi, lambda c: sector_ids == c.sector_id, claims, "controlling_group",
                  ["control_confidence", "control_claim_id"])
    for col in ("controlling_group", "control_confidence", "control_claim_id"):
        inc[col] = got[col]
    return inc


def _rowwise_intervals(texts, precisions, ends):
    ends = ends if ends is not None else pd.Series([""] * len(texts), index=texts.index)
    pairs = [dates.interval(d, p, e or "") for d, p, e in zip(texts, precisions, ends.fillna(""))]
    return (np.array([p[0] for p in pairs], dtype="datetime64[D]"),
            np.array([p[1] for p in pairs], dtype="datetime64[D]"))
