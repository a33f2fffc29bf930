"""Dates with a precision (day, month, year) as closed intervals, vectorised.

An event dated "2015" with precision year may have happened on any day of 2015: its interval is
[2015-01-01, 2015-12-31]. A multi-day event runs to its `date_end`. A window [from, to] is closed;
an event matches when its interval overlaps the window, and is *date-uncertain* for that window
when its interval also reaches outside it (it may or may not belong).
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

PRECISIONS = ("day", "month", "year")
_PATTERNS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


class DateError(ValueError):
    """A date that cannot be read, named with what it is."""


def parse_iso(value: str, what: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise DateError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def precision_of(text: str) -> str:
    for precision, pattern in _PATTERNS.items():
        if re.fullmatch(pattern, text):
            return precision
    raise DateError(f"{text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")


def interval(text: str, precision: str, end: str = "") -> tuple[dt.date, dt.date]:
    """The first and last day an event dated `text` (with `precision`, and optional `end`) may fall on."""
    if precision not in PRECISIONS:
        raise DateError(f"date precision {precision!r} is not one of {PRECISIONS}")
    if precision_of(text) != precision:
        raise DateError(f"date {text!r} does not have precision {precision!r}")
    if precision == "year":
        lo, hi = dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    elif precision == "month":
        lo = dt.date.fromisoformat(text + "-01")
        hi = (pd.Timestamp(lo) + pd.offsets.MonthEnd(0)).date()
    else:
        lo = hi = dt.date.fromisoformat(text)
    if end:
        end_lo, end_hi = interval(end, precision_of(end))
        if end_hi < lo:
            raise DateError(f"end {end!r} is before start {text!r}")
        hi = max(hi, end_hi)
    return lo, hi


def interval_columns(dates: pd.Series, precisions: pd.Series, ends: pd.Series | None = None
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised-friendly: arrays of datetime64[D] lower and upper bounds."""
    ends = ends if ends is not None else pd.Series([""] * len(dates), index=dates.index)
    pairs = [interval(d, p, e or "") for d, p, e in zip(dates, precisions, ends.fillna(""))]
    lo = np.array([p[0] for p in pairs], dtype="datetime64[D]")
    hi = np.array([p[1] for p in pairs], dtype="datetime64[D]")
    return lo, hi


def window_mask(lo: np.ndarray, hi: np.ndarray, start: dt.date | None, end: dt.date | None
                ) -> tuple[np.ndarray, np.ndarray]:
    """(matches, uncertain): intervals overlapping [start, end], and those of them reaching outside it."""
    s = np.datetime64(start, "D") if start else np.datetime64("0001-01-01")
    e = np.datetime64(end, "D") if end else np.datetime64("9999-12-31")
    overlaps = (lo <= e) & (hi >= s)
    inside = (lo >= s) & (hi <= e)
    return overlaps, overlaps & ~inside


MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
}


def format_date(text: str, precision: str, lang: str, end: str = "") -> str:
    """'12 Feb 2019', 'Feb 2019', '2019', '7-9 Jan 2021' (localised month names)."""
    months = MONTHS.get(lang, MONTHS["en"])
    if precision == "year":
        out = text[:4]
    elif precision == "month":
        out = f"{months[int(text[5:7]) - 1]} {text[:4]}"
    else:
        d = dt.date.fromisoformat(text)
        out = f"{d.day} {months[d.month - 1]} {d.year}"
    if end and end != text:
        e = dt.date.fromisoformat(end)
        out += f" – {e.day} {months[e.month - 1]} {e.year}"
    return out


def format_range(start: dt.date, end: dt.date, lang: str) -> str:
    """A window said briefly: '1–28 Feb 2019', '1 Feb – 15 Mar 2019', '1 Jan 2013 – 31 Dec 2023'."""
    months = MONTHS.get(lang, MONTHS["en"])
    if start == end:
        return f"{end.day} {months[end.month - 1]} {end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {months[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {months[start.month - 1]} – {end.day} {months[end.month - 1]} {end.year}"
    return f"{start.day} {months[start.month - 1]} {start.year} – {end.day} {months[end.month - 1]} {end.year}"
