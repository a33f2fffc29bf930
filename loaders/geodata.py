"""Read the embedded data package: each resource as a (Geo)DataFrame, checked against its descriptor."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from territorio.catalog import datapackage
from territorio.paths import geodata_dir


class DataPackageError(ValueError):
    """A data package file is missing, unreadable or does not match its descriptor.

    `file` is its name inside the data package and `missing` says which of the two it is: all a visitor
    is told (ui/errors.py). str() adds where the package is and what went wrong, for the CLI and the log."""

    def __init__(self, file: str, problem: str, root: Path | str | None = None, missing: bool = False):
        self.file, self.problem, self.missing = file, problem, missing
        super().__init__(f"{Path(root) / file if root else file}: {problem}")


DESCRIPTOR = "datapackage.json"


@lru_cache(maxsize=4)
def _descriptor_at(root: str) -> dict[str, Any]:
    path = Path(root) / DESCRIPTOR
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataPackageError(DESCRIPTOR, "missing", root, missing=True) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataPackageError(DESCRIPTOR, f"not valid JSON ({exc})", root) from exc


def descriptor(root: Path | None = None) -> dict[str, Any]:
    return _descriptor_at(str(root or geodata_dir()))


def resource_spec(name: str, root: Path | None = None) -> dict[str, Any]:
    for res in descriptor(root)["resources"]:
        if res["name"] == name:
            return res
    raise DataPackageError(DESCRIPTOR, f"no resource named {name!r}", root)


def data_version(root: Path | None = None) -> str:
    return descriptor(root)["version"]


_READERS = {
    "geojson": lambda path: gpd.read_file(path, engine="pyogrio"),
    "csv": lambda path: pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8"),
}


def _read(spec: dict[str, Any], root: Path) -> pd.DataFrame:
    path = root / spec["path"]
    if not path.exists():
        raise DataPackageError(spec["path"], f"missing (resource {spec['name']!r})", root, missing=True)
    reader = _READERS.get(spec["format"])
    if reader is None:
        raise DataPackageError(DESCRIPTOR, f"resource {spec['name']!r}: unknown format {spec['format']!r}", root)
    try:
        return reader(path)
    except Exception as exc:   # any library's error on a damaged file: named after the file, not the library
        raise DataPackageError(spec["path"], f"not readable as {spec['format']} ({type(exc).__name__})",
                               root) from exc


@lru_cache(maxsize=32)
def _read_cached(name: str, root: str) -> pd.DataFrame:
    return _read(resource_spec(name, Path(root)), Path(root))


def read(name: str, root: Path | None = None) -> pd.DataFrame:
    """A resource by name. Cached: callers must not mutate the frame they get."""
    return _read_cached(name, str(root or geodata_dir()))


# --- checking a resource against its descriptor -------------------------------------------------

_PY_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool}


def _present(value: Any) -> bool:
    return not (value is None or value == "" or (isinstance(value, float) and pd.isna(value)))


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _check_value(res: str, row: int, fdef: dict, value: Any) -> list[str]:
    name, cons = fdef["name"], fdef.get("constraints", {})
    where = f"{res} row {row}: {name}"
    if not _present(value):
        return [f"{where} is required but empty"] if cons.get("required") else []
    problems = []
    if "enum" in cons and value not in cons["enum"]:
        problems.append(f"{where} {value!r} is not one of {cons['enum']}")
    if "pattern" in cons and not re.fullmatch(cons["pattern"], str(value)):
        problems.append(f"{where} {value!r} does not match {cons['pattern']}")
    number = _number(value)
    if "minimum" in cons and number is not None and number < cons["minimum"]:
        problems.append(f"{where} {value!r} is below {cons['minimum']}")
    if "maximum" in cons and number is not None and number > cons["maximum"]:
        problems.append(f"{where} {value!r} is above {cons['maximum']}")
    return problems


_TEXT_TYPES = {"integer": r"-?[0-9]+", "number": r"-?[0-9]+(\.[0-9]+)?", "boolean": r"true|false"}


def _has_type(value: Any, type_: str, fmt: str) -> bool:
    if fmt == "geojson":
        expected = _PY_TYPES.get(type_)
        if expected is None or type_ == "boolean":
            return expected is None or isinstance(value, bool)
        return isinstance(value, expected) and not isinstance(value, bool)
    pattern = _TEXT_TYPES.get(type_)
    return pattern is None or re.fullmatch(pattern, str(value)) is not None


def _raw_rows(spec: dict, root: Path) -> list[dict]:
    """Rows as the file stores them (GeoJSON properties keep their JSON types)."""
    path = root / spec["path"]
    if spec["format"] == "geojson":
        return [f["properties"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]]
    return _read(spec, root).to_dict("records")


def check_resource(name: str, root: Path | None = None) -> list[str]:
    """Every way the resource's file disagrees with its descriptor (empty list: it matches)."""
    root = Path(root or geodata_dir())
    spec = resource_spec(name, root)
    path = root / spec["path"]
    if not path.exists():
        return [f"{path}: missing"]
    problems = []
    data = path.read_bytes()
    if "hash" in spec and datapackage.sha256(data) != spec["hash"]:
        problems.append(f"{spec['path']}: content hash differs from datapackage.json (rebuild the data)")
    if "schema" not in spec:
        return problems
    rows = _raw_rows(spec, root)
    fields = spec["schema"]["fields"]
    declared = [f["name"] for f in fields]
    actual = list(rows[0].keys()) if rows else declared
    if actual != declared:
        problems.append(f"{spec['path']}: fields {actual} differ from the descriptor's {declared}")
    if "rows" in spec and len(rows) != spec["rows"]:
        problems.append(f"{spec['path']}: {len(rows)} rows, descriptor says {spec['rows']}")
    for fdef in fields:
        seen: dict[Any, int] = {}
        unique = fdef.get("constraints", {}).get("unique")
        for i, row in enumerate(rows, start=1):
            value = row.get(fdef["name"])
            problems.extend(_check_value(spec["path"], i, fdef, value))
            if _present(value) and not _has_type(value, fdef["type"], spec["format"]):
                problems.append(f"{spec['path']} row {i}: {fdef['name']} {value!r} is not {fdef['type']}")
            if unique and _present(value):
                if value in seen:
                    problems.append(f"{spec['path']} row {i}: {fdef['name']} {value!r} repeats row {seen[value]}")
                seen.setdefault(value, i)
    if spec.get("geometryType"):
        frame = _read(spec, root)
        bad = sorted(set(frame.geom_type.dropna()) - {spec["geometryType"]})
        if bad:
            problems.append(f"{spec['path']}: geometry types {bad}, descriptor says {spec['geometryType']}")
        if frame.crs is None or frame.crs.to_string() != spec["crs"]:
            problems.append(f"{spec['path']}: CRS {frame.crs}, descriptor says {spec['crs']}")
    return problems
