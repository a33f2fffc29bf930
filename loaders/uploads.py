"""Imports with the catalog's context: Caracas' outline (parishes plus 3 km) to warn about far points, and
the catalog's type keys, kept when a file uses them (our own CSV/GeoJSON exports do).

Every import from the app or the command line goes through territorio.imports.bounded: a child process within
limits of time and memory (options: `limits`, `on_wait`, and those of territorio.imports.read)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from loaders import catalog as catalog_loader
from territorio import imports
from territorio.imports import bounded, validate


@lru_cache(maxsize=1)
def context() -> dict:
    cat = catalog_loader.load()
    return {"study_area": validate.study_area(cat.parishes), "known_types": frozenset(cat.event_types.key)}


def read(data: bytes, name: str, **options) -> imports.ImportResult:
    return bounded.read(data, name, **context(), **options)


def read_path(path: str | Path, **options) -> imports.ImportResult:
    return bounded.read_path(path, **context(), **options)
