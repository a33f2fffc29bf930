"""GeoJSON: a FeatureCollection or a single Feature, read feature by feature so a broken geometry
rejects its row, not the file. A legacy "crs" member (e.g. EPSG:2202) is honoured."""

from __future__ import annotations

import json
import re

import shapely
import shapely.geometry

from territorio.imports.columns import generic_mapper
from territorio.imports.csv import decode
from territorio.imports.geo import reproject
from territorio.imports.report import FileRejected
from territorio.imports.safety import Limits, check_columns, check_rows, check_vertices
from territorio.imports.table import Record, Table, cell_text


def _features(doc) -> list:
    kind = doc.get("type") if isinstance(doc, dict) else None
    if kind == "FeatureCollection" and isinstance(doc.get("features"), list):
        return doc["features"]
    if kind == "Feature":
        return [doc]
    raise FileRejected("geojson_not_features", kind=str(kind))


def _crs(doc) -> str:
    """The legacy "crs" member's EPSG code; WGS84 when absent or CRS84 (RFC 7946)."""
    name = str(((doc.get("crs") or {}).get("properties") or {}).get("name", ""))
    m = re.search(r"EPSG:+(\d+)", name, re.IGNORECASE)
    return f"EPSG:{m[1]}" if m else "EPSG:4326"


def _geometry(feature) -> tuple[object | None, str]:
    raw = feature.get("geometry") if isinstance(feature, dict) else None
    if raw is None:
        return None, ""
    try:
        geom = shapely.geometry.shape(raw)
    except Exception:  # shapely raises GeometryTypeError, ValueError, KeyError, TypeError on bad input
        return None, "geometry_unreadable"
    return (None, "") if geom.is_empty else (geom, "")


def _properties(feature) -> dict[str, str]:
    props = feature.get("properties") if isinstance(feature, dict) else None
    out = {k: cell_text(v) for k, v in (props or {}).items()} if isinstance(props, dict) else {}
    if isinstance(feature, dict) and "id" in feature and "id" not in out:
        out["id"] = cell_text(feature["id"])
    return out


def read(data: bytes, name: str, limits: Limits) -> Table:
    try:
        doc = json.loads(decode(data))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise FileRejected("json_unreadable", detail=str(exc)) from None
    features = _features(doc)
    check_rows(len(features), limits)
    records, columns, vertices = [], [], 0
    for n, feature in enumerate(features, start=1):
        geom, problem = _geometry(feature)
        vertices += int(shapely.get_num_coordinates(geom)) if geom is not None else 0
        check_vertices(vertices, limits)
        fields = _properties(feature)
        columns += [c for c in fields if c not in columns]
        check_columns(len(columns), limits)
        records.append(Record(n, fields, geom, problem))
    tab = Table("geojson", columns, records, has_geometry=True, mapper=generic_mapper(columns))
    reproject(records, _crs(doc), tab.warnings)
    return tab
