"""Zipped Shapefile: members checked, extracted flat into a temporary folder, reprojected from its .prj.

GDAL is the reader, and GDAL picks its driver from a file's content: a VRT (XML naming other files or URLs)
named a.shp was obeyed. So the .shp and .shx must start as ESRI's format says (file code 9994, big-endian;
version 1000, little-endian) before GDAL sees them, GDAL is told to open them as an ESRI Shapefile only
(geo.read_frame), and rows and columns are counted from the header before a feature is read.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from territorio.imports import safety
from territorio.imports.geo import frame_table, read_frame
from territorio.imports.report import FileRejected, Issue
from territorio.imports.table import Table

PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
MAGIC = ((0, 9994, "big"), (28, 1000, "little"))   # (offset, value, byte order) in a .shp or .shx header
HEADER_BYTES = 100


def check_magic(name: str, data: bytes) -> None:
    """A .shp or .shx member must carry the format's header, or GDAL might read it as some other format."""
    ok = len(data) >= HEADER_BYTES and all(int.from_bytes(data[at:at + 4], order) == value
                                           for at, value, order in MAGIC)
    if not ok:
        raise FileRejected("wrong_format", format="Shapefile", detail=f"'{name}' has no Shapefile header")


def read(data: bytes, name: str, limits) -> Table:
    zf, infos = safety.open_zip(data, limits)
    shps = [i for i in infos if i.filename.lower().endswith(".shp") and "__macosx" not in i.filename.lower()]
    if not shps:
        raise FileRejected("zip_no_shp")
    stem = shps[0].filename[:-4]
    wanted = [i for i in infos if i.filename[:-4] == stem and i.filename[-4:].lower() in PARTS]
    with tempfile.TemporaryDirectory(prefix="territorio-import-") as tmp:
        paths = safety.extract(zf, wanted, Path(tmp))
        for path in paths:
            if path.suffix.lower() in (".shp", ".shx"):
                with path.open("rb") as fh:
                    check_magic(path.name, fh.read(HEADER_BYTES))
        shp = next(p for p in paths if p.suffix.lower() == ".shp")
        tab = frame_table(read_frame(shp, "Shapefile", limits), "shapefile", limits)
    if len(shps) > 1:
        tab.warnings.append(Issue(None, "other_layers", {"layer": shps[0].filename,
                                                         "others": ", ".join(i.filename for i in shps[1:])}))
    return tab
