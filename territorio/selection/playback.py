"""Stepping a time window forward, as the play button does: by week, month or year, at a chosen pace.

A window is a pair of dates (inclusive). A step moves both ends by one unit, keeping the window's
length in units. A window that already spans everything first shrinks to one unit at the start,
so that pressing play on the whole catalog replays it from the beginning.

A browser may still report a window the server has already moved on from (a request it sent before the move
reached it): `is_stale` tells such a report from a visitor's own choice, so it cannot set the window back.
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
PACES = (2, 4, 8)            # steps a second: a presenter's slow, steady and fast
DEFAULT_PACE = 4
STALE_S = 5.0                # how long after a move a browser may still report the window before it

Window = tuple[dt.date, dt.date]


def interval(pace: int) -> float:
    """Seconds between two steps at `pace` steps a second."""
    if pace not in PACES:
        raise ValueError(f"playback pace {pace!r} is not one of {PACES}")
    return 1.0 / pace


def is_stale(reported: Window, current: Window, moves: tuple[tuple[Window, float], ...], now: float,
             within: float = STALE_S) -> bool:
    """True when `reported` (the window a browser sent) is one the server moved away from (`moves`: the
    windows before each of its recent moves, with the time of the move) less than `within` seconds ago, and
    not the current one: the browser had not yet heard of the move."""
    return reported != current and any(old == reported and now - at < within for old, at in moves)


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
