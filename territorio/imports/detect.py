"""Which reader reads a file: by extension, else by its first bytes; CSV headers with ACLED's columns
go to the ACLED reader. Declared as data."""

from __future__ import annotations

import csv as std_csv
import io
import zipfile
from pathlib import PurePath
from typing import Callable

from territorio.imports import acled, csv, geojson, geoparquet, gpkg, kml, shapefile
from territorio.imports.report import FileRejected

READERS: dict[str, Callable] = {
    "csv": csv.read, "acled": acled.read, "geojson": geojson.read, "gpkg": gpkg.read,
    "shapefile": shapefile.read, "kml": kml.read, "kmz": kml.read_kmz, "geoparquet": geoparquet.read,
}
EXTENSIONS = {
    ".csv": "csv", ".txt": "csv", ".tsv": "csv", ".geojson": "geojson", ".json": "geojson",
    ".gpkg": "gpkg", ".zip": "shapefile", ".kml": "kml", ".kmz": "kmz", ".parquet": "geoparquet",
    ".geoparquet": "geoparquet",
}
MAGIC = [(b"SQLite format 3\x00", "gpkg"), (b"PAR1", "geoparquet"), (b"{", "geojson"), (b"<", "kml")]
REFUSED = {".xlsx", ".xls", ".ods", ".shp", ".dbf", ".shx", ".docx", ".pdf"}


def _zip_format(data: bytes) -> str:
    try:
        names = [n.lower() for n in zipfile.ZipFile(io.BytesIO(data)).namelist()]
    except zipfile.BadZipFile:
        raise FileRejected("zip_unreadable") from None
    return "kmz" if any(n.endswith(".kml") for n in names) and not any(n.endswith(".shp") for n in names) \
        else "shapefile"


def _sniff(data: bytes) -> str:
    if data.startswith(b"PK"):
        return _zip_format(data)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return next((fmt for magic, fmt in MAGIC if head.startswith(magic)), "csv")


def _refine_csv(data: bytes) -> str:
    try:
        header = csv.header_of(csv.decode(data[:65536]))
    except (FileRejected, std_csv.Error):
        return "csv"
    return "acled" if acled.is_acled(header) else "csv"


def detect(name: str, data: bytes) -> str:
    ext = PurePath(name).suffix.lower()
    if ext in REFUSED:
        raise FileRejected("unsupported", ext=ext)
    fmt = EXTENSIONS.get(ext) or _sniff(data)
    if fmt == "shapefile" and data.startswith(b"PK"):
        fmt = _zip_format(data)
    return _refine_csv(data) if fmt == "csv" else fmt
