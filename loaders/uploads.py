"""Imports with the catalog's context: Caracas' outline (parishes plus 3 km) to warn about far points, and
the catalog's type keys, kept when a file uses them (our own CSV/GeoJSON exports do)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from loaders import catalog as catalog_loader
from territorio import imports
from territorio.imports import validate


@lru_cache(maxsize=1)
def _context() -> dict:
    cat = catalog_loader.load()
    return {"study_area": validate.study_area(cat.parishes), "known_types": frozenset(cat.event_types.key)}


def read(data: bytes, name: str, **options) -> imports.ImportResult:
    return imports.read(data, name, **_context(), **options)


def read_path(path: str | Path, **options) -> imports.ImportResult:
    return imports.read_path(path, **_context(), **options)
