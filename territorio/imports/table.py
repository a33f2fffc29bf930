"""What every reader returns: the file's rows in order, as text cells plus an optional geometry."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from territorio.imports.report import Issue


@dataclass
class Record:
    row: int                                  # from 1, in file order (features, Placemarks)
    fields: dict[str, str]                    # column -> text as written in the file
    geometry: object | None = None            # shapely geometry in WGS84 longitude/latitude
    geometry_problem: str = ""                # why the geometry could not be read ('' when fine)


@dataclass
class Table:
    format: str
    columns: list[str]
    records: list[Record]
    has_geometry: bool = False
    warnings: list[Issue] = field(default_factory=list)
    mapper: Callable | None = None            # cells -> canonical fields (columns.generic_mapper by default)
    known: frozenset = frozenset()            # folded column names this format knows besides columns.ALIASES


def cell_text(value) -> str:
    """A property value as text: None/NaN -> '', 3.0 stays '3.0', dates ISO, nested values JSON."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "isoformat"):  # pandas Timestamp
        return value.isoformat()
    return str(value)
