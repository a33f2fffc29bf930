"""Event study: windows, the estimate and when it is withheld, date-uncertain incidents counted apart."""

import datetime as dt
import math

import pandas as pd
import pytest

from territorio.analysis import study as es


@pytest.mark.parametrize("day, months, before, after", [
    ("2015-07-13", 12, ("2014-07-13", "2015-07-12"), ("2015-07-13", "2016-07-12")),
    ("2015-07-13", 6, ("2015-01-13", "2015-07-12"), ("2015-07-13", "2016-01-12")),
    ("2021-07-08", 24, ("2019-07-08", "2021-07-07"), ("2021-07-08", "2023-07-07")),
    ("2016-02-29", 12, ("2015-02-28", "2016-02-28"), ("2016-02-29", "2017-02-27")),
])
def test_windows_are_half_open_around_the_date(day, months, before, after):
    b, a = es.windows(es.StudySpec(dt.date.fromisoformat(day), months))
    assert (b[0].isoformat(), b[1].isoformat()) == before
    assert (a[0].isoformat(), a[1].isoformat()) == after


@pytest.mark.parametrize("counts, reason", [((10, 20, 10, 10), "ok"), ((5, 5, 5, 5), "ok"), ((4, 20, 10, 10), "small"),
                                            ((10, 20, 0, 10), "zero"), ((0, 0, 0, 0), "zero")])
def test_estimate_is_withheld_for_small_or_zero_counts(counts, reason):
    e = es.estimate(*counts)
    assert e.reason == reason
    assert (e.ratio is None) == (reason != "ok")


def test_estimate_is_the_ratio_of_rate_ratios_with_a_log_scale_interval():
    e = es.estimate(10, 20, 10, 10)
    se = math.sqrt(1 / 10 + 1 / 20 + 1 / 10 + 1 / 10)
    assert e.ratio == pytest.approx(2.0)
    assert e.low == pytest.approx(2 * math.exp(-1.959964 * se), rel=1e-5)
    assert e.high == pytest.approx(2 * math.exp(1.959964 * se), rel=1e-5)
    assert e.low < 1 < e.high, "10 -> 20 against 10 -> 10 is not evidence of a change"


def synthetic(rows):
    """SYNTHETIC joined incidents: (sector_id, pcode, date_lo, date_hi, fatalities_min, fatalities_max)."""
    frame = pd.DataFrame(rows, columns=["sector_id", "pcode", "date_lo", "date_hi", "fatalities_min", "fatalities_max"])
    for col in ("date_lo", "date_hi"):
        frame[col] = pd.to_datetime(frame[col])
    for col in ("fatalities_min", "fatalities_max"):
        frame[col] = frame[col].astype("Int64")
    return frame


def test_incidents_are_counted_by_side_and_group_and_vague_dates_apart(cat):
    spec = es.StudySpec(dt.date(2015, 7, 13), 6, ("pz_cota_905",))
    joined = synthetic([
        ("cota_905", "VE010108", "2015-07-12", "2015-07-12", 1, 2),    # inside, before (last day)
        ("cota_905", "VE010108", "2015-07-13", "2015-07-13", 3, 3),    # inside, after (the date itself)
        ("cota_905", "VE010108", "2015-07-01", "2015-07-31", None, None),  # month precision across d: apart
        ("", "VE010110", "2015-01-13", "2015-01-13", 0, 0),            # outside, before (first day)
        ("", "VE010110", "2016-01-13", "2016-01-13", 9, 9),            # outside, after the window: ignored
        ("", "VE010110", "2015-01-01", "2015-12-31", 1, 1),            # year precision over the start edge: apart
        ("", "", "2015-08-01", "2015-08-01", 1, 1),                    # in no parish: apart
    ])
    r = es.run(cat, joined, spec)
    got = {(g, p): (r.cells[g][p].incidents, r.cells[g][p].fatalities_min, r.cells[g][p].fatalities_max)
           for g in es.GROUPS for p in es.PERIODS}
    assert got == {("inside", "before"): (1, 1, 2), ("inside", "after"): (1, 3, 3),
                   ("outside", "before"): (1, 0, 0), ("outside", "after"): (0, 0, 0)}
    assert r.uncertain == {"inside": 1, "outside": 1}
    assert r.unplaced == 1
    assert r.estimate.reason == "zero"


def test_policy_dates_come_from_the_data(cat):
    keys = {p.key: p.date.isoformat() for p in es.policy_dates(cat)}
    assert keys["CCS-010"] == "2015-07-13"
    assert keys["CCS-038"].startswith("2021-07")
    assert keys["period:pz_cota_905:in_force"] == "2017-08-25"
    assert all(not k.startswith("period:pz_el_valle") for k in keys), "attested-only periods are not changes"


def test_unknown_designation_is_named(cat):
    with pytest.raises(es.StudyError, match="pz_nowhere"):
        es.inside_areas(cat, ("pz_nowhere",))


@pytest.mark.parametrize("lang, words", [("en", "not a complete count"), ("es", "no un conteo completo")])
def test_every_study_states_the_caveat(cat, lang, words):
    from territorio.catalog import join
    result = es.run(cat, join.join(cat), es.StudySpec(dt.date(2021, 7, 8), 24))
    assert words in es.describe(result, lang)[-1]
