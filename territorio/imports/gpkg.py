"""GeoPackage: the first layer (others named in a warning), read from a copy in a temporary folder."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pyogrio

from territorio.imports.geo import frame_table, read_frame
from territorio.imports.report import FileRejected, Issue
from territorio.imports.table import Table


def _layers(path: Path) -> list[str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # GDAL's notes on odd files; we say what matters
            return [str(layer[0]) for layer in pyogrio.list_layers(path)]
    except Exception:  # pyogrio's DataSourceError and friends: not a GeoPackage
        raise FileRejected("geo_unreadable", format="GeoPackage", detail="not a GeoPackage") from None


def read(data: bytes, name: str, limits) -> Table:
    with tempfile.TemporaryDirectory(prefix="territorio-import-") as tmp:
        path = Path(tmp) / "upload.gpkg"
        path.write_bytes(data)
        layers = _layers(path)
        if not layers:
            raise FileRejected("empty")
        tab = frame_table(read_frame(path, "GeoPackage", layer=layers[0]), "gpkg")
    if len(layers) > 1:
        tab.warnings.append(Issue(None, "other_layers", {"layer": layers[0], "others": ", ".join(layers[1:])}))
    return tab
