"""Bring your own data: read a file people bring (CSV, ACLED, GeoJSON, GeoPackage, zipped Shapefile,
KML/KMZ, GeoParquet) into incidents or areas, every row loaded or rejected with a reason.

    result = imports.read(data, "newsroom.csv", study_area=..., known_types=...)
    result.incidents   # the catalog's incident columns + dataset + row: join.join and filters.apply work on it
    result.to_json()   # the report: rows in = rows loaded + rows rejected

A file that cannot be read at all raises FileRejected (one message, in English or Spanish).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from territorio.imports import detect, validate
from territorio.imports.report import FORMATS, KINDS, FileRejected, ImportResult, Issue, error_json
from territorio.imports.safety import Limits, check_size

__all__ = ["read", "read_path", "dataset_name", "own_types", "map_types", "ImportResult", "FileRejected", "Issue",
           "Limits", "FORMATS", "KINDS", "error_json"]


def dataset_name(file: str) -> str:
    """A short id from the file name: 'Mis datos (2019).csv' -> 'mis-datos-2019'."""
    from territorio.i18n.text import fold

    return re.sub(r"\s+", "-", fold(PurePath(file).stem)) or "upload"


def own_types(incidents, known_types) -> dict[str, int]:
    """The file's own types (not catalog keys) and how many rows hold each, most first: what a person may map."""
    own = incidents.loc[~incidents["type"].isin(set(known_types)), "type_original"]
    counts = own[own != ""].value_counts()
    return {str(k): int(n) for k, n in counts.items()}


def map_types(incidents, mapping: dict[str, str], known_types):
    """The incidents with the file's types the person mapped onto catalog types (only those, only onto known
    keys); every other row keeps its own type."""
    wanted = {own: key for own, key in mapping.items() if key in set(known_types)}
    if not wanted:
        return incidents
    hit = incidents["type_original"].map(wanted)
    return incidents.assign(type=hit.where(hit.notna(), incidents["type"]).astype(str))


def _read(data: bytes, name: str, kind: str | None, ctx_options: dict, limits: Limits) -> ImportResult:
    """Detect, read, validate: the three steps of an import."""
    fmt = detect.detect(name, data)
    table = detect.READERS[fmt](data, name, limits)
    kind = kind or validate.guess_kind(table)
    ctx = validate.Context(**ctx_options)
    frame, rejected, warnings = (validate.incidents if kind == "incidents" else validate.areas)(table, ctx)
    result = ImportResult(name, table.format, kind, ctx.dataset, len(table.records), rejected, warnings,
                          dating=ctx.dating)
    setattr(result, kind, frame)
    return result


def read(data: bytes, name: str, *, kind: str | None = None, fix_swapped: bool = False, dataset: str = "",
         study_area=None, known_types=frozenset(), limits: Limits = Limits(), undated: bool = False,
         file_date: str = "", type_map: dict[str, str] | None = None) -> ImportResult:
    """Read, validate and normalise one file's bytes. `name` gives the extension and the report's file.
    A file with no date column loads `undated`, or with `file_date` for every row; `type_map` maps the
    file's own types onto catalog types (only those the person listed)."""
    name = PurePath(name).name
    check_size(len(data), limits)
    if not data.strip():
        raise FileRejected("empty")
    if kind is not None and kind not in KINDS:
        raise FileRejected("bad_kind", kind=kind)
    ctx_options = {"dataset": dataset or dataset_name(name), "study_area": study_area,
                   "known_types": frozenset(known_types), "fix_swapped": fix_swapped, "undated": undated,
                   "file_date": file_date, "type_map": tuple(sorted((type_map or {}).items()))}
    try:
        result = _read(data, name, kind, ctx_options, limits)
    except (FileRejected, MemoryError):   # MemoryError: the bounded import says which limit was met
        raise
    except Exception as exc:  # the import boundary: whatever a hostile file breaks becomes one message
        raise FileRejected("unreadable", format=PurePath(name).suffix or "?",
                           detail=f"{type(exc).__name__}: {str(exc)[:200]}") from None
    if result.rows_total != result.rows_loaded + result.rows_rejected:
        raise RuntimeError(f"{name}: {result.rows_total} rows in, {result.rows_loaded} loaded, "
                           f"{result.rows_rejected} rejected: a row was lost")
    return result


def read_path(path: str | Path, limits: Limits = Limits(), **options) -> ImportResult:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        raise FileRejected("not_found", path=str(path)) from None
    check_size(size, limits)
    if path.is_dir():
        raise FileRejected("not_found", path=str(path))
    return read(path.read_bytes(), path.name, limits=limits, **options)
