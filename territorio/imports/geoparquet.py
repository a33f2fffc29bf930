"""GeoParquet (geometry column and CRS from its 'geo' metadata), read by pyarrow after its size is known.

Parquet compresses repeated values to nearly nothing: a 12 KB file of a million dictionary-encoded rows took
54 s and 1.9 GB to read. So the footer's row count, column count and value counts are checked before a byte
of data is read, then the text and binary columns are read still dictionary-encoded and their size once
decoded is added up; only a file that fits every limit is read for real.
"""

from __future__ import annotations

import io
import json

from territorio.imports.geo import frame_table
from territorio.imports.report import FileRejected
from territorio.imports.safety import Limits, check_columns, check_rows, check_unpacked
from territorio.imports.table import Table

WIDTH = {"BOOLEAN": 1, "INT32": 4, "FLOAT": 4, "INT64": 8, "DOUBLE": 8, "INT96": 12}
OFFSET_BYTES = 4   # a text or binary value costs at least its offset once read


def _unreadable(detail: str) -> FileRejected:
    return FileRejected("geo_unreadable", format="GeoParquet", detail=detail[:200])


def _footer(data: bytes, **options):
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(io.BytesIO(data), **options)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError...: all mean this is not Parquet
        raise _unreadable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None


def _geometry_columns(metadata) -> list[str]:
    """The columns the 'geo' metadata names, after checking each CRS is PROJJSON (an object) or absent: a
    string would reach pyproj as user input, which may name files."""
    try:
        columns = json.loads((metadata.metadata or {}).get(b"geo", b"{}")).get("columns", {})
        crs = [c.get("crs") for c in columns.values()]
    except (ValueError, AttributeError, TypeError):
        raise _unreadable("its 'geo' metadata is not valid JSON") from None
    if any(c is not None and not isinstance(c, dict) for c in crs):
        raise _unreadable("its CRS is not PROJJSON")
    return list(columns)


def _width(leaf) -> int:
    return leaf.length if leaf.physical_type == "FIXED_LEN_BYTE_ARRAY" else WIDTH.get(leaf.physical_type, OFFSET_BYTES)


def _byte_array_columns(pf) -> list[str]:
    """The text and binary columns, which must be top-level (a nested one could not be measured)."""
    binary = [leaf.path for leaf in map(pf.schema.column, range(len(pf.schema))) if leaf.physical_type == "BYTE_ARRAY"]
    nested = [path for path in binary if "." in path]
    if nested:
        raise _unreadable(f"column '{nested[0]}' nests text or binary values")
    return binary


def _check_footer(pf, limits: Limits) -> list[str]:
    """Rows, columns and the fixed-width values' size, from the footer alone; the columns to measure."""
    meta = pf.metadata
    check_rows(meta.num_rows, limits)
    check_columns(len(set(pf.schema_arrow.names) - set(_geometry_columns(meta))), limits)
    widths = [_width(pf.schema.column(i)) for i in range(len(pf.schema))]   # leaves, in row groups' order
    check_unpacked(sum(meta.row_group(g).column(c).num_values * width for g in range(meta.num_row_groups)
                       for c, width in enumerate(widths)), limits)
    return _byte_array_columns(pf)


def _decoded_bytes(column) -> int:
    """A column's size once its dictionary is decoded: each value's length, counted from the indices."""
    import pyarrow.compute as pc
    import pyarrow.types as pat

    total = 0
    for chunk in column.chunks:
        if pat.is_dictionary(chunk.type):
            lengths = pc.take(pc.binary_length(chunk.dictionary), chunk.indices)
            total += (pc.sum(lengths).as_py() or 0) + OFFSET_BYTES * len(chunk)
        else:
            total += chunk.nbytes
    return total


def _check_decoded(data: bytes, columns: list[str], limits: Limits) -> None:
    """The text and binary columns read as dictionaries (as small as in the file), measured as if decoded."""
    if columns:
        table = _footer(data, read_dictionary=columns).read(columns=columns, use_threads=False)
        check_unpacked(sum(_decoded_bytes(column) for column in table.columns), limits)


def read(data: bytes, name: str, limits: Limits) -> Table:
    import geopandas as gpd

    _check_decoded(data, _check_footer(_footer(data), limits), limits)
    try:
        frame = gpd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow and geopandas raise many types; all mean this is not GeoParquet
        raise _unreadable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    return frame_table(frame, "geoparquet", limits)
