"""Shared by the geometry formats: a GeoDataFrame -> Table, reprojected to WGS84 longitude/latitude; GDAL
(through pyogrio) held to one driver with its network switched off.

pyproj picks the datum transformation from the EPSG database, so PSAD56 / UTM 19N (EPSG:24819) gets its
shift to WGS84 (a few hundred metres in Caracas), and REGVEN / UTM 19N (EPSG:2202) its near-null one.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import geopandas as gpd
import shapely

from territorio.imports.columns import generic_mapper
from territorio.imports.report import FileRejected, Issue
from territorio.imports.safety import Limits, check_columns, check_rows, check_vertices
from territorio.imports.table import Record, Table, cell_text

WGS84 = "EPSG:4326"
DRIVERS = {"Shapefile": "ESRI Shapefile"}   # format -> the only GDAL driver that may read it
GDAL_OFFLINE = {  # GDAL has no switch for "no network": every way out is closed instead
    "CPL_VSIL_CURL_ALLOWED_FILENAME": "/territorio-nothing",   # /vsicurl/ and its kin open nothing
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".territorio-nothing",
    "GDAL_HTTP_PROXY": "127.0.0.1:9",   # drivers that fetch http:// themselves go through a closed port
    "GDAL_HTTPS_PROXY": "127.0.0.1:9",
    "GDAL_HTTP_MAX_RETRY": "0",
    "GDAL_DISABLE_READDIR_ON_OPEN": "TRUE",
}


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


def reproject(records: list[Record], crs, warnings: list[Issue]) -> None:
    """Each record's geometry, read in `crs` (None: not said), turned to WGS84 in place."""
    geoms = to_wgs84(gpd.GeoSeries([r.geometry for r in records], crs=crs), warnings)
    for r, g in zip(records, geoms):
        r.geometry = g


def frame_table(frame: gpd.GeoDataFrame, fmt: str, limits: Limits) -> Table:
    """The frame's rows as records, after the vertex cap and before reprojection (the costly step)."""
    check_vertices(int(shapely.get_num_coordinates(frame.geometry.values).sum()), limits)
    warnings: list[Issue] = []
    geoms = to_wgs84(frame.geometry, warnings)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    records = []
    for n, (props, geom) in enumerate(zip(frame[columns].to_dict("records"), geoms), start=1):
        geom = None if geom is None or shapely.is_empty(geom) else geom
        records.append(Record(n, {k: cell_text(v) for k, v in props.items()}, geom))
    return Table(fmt, columns, records, has_geometry=True, warnings=warnings, mapper=generic_mapper(columns))


def _offline() -> None:
    import pyogrio

    pyogrio.set_gdal_config_options(GDAL_OFFLINE)


def _local_file(path: Path) -> str:
    """A path GDAL cannot take for anything but a file on disk: absolute, existing, no /vsi prefix."""
    text = str(path)
    if not path.is_absolute() or not path.is_file() or text.startswith("/vsi"):
        raise FileRejected("wrong_format", format="GDAL", detail="not a local file")
    return text


def read_frame(path: Path, fmt: str, limits: Limits) -> gpd.GeoDataFrame:
    """A local file read by pyogrio with the one driver of `fmt`: rows and columns checked from its header
    before a feature is read, vertices before anything is reprojected; errors said as a file rejection."""
    import pyogrio

    _offline()
    source = _local_file(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # GDAL's notes on odd files; we say what matters
            info = pyogrio.read_info(source)
            if info["driver"] != DRIVERS[fmt]:
                raise FileRejected("wrong_format", format=fmt, detail=f"GDAL sees {info['driver']}")
            check_columns(len(info["fields"]), limits)
            check_rows(int(info["features"]), limits)
            frame = gpd.read_file(source, engine="pyogrio", max_features=limits.max_rows + 1)
    except FileRejected:
        raise
    except Exception as exc:  # pyogrio raises several DataSourceError/FieldError types; all mean unreadable
        raise FileRejected("geo_unreadable", format=fmt, detail=str(exc).splitlines()[0][:200]) from None
    check_rows(len(frame), limits)
    return frame
