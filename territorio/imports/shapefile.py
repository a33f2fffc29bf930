"""Zipped Shapefile: members checked, extracted flat into a temporary folder, reprojected from its .prj."""

from __future__ import annotations

import tempfile
from pathlib import Path

from territorio.imports import safety
from territorio.imports.geo import frame_table, read_frame
from territorio.imports.report import FileRejected, Issue
from territorio.imports.table import Table

PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")


def read(data: bytes, name: str, limits) -> Table:
    zf, infos = safety.open_zip(data, limits)
    shps = [i for i in infos if i.filename.lower().endswith(".shp") and "__macosx" not in i.filename.lower()]
    if not shps:
        raise FileRejected("zip_no_shp")
    stem = shps[0].filename[:-4]
    wanted = [i for i in infos if i.filename[:-4] == stem and i.filename[-4:].lower() in PARTS]
    with tempfile.TemporaryDirectory(prefix="territorio-import-") as tmp:
        paths = safety.extract(zf, wanted, Path(tmp))
        shp = next(p for p in paths if p.suffix.lower() == ".shp")
        tab = frame_table(read_frame(shp, "Shapefile"), "shapefile")
    if len(shps) > 1:
        tab.warnings.append(Issue(None, "other_layers", {"layer": shps[0].filename,
                                                         "others": ", ".join(i.filename for i in shps[1:])}))
    return tab
