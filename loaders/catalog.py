"""Read the catalog from the embedded data package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from loaders import geodata
from territorio.catalog import Catalog, typed_incidents


@lru_cache(maxsize=2)
def load(root: str | None = None) -> Catalog:
    """The whole catalog (cached: callers must not mutate it)."""
    r = Path(root) if root else None
    read = lambda name: geodata.read(name, r)  # noqa: E731
    return Catalog(
        parishes=read("parishes"), sectors=read("sectors"), incidents=typed_incidents(read("incidents")),
        timeline=read("timeline"), sources=read("sources"), actors=read("actors"),
        event_types=read("event_types"), designations=read("designations"), periods=read("designation_periods"),
        claims=read("control_claims"), population=read("facts_parish_population"),
        version=geodata.data_version(r),
    )
