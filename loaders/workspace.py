"""The workspace: datasets people chose to keep, in a folder (TERRITORIO_WORKSPACE) that outlives the server.

    workspace/<id>/incidents.parquet   GeoParquet of the normalised incidents (the importer's columns)
    workspace/<id>/meta.json           territorio.selection.dataset.DatasetInfo: name, file, SHA-256, licence, ...
    workspace/<id>/report.json         the import report (rows in = loaded + rejected, each with its reason)

Ids are made here (a slug of the name and a short hash), never taken from what a visitor sends: reading an id
checks it against the listing first. A dataset is written whole into a temporary folder of its own, then renamed
into place (os.replace, atomic on one file system); a rename of its name writes meta.json the same way. Two
sessions saving at once write two distinct folders, so neither can see half of the other's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import uuid
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow.parquet as pq

from loaders import catalog as catalog_loader
from territorio.i18n import t
from territorio.i18n.text import fold
from territorio.imports import ImportResult
from territorio.outputs import provenance
from territorio.paths import workspace_dir
from territorio.selection import dataset as ds
from territorio.selection.dataset import DatasetChoice, DatasetInfo

INCIDENTS, META, REPORT = "incidents.parquet", "meta.json", "report.json"
TEMP_PREFIX = ".tmp-"


class DatasetNotFound(LookupError):
    """An id or name that names no kept dataset, said with the ones that exist."""


def root() -> Path:
    return workspace_dir()


# --- writing ---------------------------------------------------------------------------------------------

def new_id(name: str, sha256: str) -> str:
    """'Homicidios 2023' -> 'homicidios-2023-1a2b3c4d': a readable slug and 8 hex digits unique to this save."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:32].strip("-") or "dataset"
    salt = f"{sha256}:{dt.datetime.now(dt.timezone.utc).isoformat()}:{uuid.uuid4().hex}"
    return f"{slug}-{hashlib.sha256(salt.encode()).hexdigest()[:8]}"


def _write_json(path: Path, value: dict) -> None:
    """JSON to `path` through a unique temporary name in the same folder, then renamed over it."""
    tmp = path.with_name(f"{TEMP_PREFIX}{uuid.uuid4().hex}-{path.name}")
    tmp.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _geoparquet(incidents: pd.DataFrame, path: Path) -> None:
    mapped = incidents["lat"].notna() & incidents["lon"].notna()
    points = gpd.points_from_xy(incidents["lon"].where(mapped, 0), incidents["lat"].where(mapped, 0))
    geometry = gpd.GeoSeries(points, index=incidents.index, crs="EPSG:4326").where(mapped.to_numpy(), None)
    gpd.GeoDataFrame(incidents, geometry=geometry, crs="EPSG:4326").to_parquet(path, index=False)


def keep(result: ImportResult, *, name: str, sha256: str, licence: str = "", dates: str = "as given",
         base: Path | None = None) -> DatasetInfo:
    """Write an imported file's incidents to the workspace; the new dataset's description."""
    if result.kind != "incidents" or result.incidents is None:
        raise ValueError(f"{result.file}: only incidents can be kept as a dataset (this file holds {result.kind})")
    base = base or root()
    base.mkdir(parents=True, exist_ok=True)
    name = " ".join(str(name or "").split())[:120] or result.dataset
    info = DatasetInfo(id=new_id(name, sha256), name=name, file=result.file, sha256=sha256,
                       imported_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                       licence=" ".join(str(licence or "").split())[:200] or ds.UNKNOWN_LICENCE, kind=result.kind,
                       rows_total=result.rows_total, rows_loaded=result.rows_loaded,
                       rows_rejected=result.rows_rejected, dates=dates)
    tmp = base / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
    tmp.mkdir()
    try:
        _geoparquet(result.incidents.assign(dataset=info.id), tmp / INCIDENTS)
        (tmp / REPORT).write_text(result.to_json(), encoding="utf-8")
        (tmp / META).write_text(json.dumps(info.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, base / info.id)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return info


def rename(dataset_id: str, name: str, base: Path | None = None) -> DatasetInfo:
    info = get(dataset_id, base)
    name = " ".join(str(name or "").split())[:120] or info.name
    renamed = DatasetInfo.from_dict({**info.to_dict(), "name": name})
    _write_json((base or root()) / info.id / META, renamed.to_dict())
    return renamed


def delete(dataset_id: str, base: Path | None = None) -> DatasetInfo:
    """Move the dataset out of the listing at once (a rename), then remove its files."""
    info = get(dataset_id, base)
    base = base or root()
    gone = base / f"{TEMP_PREFIX}deleted-{uuid.uuid4().hex}"
    os.replace(base / info.id, gone)
    shutil.rmtree(gone, ignore_errors=True)
    return info


# --- reading ---------------------------------------------------------------------------------------------

def listing(base: Path | None = None) -> list[DatasetInfo]:
    """Every kept dataset, newest first; folders that are not whole datasets are left out."""
    base = base or root()
    if not base.is_dir():
        return []
    out = []
    for folder in base.iterdir():
        if not ds.valid_id(folder.name) or not (folder / META).is_file() or not (folder / INCIDENTS).is_file():
            continue
        try:
            out.append(DatasetInfo.from_dict(json.loads((folder / META).read_text(encoding="utf-8"))))
        except (OSError, ValueError, TypeError):
            continue
    return sorted(out, key=lambda i: (i.imported_at, i.id), reverse=True)


def get(dataset_id: str, base: Path | None = None) -> DatasetInfo:
    """The dataset with this id (checked against the listing: a visitor's text never names a file)."""
    for info in listing(base):
        if info.id == dataset_id:
            return info
    raise DatasetNotFound(_not_found(dataset_id, base))


def find(text: str, base: Path | None = None) -> DatasetInfo:
    """A dataset by its id or by its name (any case, with or without accents), for the command line."""
    kept = listing(base)
    hits = [i for i in kept if i.id == text] or [i for i in kept if fold(i.name) == fold(text)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise DatasetNotFound(f"{len(hits)} kept datasets are named {text!r}; use an id: "
                              + ", ".join(i.id for i in hits))
    raise DatasetNotFound(_not_found(text, base))


def _not_found(text: str, base: Path | None) -> str:
    kept = listing(base)
    known = ", ".join(f"{i.id} ({i.name})" for i in kept[:20]) or "none yet (`territorio import FILE` keeps one)"
    return f"no kept dataset {str(text)[:80]!r} in the workspace (kept: {known})"


def report(dataset_id: str, base: Path | None = None) -> str:
    info = get(dataset_id, base)
    return ((base or root()) / info.id / REPORT).read_text(encoding="utf-8")


def incidents(dataset_id: str, base: Path | None = None) -> pd.DataFrame:
    """A kept dataset's incidents with its provenance on each row (cached per file version: read-only)."""
    info = get(dataset_id, base)
    path = (base or root()) / info.id / INCIDENTS
    return _incidents(str(path), path.stat().st_mtime_ns, info)


@lru_cache(maxsize=4)
def _incidents(path: str, _mtime: int, info: DatasetInfo) -> pd.DataFrame:
    """The GeoParquet's columns without its geometry (lat and lon are columns too): pyarrow reads 100,000 rows
    in a few tens of milliseconds, where decoding the points would add as much again for nothing."""
    columns = [c for c in pq.read_schema(path).names if c != "geometry"]
    frame = pq.read_table(path, columns=columns).to_pandas()
    return ds.stamp(frame, info)


def joined(choice: DatasetChoice, base: Path | None = None) -> pd.DataFrame:
    """The incidents a choice names, joined to parishes, sectors, peace zones and control (cached: read-only).
    Raises DatasetNotFound for an id the workspace does not hold."""
    if choice.is_catalog:
        return catalog_loader.joined(catalog_loader.synthetic_setting())
    info = get(choice.dataset_id, base)
    path = (base or root()) / info.id / INCIDENTS
    return _joined(str(path), path.stat().st_mtime_ns, info, choice.with_catalog)


@lru_cache(maxsize=4)
def _joined(path: str, mtime: int, info: DatasetInfo, with_catalog: bool) -> pd.DataFrame:
    from territorio.catalog import join

    cat = catalog_loader.load()
    own = join.join(cat, incidents=_incidents(path, mtime, info))
    return ds.combine(stamped_catalog() if with_catalog else None, own)


def clear_caches() -> None:
    """Forget every dataset read and joined (the benchmark times a cold read)."""
    _incidents.cache_clear()
    _joined.cache_clear()


def stamped_catalog(lang: str = "en") -> pd.DataFrame:
    """The catalog's joined incidents with the catalog's own provenance on each row."""
    cat = catalog_loader.load()
    return ds.stamp_catalog(catalog_loader.joined(), t("dataset_catalog", lang), provenance.licence(lang),
                            cat.version)
