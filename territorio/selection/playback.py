"""Stepping a time window forward, as the play button does: by week, month or year.

A window is a pair of dates (inclusive). A step moves both ends by one unit, keeping the window's
length in units. A window that already spans everything first shrinks to one unit at the start,
so that pressing play on the whole catalog replays it from the beginning.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

UNITS = {
    "week": pd.DateOffset(weeks=1),
    "month": pd.DateOffset(months=1),
    "year": pd.DateOffset(years=1),
}
DEFAULT_UNIT = "month"

Window = tuple[dt.date, dt.date]


def _add(day: dt.date, unit: str, times: int = 1) -> dt.date:
    return (pd.Timestamp(day) + UNITS[unit] * times).date()


def span_of(joined: pd.DataFrame) -> Window:
    """The span playback runs over (the map page's slider): whole years around every incident's dates (undated
    ones have none; a dataset with no dates at all gets this year)."""
    lo, hi = pd.Timestamp(joined["date_lo"].min()), pd.Timestamp(joined["date_hi"].max())
    if pd.isna(lo) or pd.isna(hi):
        lo = hi = pd.Timestamp(dt.date.today())
    return dt.date(lo.year, 1, 1), dt.date(hi.year, 12, 31)


def first_window(span: Window, unit: str) -> Window:
    """One unit from the span's start: where playback begins."""
    return span[0], min(span[1], _add(span[0], unit) - dt.timedelta(days=1))


def start(window: Window, span: Window, unit: str) -> Window:
    """Where playing begins: the window itself, unless it covers the whole span (nothing would move)."""
    if window[0] <= span[0] and window[1] >= span[1]:
        return first_window(span, unit)
    return window


def step(window: Window, span: Window, unit: str) -> Window | None:
    """The window one unit later, clipped to the span's end; None once the window has reached it."""
    if unit not in UNITS:
        raise ValueError(f"playback unit {unit!r} is not one of {sorted(UNITS)}")
    if window[1] >= span[1]:
        return None
    new_start = _add(window[0], unit)
    length = window[1] - window[0]
    new_end = min(span[1], new_start + length)
    if _is_whole_units(window, unit):
        new_end = min(span[1], _add(window[1] + dt.timedelta(days=1), unit) - dt.timedelta(days=1))
    return new_start, new_end


def _is_whole_units(window: Window, unit: str) -> bool:
    """A window of whole months (1 Feb - 31 Mar) stays whole months (1 Mar - 30 Apr) after a step."""
    after_end = window[1] + dt.timedelta(days=1)
    for n in range(1, 200):
        probe = _add(window[0], unit, n)
        if probe == after_end:
            return True
        if probe > after_end:
            return False
    return False
