"""Read the catalog from the embedded data package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders import geodata
from territorio import settings
from territorio.catalog.model import Catalog, typed_incidents
from territorio.paths import geodata_dir


def load(root: str | None = None) -> Catalog:
    """The whole catalog of the data package at `root` (default: the TERRITORIO_GEODATA setting), read once
    per package (cached: callers must not mutate it)."""
    return _load(str(Path(root) if root else geodata_dir()))


@lru_cache(maxsize=2)
def _load(root: str) -> Catalog:
    r = Path(root)
    read = lambda name: geodata.read(name, r)  # noqa: E731
    return Catalog(
        parishes=read("parishes"), sectors=read("sectors"), incidents=_typed_incidents(read("incidents"), r),
        timeline=read("timeline"), sources=read("sources"), actors=read("actors"),
        event_types=read("event_types"), designations=read("designations"), periods=read("designation_periods"),
        claims=read("control_claims"), population=read("facts_parish_population"),
        version=geodata.data_version(r),
    )


def _typed_incidents(raw: pd.DataFrame, root: Path | None) -> pd.DataFrame:
    """The incidents with their types; a file whose values do not convert is named like an unreadable one."""
    try:
        return typed_incidents(raw)
    except (KeyError, ValueError, TypeError) as exc:
        file = geodata.resource_spec("incidents", root)["path"]
        raise geodata.DataPackageError(file, f"values do not match the descriptor ({type(exc).__name__}: {exc})",
                                       root or geodata_dir()) from exc


def synthetic_setting() -> tuple[int, int] | None:
    """(n, seed) when the server runs on synthetic incidents (TERRITORIO_SYNTHETIC), else None."""
    raw = settings.SYNTHETIC.raw()
    if not raw:
        return None
    n, _, seed = raw.partition(":")
    return int(n), int(seed or 0)


def joined(synthetic: tuple[int, int] | None = None) -> pd.DataFrame:
    """The catalog's incidents joined to parishes, sectors, peace zones and control; or `synthetic`
    (n, seed) generated incidents instead (benchmarks only). Once per data package and choice (cached:
    callers must not mutate it)."""
    return _joined(str(geodata_dir()), synthetic)


@lru_cache(maxsize=2)
def _joined(root: str, synthetic: tuple[int, int] | None) -> pd.DataFrame:
    from territorio.catalog import join
    from territorio.catalog import synthetic as synth

    cat = load(root)
    return join.join(cat, incidents=synth.incidents(cat, *synthetic) if synthetic else None)
