"""Shared by the geometry formats: a GeoDataFrame -> Table, reprojected to WGS84 longitude/latitude.

pyproj picks the datum transformation from the EPSG database, so PSAD56 / UTM 19N (EPSG:24819) gets its
shift to WGS84 (a few hundred metres in Caracas), and REGVEN / UTM 19N (EPSG:2202) its near-null one.
"""

from __future__ import annotations

import warnings

import geopandas as gpd
import shapely

from territorio.imports.columns import generic_mapper
from territorio.imports.report import FileRejected, Issue
from territorio.imports.table import Record, Table, cell_text

WGS84 = "EPSG:4326"


def _lonlat_like(geoms: gpd.GeoSeries) -> bool:
    b = geoms[~geoms.is_empty & geoms.notna()].total_bounds
    return len(b) == 4 and -180 <= b[0] <= b[2] <= 180 and -90 <= b[1] <= b[3] <= 90


def to_wgs84(geoms: gpd.GeoSeries, warnings: list[Issue]) -> gpd.GeoSeries:
    """Reprojected when the file says its CRS; assumed longitude/latitude (with a warning) when it says
    none and its numbers fit; refused when it says none and they do not."""
    if geoms.crs is None:
        if geoms.notna().any() and not _lonlat_like(geoms):
            raise FileRejected("no_crs_projected")
        warnings.append(Issue(None, "no_crs", {}))
        return geoms.set_crs(WGS84, allow_override=True)
    if geoms.crs.equals(WGS84) or geoms.crs.to_epsg() == 4326:
        return geoms
    warnings.append(Issue(None, "reprojected", {"crs": geoms.crs.name or geoms.crs.to_string()}))
    return geoms.to_crs(WGS84)


def frame_table(frame: gpd.GeoDataFrame, fmt: str) -> Table:
    warnings: list[Issue] = []
    geoms = to_wgs84(frame.geometry, warnings)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    records = []
    for n, (props, geom) in enumerate(zip(frame[columns].to_dict("records"), geoms), start=1):
        geom = None if geom is None or shapely.is_empty(geom) else geom
        records.append(Record(n, {k: cell_text(v) for k, v in props.items()}, geom))
    return Table(fmt, columns, records, has_geometry=True, warnings=warnings, mapper=generic_mapper(columns))


def read_frame(source, fmt: str, **kwargs) -> gpd.GeoDataFrame:
    """pyogrio's reader, its errors said as a file rejection."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # GDAL's notes on odd files; we say what matters
            return gpd.read_file(source, engine="pyogrio", **kwargs)
    except Exception as exc:  # pyogrio raises several DataSourceError/FieldError types; all mean unreadable
        raise FileRejected("geo_unreadable", format=fmt, detail=str(exc).splitlines()[0][:200]) from None
