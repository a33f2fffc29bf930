"""Build the parish and municipality layers of metropolitan Caracas from the OCHA COD-AB files.

Inputs (only in a development checkout, under ../shared/data/cod-ab-parroquias):
the coarse Distrito Capital file (22 Libertador parishes) and the Miranda extract (10 parishes);
they share borders vertex for vertex. The detailed Libertador file does not fit them and is not used.
Municipal outlines are these parishes dissolved by municipality, so the two layers always agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import shapely

from territorio.build import geojson_io

PRECISION = 6  # decimal degrees, about 0.1 m: far below the generalisation of the source

SOURCE_FILES = (
    "cod-ab-parroquias/parroquias_distrito_capital.geojson",
    "cod-ab-parroquias/parroquias_caracas_miranda_extract.geojson",
)

# HDX spellings -> the names Caraqueños use (accents restored, known misspellings fixed).
NAME_FIXES = {
    "Antimano": "Antímano",
    "Candelaria": "La Candelaria",
    "San Bernandino": "San Bernardino",
    "Caucaguita": "Caucagüita",
    "Filas de Mariches": "Filas de Mariche",
}

EXPECTED_PARISHES = 32


class SourceDataError(ValueError):
    """The reference files are not what the build expects."""


def _read_features(shared: Path) -> list[dict]:
    features = []
    for rel in SOURCE_FILES:
        path = shared / "data" / rel
        if not path.exists():
            raise SourceDataError(f"{path}: missing (the parish build needs ../shared/data)")
        features.extend(json.loads(path.read_text(encoding="utf-8"))["features"])
    return features


def _parish_record(src: dict) -> tuple[dict, shapely.Geometry]:
    p = src["properties"]
    name = NAME_FIXES.get(p["parroquia"], p["parroquia"])
    props = {
        "pcode": p["pcode"],
        "name": name,
        "name_hdx": p["parroquia"],
        "municipality": p["municipio"],
        "municipality_pcode": p["municipio_pcode"],
        "state": p["estado"],
        "label_lat": round(float(p["center_lat"]), 5),
        "label_lon": round(float(p["center_lon"]), 5),
    }
    geom = shapely.geometry.shape(src["geometry"])
    if not geom.is_valid:
        raise SourceDataError(f"parish {p['pcode']} ({name}): invalid polygon in the source")
    return props, geojson_io.canonical(geom, PRECISION)


def parishes(shared: Path) -> list[tuple[dict, shapely.Geometry]]:
    """The 32 parishes, sorted by pcode."""
    records = sorted((_parish_record(f) for f in _read_features(shared)), key=lambda r: r[0]["pcode"])
    if len(records) != EXPECTED_PARISHES:
        raise SourceDataError(f"expected {EXPECTED_PARISHES} parishes, found {len(records)}")
    return records


def municipalities(parish_records: list[tuple[dict, shapely.Geometry]]) -> list[tuple[dict, shapely.Geometry]]:
    """Parishes dissolved by municipality (their shared borders vanish; outer borders stay)."""
    groups: dict[str, list] = {}
    names: dict[str, dict] = {}
    for props, geom in parish_records:
        code = props["municipality_pcode"]
        groups.setdefault(code, []).append(geom)
        names[code] = {"municipality_pcode": code, "name": props["municipality"], "state": props["state"]}
    out = []
    for code in sorted(groups):
        merged = shapely.union_all(groups[code], grid_size=10.0 ** -PRECISION)
        props = dict(names[code], parishes=len(groups[code]))
        out.append((props, geojson_io.canonical(merged, PRECISION)))
    return out


def render(records: list[tuple[dict, shapely.Geometry]], name: str) -> str:
    return geojson_io.dumps((geojson_io.feature(p, g, PRECISION) for p, g in records), name)


def build(shared: Path) -> dict[str, str]:
    """File name -> text, for the two layers."""
    parish_records = parishes(shared)
    return {
        "parishes.geojson": render(parish_records, "parishes"),
        "municipalities.geojson": render(municipalities(parish_records), "municipalities"),
    }
