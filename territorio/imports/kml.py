"""KML and KMZ as Google My Maps exports them: one Placemark a row (document order), its name,
description, ExtendedData (Data and SchemaData), TimeStamp / TimeSpan, Point or Polygon.
Parsed with defusedxml (DTDs and entities are refused) one Placemark at a time: each is counted against the
row and vertex caps and dropped once read (a 16 MB KMZ of 1.34 million Placemarks took 198 s and 3.9 GB read
whole)."""

from __future__ import annotations

import shapely
import shapely.geometry
from shapely.geometry import MultiPolygon, Point, Polygon

from territorio.imports import safety
from territorio.imports.columns import generic_mapper
from territorio.imports.report import FileRejected
from territorio.imports.table import Record, Table


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el, name: str):
    return next((c for c in el if _local(c.tag) == name), None)


def _find(el, name: str):
    return next((c for c in el.iter() if _local(c.tag) == name), None)


def _text(el) -> str:
    return (el.text or "").strip() if el is not None else ""


def _coords(text: str) -> list[tuple[float, float]]:
    out = []
    for tup in text.split():
        parts = tup.split(",")
        out.append((float(parts[0]), float(parts[1])))
    return out


def _polygon(el) -> Polygon:
    outer = _find(_child(el, "outerBoundaryIs"), "coordinates")
    inner = [_find(b, "coordinates") for b in el if _local(b.tag) == "innerBoundaryIs"]
    return Polygon(_coords(_text(outer)), [_coords(_text(i)) for i in inner if i is not None])


def _geometry(pm) -> tuple[object | None, str]:
    shapes = []
    try:
        for el in pm.iter():
            if _local(el.tag) == "Point":
                shapes.append(Point(_coords(_text(_find(el, "coordinates")))[0]))
            elif _local(el.tag) == "Polygon":
                shapes.append(_polygon(el))
            elif _local(el.tag) in ("LineString", "Track", "Model"):
                return None, "geometry_unsupported"
    except (ValueError, IndexError, TypeError, AttributeError):
        return None, "geometry_unreadable"
    if not shapes:
        return None, ""
    if len(shapes) == 1:
        return shapes[0], ""
    if all(isinstance(s, Polygon) for s in shapes):
        return MultiPolygon(shapes), ""
    return shapely.geometry.GeometryCollection(shapes), "geometry_unsupported"


def _fields(pm) -> dict[str, str]:
    f = {"name": _text(_child(pm, "name")), "description": _text(_child(pm, "description"))}
    stamp, span = _find(pm, "TimeStamp"), _find(pm, "TimeSpan")
    if stamp is not None:
        f["date"] = _text(_find(stamp, "when"))
    elif span is not None:
        f["date"], f["date_end"] = _text(_find(span, "begin")), _text(_find(span, "end"))
    for el in pm.iter():
        if _local(el.tag) == "Data" and el.get("name"):
            f.setdefault(el.get("name"), _text(_child(el, "value")))
        elif _local(el.tag) == "SimpleData" and el.get("name"):
            f.setdefault(el.get("name"), _text(el))
    if "address" in [_local(c.tag) for c in pm]:
        f.setdefault("address", _text(_child(pm, "address")))
    return f


def _placemarks(data: bytes):
    """Each Placemark element once it is complete, in document order; the root must be <kml>."""
    root = None
    for event, el in safety.iter_xml(data):
        if root is None:
            root = el
            if _local(el.tag) != "kml":
                raise FileRejected("kml_not_kml", tag=_local(el.tag))
        elif event == "end" and _local(el.tag) == "Placemark":
            yield el
            el.clear()


def _vertices(geom) -> int:
    return int(shapely.get_num_coordinates(geom)) if geom is not None else 0


def from_xml(data: bytes, fmt: str, limits: safety.Limits) -> Table:
    records, columns, vertices = [], [], 0
    for n, pm in enumerate(_placemarks(data), start=1):
        safety.check_rows(n, limits)
        fields = _fields(pm)
        geom, problem = _geometry(pm)
        vertices += _vertices(geom)
        safety.check_vertices(vertices, limits)
        columns += [c for c in fields if c not in columns]
        safety.check_columns(len(columns), limits)
        records.append(Record(n, fields, None if problem else geom, problem))
    return Table(fmt, columns, records, has_geometry=True, mapper=generic_mapper(columns))


def read(data: bytes, name: str, limits) -> Table:
    return from_xml(data, "kml", limits)


def read_kmz(data: bytes, name: str, limits) -> Table:
    zf, infos = safety.open_zip(data, limits)
    kmls = sorted((i for i in infos if i.filename.lower().endswith(".kml")),
                  key=lambda i: (i.filename.lower() != "doc.kml", i.filename))
    if not kmls:
        raise FileRejected("kmz_no_kml")
    return from_xml(safety.read_member(zf, kmls[0]), "kmz", limits)
