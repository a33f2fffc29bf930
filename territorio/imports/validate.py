"""Rows -> loaded records or rejections, the same rules for every format.

Rejected: duplicates (naming the row repeated), missing/unreadable/future dates, coordinates off the globe
or swapped (unless fix_swapped), unreadable coordinates, negative or reversed fatalities, unreadable or
wrong-kind geometry. Loaded with a warning: repaired polygons, points outside metropolitan Caracas,
no coordinates, unreadable fatality figures (kept as text), unknown columns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
import shapely

from territorio.imports.columns import ALIASES, unknown_columns
from territorio.imports.report import FileRejected, Issue
from territorio.imports.table import Record, Table
from territorio.imports.values import ValueProblem, date_bounds, parse_date, parse_fatalities, parse_number, urls

# The catalog's incident columns (geodata/incidents.csv), then where each imported row came from.
INCIDENT_COLUMNS = [
    "id", "date", "date_end", "date_precision", "type", "type_original", "title_en", "title_es", "actor_ids",
    "actors_en", "actors_es", "fatalities_min", "fatalities_max", "fatalities_text", "lat", "lon",
    "location_precision", "coord_method", "place", "parish_stated", "pcode_stated", "in_study_area",
    "summary_en", "summary_es", "summary_es_translated", "sources", "source_count", "date_end_note", "date_note",
    "parishes", "independent_outlets", "single_source",
]
ORIGIN_COLUMNS = ["dataset", "row"]
NOT_TEXT = {"fatalities_min": "Int64", "fatalities_max": "Int64", "lat": "float64", "lon": "float64",
            "in_study_area": "bool", "row": "int64"}
AREA_COLUMNS = ["dataset", "row", "id", "name", "description"]
LOCATION_PRECISIONS = {"site_point", "sector_proxy", "parish_reference", "town_point", "estimate_unverified",
                       "not_mapped", "acled_geo_1", "acled_geo_2", "acled_geo_3"}
VENEZUELA = (-73.6, 0.6, -59.6, 12.3)   # lon/lat box used only to recognise swapped coordinates


@dataclass(frozen=True)
class Context:
    dataset: str
    study_area: object | None = None          # shapely geometry: Caracas' parishes plus a margin
    known_types: frozenset = frozenset()      # catalog type keys kept as they are
    fix_swapped: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    type_map: tuple[tuple[str, str], ...] = ()   # the file's own type -> a catalog type, as the person mapped it
    undated: bool = False                        # a file with no dates: its rows load undated
    file_date: str = ""                          # a file with no dates: this date or period for every row

    @property
    def dating(self) -> str:
        """What the report says of the dates: as given, undated, or the date given for the whole file."""
        return "undated" if self.undated else f"whole file dated {self.file_date}" if self.file_date else "as given"


class Rejected(Exception):
    def __init__(self, code: str, **params: object):
        self.code, self.params = code, params


def _in_box(lon: float, lat: float, box=VENEZUELA) -> bool:
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


# --- shared checks ---------------------------------------------------------------------------------

def _duplicates(records: list[Record]) -> dict[int, int]:
    """row -> the earlier row it repeats exactly (cells and geometry)."""
    seen: dict[tuple, int] = {}
    out = {}
    for r in records:
        key = (tuple(sorted(r.fields.items())), r.geometry.wkb if r.geometry is not None else None)
        if key in seen:
            out[r.row] = seen[key]
        else:
            seen[key] = r.row
    return out


def _file_warnings(table: Table) -> list[Issue]:
    unknown = unknown_columns(table.columns, set(table.known))
    return [Issue(None, "unknown_columns", {"columns": ", ".join(unknown)})] if unknown else []


def _run(table: Table, one, ctx: Context) -> tuple[list[dict], list[Issue], list[Issue]]:
    """Apply `one(record, canonical, warn)` to each record; collect rows, rejections, warnings."""
    rows, rejected, warnings = [], [], [*table.warnings, *_file_warnings(table)]
    repeats = _duplicates(table.records)
    for rec in table.records:
        if rec.row in repeats:
            rejected.append(Issue(rec.row, "duplicate", {"first": repeats[rec.row]}))
            continue
        row_warnings: list[Issue] = []
        try:
            row = one(rec, table.mapper(rec.fields), lambda code, **p: row_warnings.append(Issue(rec.row, code, p)),
                      ctx)
        except Rejected as r:
            rejected.append(Issue(rec.row, r.code, r.params))
            continue
        rows.append(row)
        warnings += row_warnings
    return rows, rejected, warnings


# --- incidents -------------------------------------------------------------------------------------

def _parsed(c: dict, key: str) -> tuple[str, str]:
    try:
        return parse_date(c.get(key, ""))
    except ValueProblem as p:
        raise Rejected(p.code.replace("date_", f"{key}_"), **p.params) from None   # date_end_unreadable


UNDATED = {"date": "", "date_end": "", "date_precision": "undated"}


def _dates(c: dict, ctx: Context) -> dict:
    """date, date_end, date_precision; a stated coarser precision (month, year) wins over a full date. A file
    without dates gets the one date the person gave for it, or none (undated) when they chose so."""
    if ctx.undated:
        return dict(UNDATED)
    if ctx.file_date:
        c = {**c, "date": ctx.file_date, "date_precision": "", "date_end": ""}
    iso, precision = _parsed(c, "date")
    stated = c.get("date_precision", "").strip().lower()
    if precision == "day" and stated in ("month", "year"):
        iso, precision = (iso[:7], "month") if stated == "month" else (iso[:4], "year")
    lo = date_bounds(iso, precision)[0]
    if lo > ctx.today:
        raise Rejected("date_future", value=c.get("date", "").strip())
    end = _parsed(c, "date_end") if c.get("date_end", "").strip() else ("", "")
    if end[0] and date_bounds(*end)[1] < lo:
        raise Rejected("date_end_before", value=c["date_end"].strip(), start=iso)
    return {"date": iso, "date_end": end[0], "date_precision": precision}


def _point(rec: Record, c: dict) -> tuple[float | None, float | None]:
    if rec.geometry is not None:
        if rec.geometry.geom_type == "MultiPoint" and len(rec.geometry.geoms) == 1:
            return rec.geometry.geoms[0].y, rec.geometry.geoms[0].x
        if rec.geometry.geom_type != "Point":
            raise Rejected("not_a_point", geom=rec.geometry.geom_type)
        return rec.geometry.y, rec.geometry.x
    try:
        lat, lon = parse_number(c.get("lat", "")), parse_number(c.get("lon", ""))
    except ValueError:
        raise Rejected("coords_unreadable", lat=c.get("lat", ""), lon=c.get("lon", "")) from None
    if (lat is None) != (lon is None):
        raise Rejected("coords_half", lat=c.get("lat", ""), lon=c.get("lon", ""))
    return lat, lon


def _coords(rec: Record, c: dict, warn, ctx: Context) -> tuple[float | None, float | None]:
    if rec.geometry_problem:
        raise Rejected(rec.geometry_problem)
    lat, lon = _point(rec, c)
    if lat is None:
        warn("no_coordinates")
        return None, None
    if not _in_box(lon, lat) and _in_box(lat, lon):
        if not ctx.fix_swapped:
            raise Rejected("coords_swapped", lat=f"{lat:g}", lon=f"{lon:g}")
        warn("coords_swapped_fixed", lat=f"{lat:g}", lon=f"{lon:g}")
        lat, lon = lon, lat
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise Rejected("coords_off_globe", lat=f"{lat:g}", lon=f"{lon:g}")
    return lat, lon


def _fatalities(c: dict, warn) -> dict:
    text = c.get("fatalities", "").strip()
    try:
        if c.get("fatalities_min", "").strip() or c.get("fatalities_max", "").strip():
            lo = parse_fatalities(c.get("fatalities_min", ""))[0]
            hi = parse_fatalities(c.get("fatalities_max", ""))[1]
            lo, hi = (hi if lo is None else lo), (lo if hi is None else hi)
            if lo is not None and hi < lo:
                raise ValueProblem("fatalities_reversed", value=f"{lo}-{hi}")
        else:
            lo, hi = parse_fatalities(text)
    except ValueProblem as p:
        if p.code == "fatalities_unreadable":
            warn(p.code, **p.params)
            return {"fatalities_min": None, "fatalities_max": None, "fatalities_text": text}
        raise Rejected(p.code, **p.params) from None
    shown = text or ("" if lo is None else str(lo) if lo == hi else f"{lo}-{hi}")
    return {"fatalities_min": lo, "fatalities_max": hi, "fatalities_text": shown}


UNKNOWN_TYPE = "unknown"


def _kind(c: dict, warn, ctx: Context) -> dict:
    """The row's type: a catalog key as written, or as the person mapped it, else the file's own text (a value
    of its own, never forced into a catalog type); an empty type is 'unknown', with a warning."""
    original = " ".join(c.get("type", "").split())
    if not original:
        if "type" in c:      # an empty cell in a type column; a file with no type column says no type at all
            warn("type_empty")
        return {"type": UNKNOWN_TYPE, "type_original": ""}
    key = dict(ctx.type_map).get(original) or original
    return {"type": key, "type_original": original}


def _location_precision(c: dict, lat) -> str:
    if lat is None:
        return "not_mapped"
    stated = c.get("location_precision", "").strip()
    return stated if stated in LOCATION_PRECISIONS and stated != "not_mapped" else "as_given"


def _incident(rec: Record, c: dict, warn, ctx: Context) -> dict:
    when = _dates(c, ctx)
    lat, lon = _coords(rec, c, warn, ctx)
    links = urls(c.get("sources", ""))
    summary, actors = c.get("summary", "").strip(), c.get("actors", "").strip()
    title = c.get("title", "").strip() or summary
    return {
        "id": c.get("id", "").strip() or f"{ctx.dataset}-{rec.row}", **when, **_kind(c, warn, ctx),
        "title_en": title, "title_es": title,
        "actor_ids": c.get("actor_ids", "").strip() or actors,     # a file's own actors: values of their own
        "actors_en": actors, "actors_es": actors, **_fatalities(c, warn), "lat": lat, "lon": lon,
        "location_precision": _location_precision(c, lat),
        "coord_method": c.get("coord_method", "").strip() or ("" if lat is None else "as given in the imported file"),
        "place": c.get("place", "").strip(), "parish_stated": c.get("parish", "").strip(),
        "pcode_stated": c.get("pcode", "").strip(), "in_study_area": True,
        "summary_en": summary, "summary_es": summary, "summary_es_translated": "",
        "sources": " | ".join(links), "source_count": str(len(links)) if links else "",
        "date_end_note": c.get("date_end_note", "").strip(), "dataset": ctx.dataset, "row": rec.row,
    }


def _outside(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    """True for mapped rows outside the study area (False where unmapped or no study area given)."""
    mapped = frame["lat"].notna()
    if ctx.study_area is None or not mapped.any():
        return pd.Series(False, index=frame.index)
    inside = shapely.contains_xy(ctx.study_area, frame["lon"].fillna(0).to_numpy(), frame["lat"].fillna(0).to_numpy())
    return mapped & ~pd.Series(inside, index=frame.index)


def _require_dates(table: Table, ctx: Context) -> None:
    if ctx.undated or ctx.file_date:
        _check_file_date(ctx.file_date)
        return
    if table.records and "date" not in table.mapper({c: "" for c in table.columns}):
        raise FileRejected("no_date_column", names=", ".join(ALIASES["date"]))


def _check_file_date(text: str) -> None:
    if text:
        try:
            parse_date(text)
        except ValueProblem:
            raise FileRejected("file_date_unreadable", value=text[:40]) from None


def incidents(table: Table, ctx: Context) -> tuple[pd.DataFrame, list[Issue], list[Issue]]:
    _require_dates(table, ctx)
    rows, rejected, warnings = _run(table, _incident, ctx)
    frame = _typed(pd.DataFrame(rows, columns=INCIDENT_COLUMNS + ORIGIN_COLUMNS))
    outside = _outside(frame, ctx)
    frame["in_study_area"] = ~outside.to_numpy(bool)
    warnings += [Issue(int(r), "outside_caracas", {}) for r in frame.loc[outside, "row"]]
    return frame, rejected, sorted(warnings, key=lambda i: (i.row or 0))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The catalog's dtypes (catalog.typed_incidents): text as str, tolls Int64, coordinates float."""
    for col in frame.columns:
        if col in NOT_TEXT:
            values = frame[col].tolist() if NOT_TEXT[col] == "Int64" else frame[col]
            frame[col] = pd.array(values, dtype="Int64") if NOT_TEXT[col] == "Int64" else values.astype(NOT_TEXT[col])
        else:
            frame[col] = frame[col].fillna("").astype(str)
    return frame


# --- areas -----------------------------------------------------------------------------------------

def _area(rec: Record, c: dict, warn, ctx: Context) -> dict:
    if rec.geometry_problem:
        raise Rejected(rec.geometry_problem)
    geom = rec.geometry
    if geom is None:
        raise Rejected("no_geometry")
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        raise Rejected("not_a_polygon", geom=geom.geom_type)
    x0, y0, x1, y1 = geom.bounds
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise Rejected("coords_off_globe", lat=f"{y0:g}", lon=f"{x0:g}")
    if not geom.is_valid:
        warn("polygon_repaired", detail=shapely.is_valid_reason(geom))
        geom = shapely.make_valid(geom)
        polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(polys) if polys else None
        if geom is None or geom.is_empty:
            raise Rejected("polygon_empty")
    if ctx.study_area is not None and not geom.intersects(ctx.study_area):
        warn("outside_caracas")
    name = c.get("title", "").strip()
    return {"dataset": ctx.dataset, "row": rec.row, "id": c.get("id", "").strip() or f"{ctx.dataset}-{rec.row}",
            "name": name, "description": c.get("summary", "").strip(), "geometry": geom}


def areas(table: Table, ctx: Context) -> tuple[gpd.GeoDataFrame, list[Issue], list[Issue]]:
    rows, rejected, warnings = _run(table, _area, ctx)
    frame = gpd.GeoDataFrame(rows, columns=AREA_COLUMNS + ["geometry"], geometry="geometry", crs="EPSG:4326")
    return frame, rejected, sorted(warnings, key=lambda i: (i.row or 0))


def guess_kind(table: Table) -> str:
    """areas when the file's geometries are mostly polygons; incidents otherwise."""
    types = [r.geometry.geom_type for r in table.records if r.geometry is not None]
    polys = sum(t in ("Polygon", "MultiPolygon") for t in types)
    return "areas" if polys and polys >= len(types) - polys else "incidents"


def study_area(parishes: gpd.GeoDataFrame, margin_m: float = 3000) -> object:
    """The parishes merged, plus a margin in metres (buffered in UTM 19N)."""
    merged = parishes.to_crs(32619).union_all().buffer(margin_m)
    return gpd.GeoSeries([merged], crs=32619).to_crs(4326).iloc[0]

