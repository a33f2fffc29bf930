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
UNDATED = "undated"   # an imported row from a file with no dates: no interval, never inside a time window
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
    """Arrays of datetime64[D] lower and upper bounds, the same as `interval` row by row, vectorised.
    A row that cannot be read raises the DateError `interval` gives it (the first such row); an undated row
    has NaT for both."""
    texts = pd.Series(dates, dtype="str").fillna("")
    precisions = pd.Series(precisions, index=texts.index, dtype="str").fillna("")
    ends = pd.Series([""] * len(texts), index=texts.index, dtype="str") if ends is None else \
        pd.Series(ends, index=texts.index, dtype="str").fillna("")
    lo, hi, bad = _bounds_of(texts, precisions)
    undated = (precisions == UNDATED).to_numpy(bool)
    if undated.any():     # NaT compares false with every day: no window, no study period, no timeline month
        lo, hi, bad = np.where(undated, np.datetime64("NaT"), lo), np.where(undated, np.datetime64("NaT"), hi), \
            bad & ~undated
    has_end = (ends != "").to_numpy(bool)
    if has_end.any():
        _e_lo, e_hi, e_bad = _bounds_of(ends.where(has_end, "2000"), _precisions_of(ends).where(has_end, "year"))
        bad |= has_end & (e_bad | (e_hi < lo))
        hi = np.where(has_end, np.maximum(hi, e_hi), hi)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        interval(texts.iloc[i], precisions.iloc[i], ends.iloc[i])   # raises the row's own error
    return lo, hi


def _precisions_of(texts: pd.Series) -> pd.Series:
    """`precision_of` for a column: '' where a text has none of the shapes."""
    out = pd.Series([""] * len(texts), index=texts.index, dtype="str")
    for precision, pattern in _PATTERNS.items():
        out = out.where(~texts.str.fullmatch(pattern).fillna(False), precision)
    return out


def _bounds_of(texts: pd.Series, precisions: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lo, hi, bad) for texts of the stated precisions; `bad` marks rows `interval` would reject."""
    shape_ok = np.zeros(len(texts), dtype=bool)
    for precision, pattern in _PATTERNS.items():
        shape_ok |= ((precisions == precision) & texts.str.fullmatch(pattern).fillna(False)).to_numpy(bool)
    padded = texts.where(~shape_ok, texts + pd.Series(precisions.map({"day": "", "month": "-01", "year": "-01-01"})
                                                      .to_numpy(), index=texts.index, dtype="str"))
    parsed = pd.to_datetime(padded.where(shape_ok, "2000-01-01"), format="%Y-%m-%d", errors="coerce")
    bad = ~shape_ok | parsed.isna().to_numpy()
    lo = parsed.fillna(pd.Timestamp("2000-01-01")).to_numpy().astype("datetime64[D]")
    month_end = (lo.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    year_end = (lo.astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1
    hi = np.where((precisions == "month").to_numpy(bool), month_end,
                  np.where((precisions == "year").to_numpy(bool), year_end, lo))
    return lo, hi, bad


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
