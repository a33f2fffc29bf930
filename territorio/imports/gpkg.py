"""GeoPackage: the first feature layer (others named in a warning), read with Python's sqlite3 from the bytes
in memory, never by GDAL.

GDAL picks its driver from a file's content, so a ".gpkg" that was really a VRT (XML naming other files or
URLs) was obeyed. Here a file must carry the SQLite header, is opened as an in-memory copy (no path, no
extension loading, no GDAL SQL functions), and only a plain table registered as 'features' is read: a view
(a recursive one never ends) or a table with computed columns is refused, tiles and attribute tables are never
touched. Rows and columns are counted before a row is read; vertices as geometries are decoded.
"""

from __future__ import annotations

import sqlite3

import shapely

from territorio.imports.columns import generic_mapper
from territorio.imports.geo import reproject
from territorio.imports.report import FileRejected, Issue
from territorio.imports.safety import Limits, check_columns, check_rows, check_vertices
from territorio.imports.table import Record, Table, cell_text

SQLITE_HEADER = b"SQLite format 3\x00"
ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}   # GeoPackage geometry header, flags bits 1-3
GENERATED = (2, 3)                                       # PRAGMA table_xinfo `hidden`: virtual, stored


def _rejected(detail: str) -> FileRejected:
    return FileRejected("geo_unreadable", format="GeoPackage", detail=detail[:200])


def _open(data: bytes) -> sqlite3.Connection:
    """The file as an in-memory database, after checking its header; WAL files are read as rollback ones."""
    if not data.startswith(SQLITE_HEADER):
        raise FileRejected("wrong_format", format="GeoPackage", detail="no SQLite header")
    image = bytearray(data)
    if image[18:20] == b"\x02\x02":          # WAL mode: an in-memory copy cannot use it; same pages
        image[18:20] = b"\x01\x01"
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(bytes(image))
        db.execute("PRAGMA trusted_schema = OFF")   # SQLite's advice for files from strangers
        db.execute("PRAGMA cell_size_check = ON")
        db.execute("PRAGMA query_only = ON")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        db.close()
        raise _rejected(str(exc)) from None
    return db


def _layers(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table name, data type) of every layer gpkg_contents registers, in the order it registered them."""
    try:
        return [(str(name), str(kind)) for name, kind in
                db.execute("SELECT table_name, data_type FROM gpkg_contents ORDER BY rowid")]
    except sqlite3.Error:
        raise _rejected("no gpkg_contents table") from None


def _plain_table_columns(db: sqlite3.Connection, layer: str) -> list[str]:
    """The layer's columns but its integer primary key (the feature id, as GDAL reads it), after checking it is
    a plain table whose cells are stored, not computed: no view, no virtual table, no generated column."""
    found = db.execute("SELECT type, sql FROM sqlite_master WHERE name = ?", (layer,)).fetchone()
    if found is None or found[0] != "table" or str(found[1] or "").upper().startswith("CREATE VIRTUAL"):
        raise FileRejected("gpkg_not_table", layer=layer)
    columns = db.execute("SELECT name, type, pk, hidden FROM pragma_table_xinfo(?)", (layer,)).fetchall()
    if any(hidden in GENERATED for *_, hidden in columns):
        raise FileRejected("gpkg_not_table", layer=layer)
    return [str(name) for name, kind, pk, _ in columns if not (pk and str(kind).upper() == "INTEGER")]


def _geometry_column(db: sqlite3.Connection, layer: str) -> tuple[str, int]:
    found = db.execute("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                       (layer,)).fetchone()
    if found is None:
        raise _rejected(f"layer '{layer}' has no geometry column")
    return str(found[0]), int(found[1])


def _crs(db: sqlite3.Connection, srs_id: int) -> str | None:
    """'EPSG:n' when the file says an EPSG code, else its WKT; None when undefined (ids -1 and 0)."""
    row = db.execute("SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
                     "WHERE srs_id = ?", (srs_id,)).fetchone()
    if row is None or srs_id in (-1, 0):
        return None
    organization, code, definition = row
    if str(organization).upper() == "EPSG" and isinstance(code, int) and code > 0:
        return f"EPSG:{code}"
    definition = str(definition or "").strip()
    return None if definition.lower() in ("", "undefined") else definition


def wkb(blob) -> bytes | None:
    """The WKB inside a GeoPackage geometry blob (None for an empty or missing one)."""
    if blob is None:
        return None
    if not isinstance(blob, bytes) or len(blob) < 8 or blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    if flags & 0b10000:                                   # empty geometry
        return None
    if flags & 0b100000:                                  # extended (non-standard) geometry types
        raise ValueError("extended geometry type")
    envelope = ENVELOPE_BYTES.get((flags >> 1) & 0b111)
    if envelope is None:
        raise ValueError("bad envelope")
    return blob[8 + envelope:]                            # after magic, version, flags, srs id, envelope


def _geometry(blob) -> tuple[object | None, str]:
    try:
        geom = shapely.from_wkb(wkb(blob)) if blob is not None else None
    except (ValueError, shapely.errors.GEOSException, TypeError):
        return None, "geometry_unreadable"
    return (None, "") if geom is None or geom.is_empty else (geom, "")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _records(db: sqlite3.Connection, layer: str, names: list[str], geom_column: str) -> list[Record]:
    query = f"SELECT {', '.join(_quoted(c) for c in [geom_column, *names])} FROM {_quoted(layer)}"
    return [Record(n, {c: cell_text(v) for c, v in zip(names, cells)}, *_geometry(blob))
            for n, (blob, *cells) in enumerate(db.execute(query), start=1)]


def _read_layer(db: sqlite3.Connection, layer: str, limits: Limits) -> Table:
    geom_column, srs_id = _geometry_column(db, layer)
    names = [c for c in _plain_table_columns(db, layer) if c != geom_column]
    check_columns(len(names), limits)
    check_rows(db.execute(f"SELECT count(*) FROM {_quoted(layer)}").fetchone()[0], limits)
    records = _records(db, layer, names, geom_column)   # WKB is no bigger than the file: decoding is bounded
    check_vertices(sum(int(shapely.get_num_coordinates(r.geometry)) for r in records if r.geometry), limits)
    tab = Table("gpkg", names, records, has_geometry=True, mapper=generic_mapper(names))
    reproject(records, _crs(db, srs_id), tab.warnings)
    return tab


def read(data: bytes, name: str, limits: Limits) -> Table:
    db = _open(data)
    try:
        layers = _layers(db)
        features = [layer for layer, kind in layers if kind == "features"]
        if not features:
            raise FileRejected("gpkg_no_features") if layers else FileRejected("empty")
        tab = _read_layer(db, features[0], limits)
    except sqlite3.Error as exc:
        raise _rejected(str(exc)) from None
    finally:
        db.close()
    others = [layer for layer, _ in layers if layer != features[0]]
    if others:
        tab.warnings.append(Issue(None, "other_layers", {"layer": features[0], "others": ", ".join(others)}))
    return tab
