"""Dates with precision as intervals; windows are closed; straddling events are date-uncertain."""

import datetime as dt

import numpy as np
import pytest

from territorio.catalog import dates

D = dt.date


@pytest.mark.parametrize("text,precision,end,expected", [
    ("2019-02-12", "day", "", (D(2019, 2, 12), D(2019, 2, 12))),
    ("2019-02", "month", "", (D(2019, 2, 1), D(2019, 2, 28))),
    ("2020-02", "month", "", (D(2020, 2, 1), D(2020, 2, 29))),
    ("2015", "year", "", (D(2015, 1, 1), D(2015, 12, 31))),
    ("2022-01-31", "day", "2022-02-02", (D(2022, 1, 31), D(2022, 2, 2))),
])
def test_interval(text, precision, end, expected):
    assert dates.interval(text, precision, end) == expected


@pytest.mark.parametrize("text,precision,end,message", [
    ("2019-02", "day", "", "does not have precision"),
    ("ayer", "day", "", "is not YYYY-MM-DD"),
    ("2019-02-12", "week", "", "precision 'week'"),
    ("2019-02-12", "day", "2019-02-01", "before start"),
])
def test_bad_dates_say_what_is_wrong(text, precision, end, message):
    with pytest.raises(dates.DateError, match=message):
        dates.interval(text, precision, end)


@pytest.mark.parametrize("interval,window,match,uncertain", [
    (("2019-02-12", "2019-02-12"), (D(2019, 2, 12), D(2019, 2, 13)), True, False),   # closed at both ends
    (("2019-02-13", "2019-02-13"), (D(2019, 2, 12), D(2019, 2, 13)), True, False),
    (("2019-02-14", "2019-02-14"), (D(2019, 2, 12), D(2019, 2, 13)), False, False),
    (("2015-01-01", "2015-12-31"), (D(2015, 7, 1), D(2015, 7, 31)), True, True),       # a year-dated event
    (("2022-01-31", "2022-02-02"), (D(2022, 2, 1), D(2022, 2, 28)), True, True),       # straddles the start
    (("2019-02-01", "2019-02-28"), (None, None), True, False),
])
def test_window(interval, window, match, uncertain):
    lo = np.array([interval[0]], dtype="datetime64[D]")
    hi = np.array([interval[1]], dtype="datetime64[D]")
    m, u = dates.window_mask(lo, hi, *window)
    assert (bool(m[0]), bool(u[0])) == (match, uncertain)


@pytest.mark.parametrize("args,lang,expected", [
    (("2019-02-12", "day"), "en", "12 Feb 2019"),
    (("2019-02-12", "day"), "es", "12 feb 2019"),
    (("2017-08", "month"), "es", "ago 2017"),
    (("2015", "year"), "en", "2015"),
])
def test_format_date(args, lang, expected):
    assert dates.format_date(*args, lang=lang) == expected
