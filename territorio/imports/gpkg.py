"""GeoPackage: the first layer (others named in a warning)."""

from __future__ import annotations

import io

import pyogrio

from territorio.imports.geo import frame_table, read_frame
from territorio.imports.report import FileRejected, Issue
from territorio.imports.table import Table


def read(data: bytes, name: str, limits) -> Table:
    try:
        layers = [str(layer[0]) for layer in pyogrio.list_layers(io.BytesIO(data))]
    except Exception:
        raise FileRejected("geo_unreadable", format="GeoPackage", detail="not a GeoPackage") from None
    if not layers:
        raise FileRejected("empty")
    tab = frame_table(read_frame(io.BytesIO(data), "GeoPackage", layer=layers[0]), "gpkg")
    if len(layers) > 1:
        tab.warnings.append(Issue(None, "other_layers", {"layer": layers[0], "others": ", ".join(layers[1:])}))
    return tab
