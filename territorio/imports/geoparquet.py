"""GeoParquet (geometry column and CRS from its 'geo' metadata)."""

from __future__ import annotations

import io

import geopandas as gpd

from territorio.imports.geo import frame_table
from territorio.imports.report import FileRejected
from territorio.imports.table import Table


def read(data: bytes, name: str, limits) -> Table:
    try:
        frame = gpd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow and geopandas raise many types; all mean this is not GeoParquet
        raise FileRejected("geo_unreadable", format="GeoParquet", detail=str(exc).splitlines()[0][:200]) from None
    return frame_table(frame, "geoparquet")
