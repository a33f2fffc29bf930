"""Which incidents a page works on: the catalog (the default), a dataset kept in the workspace, or a kept
dataset together with the catalog. Peace zones, sectors and control claims always come from the catalog.

A DatasetChoice is a frozen value: pages read it from the address (`selection.urlstate.dataset_state`), the
command line from `--data ID --with-catalog`; loaders.workspace turns it into joined incidents. A DatasetInfo
is what the workspace knows of a kept dataset; `stamp` writes it on each of its rows (dataset, dataset_name,
licence, imported_at), so an export names every row's own origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

CATALOG = "catalog"                       # the `dataset` value of the catalog's own rows
UNKNOWN_LICENCE = "unknown"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}-[0-9a-f]{8}$")   # a slug and a short hash, never a path
ROW_COLUMNS = ["dataset", "dataset_name", "licence", "imported_at"]


@dataclass(frozen=True)
class DatasetChoice:
    dataset_id: str | None = None     # None: the catalog alone
    with_catalog: bool = False        # with a dataset: the catalog's incidents too

    @property
    def is_catalog(self) -> bool:
        return self.dataset_id is None

    def key(self) -> str:
        """A short text for file names and cache keys: 'catalog', 'ID' or 'ID+catalog'."""
        if self.dataset_id is None:
            return CATALOG
        return f"{self.dataset_id}+{CATALOG}" if self.with_catalog else self.dataset_id


CATALOG_ONLY = DatasetChoice()


@dataclass(frozen=True)
class DatasetInfo:
    """A kept dataset as the workspace describes it (its meta.json)."""
    id: str
    name: str                 # chosen by the person who kept it
    file: str                 # the original file's name
    sha256: str
    imported_at: str          # ISO time, UTC
    licence: str = UNKNOWN_LICENCE
    kind: str = "incidents"
    rows_total: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    dates: str = "as given"   # as given | undated | the date or period given for the whole file

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, raw: dict) -> DatasetInfo:
        known = {k: raw[k] for k in cls.__dataclass_fields__ if k in raw}
        return cls(**known)


def valid_id(text: str) -> bool:
    return bool(ID_PATTERN.match(text or ""))


def stamp(incidents: pd.DataFrame, info: DatasetInfo) -> pd.DataFrame:
    """The dataset's rows with its provenance on each: id, name, licence and import date."""
    return incidents.assign(dataset=info.id, dataset_name=info.name, licence=info.licence,
                            imported_at=info.imported_at)


def stamp_catalog(incidents: pd.DataFrame, name: str, licence: str, version: str) -> pd.DataFrame:
    """The catalog's rows with the catalog's own provenance (its licence; its data version as the date)."""
    return incidents.assign(dataset=CATALOG, dataset_name=name, licence=licence, imported_at=version,
                            row=range(1, len(incidents) + 1))


def combine(catalog_incidents: pd.DataFrame | None, dataset_incidents: pd.DataFrame | None) -> pd.DataFrame:
    """One frame of incidents: the dataset's, then the catalog's when mixed in (their ids stay distinct: a
    dataset row's id is its own, the `dataset` column says whose it is)."""
    parts = [f for f in (dataset_incidents, catalog_incidents) if f is not None]
    return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def name_of(joined: pd.DataFrame) -> str:
    """The kept dataset's name the incidents come from ('' for the catalog alone): sentences that would say
    "the catalog" name it instead."""
    if "dataset_name" not in joined:
        return ""
    own = joined.loc[joined["dataset"] != CATALOG, "dataset_name"]
    return str(own.iloc[0]) if len(own) else ""
