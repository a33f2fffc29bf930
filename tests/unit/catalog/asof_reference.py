"""The former row-by-row `asof._holding` (with data 0.2.0's disputed starts), kept to check the vectorised one
against (test_asof.py)."""

import datetime as dt

import numpy as np
import pandas as pd

from territorio.catalog import dates
from territorio.catalog.join import _bounds


def _latest_start(p: dict) -> np.datetime64:
    latest = str(p.get("start_latest") or "")
    if p.get("start_kind") != "disputed" or not latest:
        return np.datetime64("0001-01-01")
    return np.datetime64(dates.interval(latest, dates.precision_of(latest))[1], "D")


def holding(periods: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    d = np.datetime64(day, "D")
    rows = []
    for p in periods.to_dict("records"):
        lo, hi = _bounds(p["start"], p["start_precision"], p["end"], p["end_precision"], p["end_kind"])
        if lo <= d <= hi:
            start_hi = np.datetime64(dates.interval(p["start"], p["start_precision"])[1], "D")
            p["disputed_start"] = bool(d <= _latest_start(p))
            p["tentative"] = bool(d <= start_hi and p["start_precision"] != "day") or p["end_kind"] == "last_evidence" \
                or p.get("start_kind") == "attested" or p["disputed_start"]
            rows.append(p)
    return pd.DataFrame(rows, columns=[*periods.columns, "tentative", "disputed_start"])
