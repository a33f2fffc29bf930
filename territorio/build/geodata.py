"""Rebuild every derived file in geodata/ and its descriptor, deterministically.

    parishes.geojson, municipalities.geojson  <- ../shared/data (kept as committed when it is absent)
    incidents.csv, timeline.csv, sources.csv  <- sources/events.csv + catalog/event_review.csv, event_types.csv
    sectors.geojson                           <- catalog/sectors.csv + sources/places.csv + parishes
    datapackage.json                          <- territorio.catalog.datapackage + every file's size and hash

`refresh_facts` copies ../shared/facts into geodata/sources unchanged (a separate, explicit step, so a
correction made in geodata/sources is never overwritten by a build).
"""

from __future__ import annotations

import io
from pathlib import Path

import geopandas as gpd

from territorio.build import catalog as catalog_build
from territorio.build import parishes as parish_build
from territorio.catalog import datapackage


def _parish_files(shared: Path, geodata: Path) -> dict[str, str]:
    if (shared / "data").exists():
        return parish_build.build(shared)
    return {name: (geodata / name).read_text(encoding="utf-8")
            for name in ("parishes.geojson", "municipalities.geojson")}


def derived_files(shared: Path, geodata: Path) -> dict[str, str]:
    """Every derived file, by its path inside geodata/, as text."""
    files = _parish_files(shared, geodata)
    parishes = gpd.read_file(io.StringIO(files["parishes.geojson"]))
    files.update(catalog_build.events(geodata / "sources", geodata / "catalog"))
    files["sectors.geojson"] = catalog_build.sectors(geodata / "sources", geodata / "catalog", parishes,
                                                     parish_build.PRECISION)
    return files


def _with_descriptor(files: dict[str, str], geodata: Path) -> dict[str, str]:
    contents = {}
    for spec in datapackage.RESOURCES:
        path = spec["path"]
        text = files.get(path)
        contents[path] = text.encode("utf-8") if text is not None else (geodata / path).read_bytes()
    return {**files, "datapackage.json": datapackage.dumps(datapackage.descriptor(contents))}


def build_all(shared: Path, geodata: Path) -> list[str]:
    """Write every derived file; return the paths written."""
    files = _with_descriptor(derived_files(shared, geodata), geodata)
    for rel, text in files.items():
        target = geodata / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    return sorted(files)


def check(shared: Path, geodata: Path) -> list[str]:
    """Paths whose committed content differs from a fresh build (empty when all match)."""
    files = _with_descriptor(derived_files(shared, geodata), geodata)
    return [rel for rel, text in sorted(files.items())
            if not (geodata / rel).exists() or (geodata / rel).read_bytes() != text.encode("utf-8")]


def stale_facts(shared: Path, geodata: Path) -> list[str]:
    """Facts files in geodata/sources that differ from ../shared/facts."""
    return [name for name, data in catalog_build.copy_facts(shared).items()
            if not (geodata / "sources" / name).exists() or (geodata / "sources" / name).read_bytes() != data]


def refresh_facts(shared: Path, geodata: Path) -> list[str]:
    written = []
    for name, data in catalog_build.copy_facts(shared).items():
        target = geodata / "sources" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(f"sources/{name}")
    return written
