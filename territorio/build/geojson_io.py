"""Deterministic GeoJSON writing: fixed precision, fixed key order, one feature per line.

The committed geodata must be rebuilt byte for byte, so this writer depends on nothing
but the geometry and the properties it is given (no GDAL driver defaults).
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping

import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry


def canonical(geom: BaseGeometry, precision: int) -> BaseGeometry:
    """Round to a grid, put vertices in a canonical order, orient rings as RFC 7946 asks."""
    grid = 10.0 ** -precision
    geom = shapely.set_precision(geom, grid)
    geom = shapely.normalize(geom)
    return shapely.orient_polygons(geom, exterior_cw=False)


def _round_coords(obj: Any, precision: int) -> Any:
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), precision) for v in obj]
        return [_round_coords(o, precision) for o in obj]
    return obj


def feature(properties: Mapping[str, Any], geom: BaseGeometry | None, precision: int) -> dict:
    geometry = None
    if geom is not None:
        g = mapping(geom)
        geometry = {"type": g["type"], "coordinates": _round_coords(g["coordinates"], precision)}
    return {"type": "Feature", "properties": dict(properties), "geometry": geometry}


def dumps(features: Iterable[dict], name: str) -> str:
    """A FeatureCollection as text, one feature per line so diffs stay readable."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    head = '{"type":"FeatureCollection","name":' + json.dumps(name) + ',"features":[\n'
    return head + ",\n".join(lines) + "\n]}\n"
