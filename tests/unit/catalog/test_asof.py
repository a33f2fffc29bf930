"""What held on a day, worked out from period bounds made once per catalog: the same rows as the former
row-by-row reading on every day where anything starts or ends (and the days either side), and one set of
frames per state, so a Play through ten years makes a few dozen instead of one per step."""

import datetime as dt

import numpy as np
import pytest

from territorio.catalog import asof, dates
from tests.unit.catalog import asof_reference


def _edges(periods) -> list[dt.date]:
    """Every day a period's start or end interval begins or ends, and the days either side."""
    days = set()
    for p in periods.to_dict("records"):
        latest = str(p.get("start_latest") or "")
        for value, precision in ((p["start"], p["start_precision"]), (p["end"], p["end_precision"]),
                                 (latest, dates.precision_of(latest) if latest else "")):
            if value:
                for edge in dates.interval(value, precision):
                    edge = dt.date.fromisoformat(str(np.datetime64(edge, "D")))
                    days.update(edge + dt.timedelta(days=k) for k in (-1, 0, 1))
    return sorted(days)


@pytest.mark.parametrize("table", ["periods", "claims"])
def test_the_periods_holding_are_those_the_row_by_row_reading_found(cat, table):
    periods = getattr(cat, table)
    days = _edges(periods)
    assert len(days) > 20
    for day in days:
        expected = asof_reference.holding(periods, day)
        got = asof._holding(periods, day)
        for flag in ("tentative", "disputed_start"):
            assert list(got[flag]) == list(expected[flag]), (day, flag)
        assert got.drop(columns=["tentative", "disputed_start"]).astype(str).values.tolist() == \
            expected.drop(columns=["tentative", "disputed_start"]).astype(str).values.tolist(), day


def test_days_in_the_same_state_share_their_frames_and_a_change_gives_new_ones(cat):
    a, b = asof.standing(cat, dt.date(2019, 2, 10)), asof.standing(cat, dt.date(2019, 2, 11))
    assert a.key == b.key and a.zones is b.zones and a.control is b.control and b.day == dt.date(2019, 2, 11)
    keys = {asof.standing(cat, dt.date(year, month, 1)).key for year in range(2013, 2025) for month in range(1, 13)}
    assert 2 <= len(keys) < 144          # control and zones change, but not every month


def test_a_state_keys_frames_are_those_of_the_day(cat):
    for day in (dt.date(2015, 7, 13), dt.date(2017, 3, 1), dt.date(2021, 7, 9), dt.date(2022, 2, 9)):
        s = asof.standing(cat, day)
        assert s.zones.drop(columns="geometry").equals(asof.zones_as_of(cat, day).drop(columns="geometry"))
        assert s.control.drop(columns="geometry").equals(asof.control_as_of(cat, day).drop(columns="geometry"))
