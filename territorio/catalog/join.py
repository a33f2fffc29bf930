"""The join, done once per dataset: each incident gets its parish, its sector, the peace-zone status
in force at its date, and the group controlling its sector at its date.

Vectorised: two point-in-polygon passes (each polygon tests the points in its bounding box), then one
pass over integer codes per status period and per control claim.
An incident whose date interval straddles a period or claim boundary is marked date-uncertain for
it ("uncertain"), never silently assigned to one side.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from territorio.catalog import dates
from territorio.catalog.model import Catalog

UNCERTAIN = "uncertain"
JOIN_COLUMNS = ["pcode", "parish", "sector_id", "sector", "designation_id", "designation_status",
                "controlling_group", "control_confidence", "control_claim_id", "date_lo", "date_hi", "mapped"]


def _points(incidents: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mapped, lon, lat) as arrays."""
    lon, lat = incidents["lon"].to_numpy(float), incidents["lat"].to_numpy(float)
    return ~(np.isnan(lon) | np.isnan(lat)), lon, lat


def _locate(mapped: np.ndarray, lon: np.ndarray, lat: np.ndarray, polygons: gpd.GeoDataFrame, key: str
            ) -> np.ndarray:
    """The `key` of the polygon each point lies strictly within ('' where none; the first polygon where
    several overlap). Each polygon tests only the points in its bounding box that are still unplaced."""
    keys = polygons[key].astype(str).to_numpy(dtype=object)
    which = np.full(len(lon), len(keys), dtype=np.int64)
    for i, geom in enumerate(polygons.geometry.to_numpy()):
        x0, y0, x1, y1 = geom.bounds
        todo = np.flatnonzero(mapped & (which == len(keys)) & (lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1))
        shapely.prepare(geom)
        which[todo[shapely.contains_xy(geom, lon[todo], lat[todo])]] = i
    return np.append(keys, "")[which]


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


def _assign(lo, hi, in_area, periods: pd.DataFrame, value_col: str, extra: list[str]) -> dict[str, np.ndarray]:
    """For each incident, the value of the period that wholly contains its interval; UNCERTAIN where it
    only partly overlaps one; '' where none applies. `extra` columns come from the first period that
    overlaps. Works on integer codes (one pass per period), turned into text once at the end."""
    n = len(lo)
    values = list(dict.fromkeys(periods[value_col].astype(str))) + [UNCERTAIN, ""]
    code = np.full(n, len(values) - 1, dtype=np.int32)            # '' until a period applies
    first = np.full(n, len(periods), dtype=np.int32)              # first overlapping period
    for i, p in enumerate(periods.itertuples(index=False)):
        p_lo, p_hi = _bounds(p.start, p.start_precision, p.end, p.end_precision, p.end_kind)
        overlaps = in_area(p) & (lo <= p_hi) & (hi >= p_lo)
        inside = overlaps & (lo >= p_lo) & (hi <= p_hi)
        first = np.where(overlaps & (first == len(periods)), i, first)
        value = values.index(str(getattr(p, value_col)))
        code = np.where(inside & (code == len(values) - 1), value, code)
        code = np.where(overlaps & ~inside & (code != value), len(values) - 2, code)
    out = {value_col: np.array(values, dtype=object)[code]}
    for c in extra:
        out[c] = np.append(periods[c].astype(str).to_numpy(dtype=object), "")[first]
    return out


def _codes(column: np.ndarray) -> tuple[np.ndarray, dict[str, int]]:
    """Integer codes of a text column, and the code of each text (-1 for a text not present)."""
    codes, uniques = pd.factorize(column)
    return codes, {str(u): i for i, u in enumerate(uniques)}


def join(cat: Catalog, incidents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Incidents (the catalog's, or imported ones with the same columns) with JOIN_COLUMNS added."""
    inc = (cat.incidents if incidents is None else incidents).copy()
    mapped, lon, lat = _points(inc)
    inc["mapped"] = mapped
    pcode = _locate(mapped, lon, lat, cat.parishes, "pcode")
    if "pcode_stated" in inc:
        pcode = np.where(pcode != "", pcode, inc["pcode_stated"].fillna("").to_numpy(dtype=object))
    inc["pcode"] = pd.Series(pcode, index=inc.index, dtype="str")
    inc["parish"] = inc["pcode"].map(dict(zip(cat.parishes.pcode, cat.parishes.name))).fillna("")
    inc["sector_id"] = pd.Series(_locate(mapped, lon, lat, cat.sectors, "sector_id"), index=inc.index, dtype="str")
    inc["sector"] = inc["sector_id"].map(dict(zip(cat.sectors.sector_id, cat.sectors.name))).fillna("")
    lo, hi = dates.interval_columns(inc["date"], inc["date_precision"], inc.get("date_end"))
    inc["date_lo"], inc["date_hi"] = lo, hi

    areas = cat.designations.set_index("designation_id")
    sector_codes, sector_code = _codes(inc["sector_id"].to_numpy())
    pcode_codes, pcode_code = _codes(inc["pcode"].to_numpy())

    def in_designation(p) -> np.ndarray:
        d = areas.loc[p.designation_id]
        if d.area_kind == "sector":
            return sector_codes == sector_code.get(str(d.area_id), -2)
        return pcode_codes == pcode_code.get(str(d.area_id), -2)

    periods = cat.periods.rename(columns={"status": "designation_status"})
    got = _assign(lo, hi, in_designation, periods, "designation_status", ["designation_id"])
    inc["designation_status"], inc["designation_id"] = got["designation_status"], got["designation_id"]

    claims = cat.claims.rename(columns={"group_id": "controlling_group", "confidence": "control_confidence",
                                        "claim_id": "control_claim_id"})
    got = _assign(lo, hi, lambda c: sector_codes == sector_code.get(str(c.sector_id), -2), claims, "controlling_group",
                  ["control_confidence", "control_claim_id"])
    for col in ("controlling_group", "control_confidence", "control_claim_id"):
        inc[col] = got[col]
    return inc
