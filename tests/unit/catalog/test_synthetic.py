"""Synthetic incidents: seeded, labelled, shaped like the catalog's, clustered inside Caracas."""

import numpy as np
import pandas as pd
import pytest
import shapely

from loaders import catalog as catalog_loader
from territorio import settings
from territorio.catalog import dates, join, synthetic
from territorio.selection import filters


@pytest.fixture(scope="module")
def frame(cat):
    return synthetic.incidents(cat, 4000, seed=7)


def test_same_seed_same_rows(cat, frame):
    pd.testing.assert_frame_equal(frame, synthetic.incidents(cat, 4000, seed=7))


def test_other_seed_other_rows(cat, frame):
    assert not frame[["lat", "date"]].equals(synthetic.incidents(cat, 4000, seed=8)[["lat", "date"]])


@pytest.mark.parametrize("n", [0, 1, 10, 2500])
def test_count(cat, n):
    assert len(synthetic.incidents(cat, n, seed=1)) == n


def test_negative_count_is_refused(cat):
    with pytest.raises(ValueError, match="negative"):
        synthetic.incidents(cat, -1)


def test_catalog_columns_and_types(cat, frame):
    assert list(frame.columns) == list(cat.incidents.columns)
    assert frame.dtypes.to_dict() == cat.incidents.dtypes.to_dict()


def test_every_row_says_it_is_synthetic(frame):
    assert synthetic.is_synthetic(frame["id"]).all() and frame["id"].is_unique
    assert frame["title_en"].str.startswith("Synthetic incident").all()
    assert frame["title_es"].str.startswith("Incidente sintético").all()
    assert frame["coord_method"].str.startswith("synthetic").all()
    assert (frame["sources"] == "").all()


def test_catalog_is_never_synthetic(cat):
    assert not synthetic.is_synthetic(cat.incidents["id"]).any()


def test_dates_span_2013_2023_with_every_precision(frame):
    lo, hi = dates.interval_columns(frame["date"], frame["date_precision"], frame["date_end"])
    assert lo.min() >= np.datetime64("2013-01-01") and hi.max() <= np.datetime64("2023-12-31")
    assert set(frame["date_precision"]) == {"day", "month", "year"}
    assert (frame["date_precision"] == "day").mean() > 0.7


def test_types_are_the_catalogs_incident_types(cat, frame):
    assert set(frame["type"]) <= set(cat.incidents["type"])


def test_tolls_exact_ranges_and_unknown(frame):
    known = frame["fatalities_max"].notna()
    assert (frame.loc[known, "fatalities_min"] <= frame.loc[known, "fatalities_max"]).all()
    assert (~known).any() and (frame["fatalities_min"] < frame["fatalities_max"]).any()


def test_a_few_not_mapped_the_rest_inside_the_parishes(cat, frame):
    mapped = frame["lat"].notna()
    assert 0 < (~mapped).mean() < 0.1
    assert (frame.loc[~mapped, "location_precision"] == "not_mapped").all()
    area = shapely.union_all(cat.parishes.geometry.to_numpy())
    assert shapely.contains_xy(area, frame.loc[mapped, "lon"], frame.loc[mapped, "lat"]).all()


def test_clustered_around_the_sectors(cat, frame):
    """Hot spots: a sector's share of incidents is far above its share of the area."""
    joined = join.join(cat, incidents=frame)
    in_sectors = (joined["sector_id"] != "").mean()
    area_share = cat.sectors.to_crs(3857).area.sum() / cat.parishes.to_crs(3857).area.sum()
    assert in_sectors > 5 * area_share


def test_join_and_filters_work_unchanged(cat, frame):
    joined = join.join(cat, incidents=frame)
    spec = filters.resolve(cat, date_from="2019-01-01", date_to="2019-12-31", types=["homicide"])
    sel = filters.apply(cat, joined, spec)
    assert 0 < sel.mask.sum() < len(frame)
    assert set(joined.loc[sel.mask, "type"]) == {"homicide"}


@pytest.mark.parametrize("raw,expected", [("", None), ("3000", (3000, 0)), ("3000:4", (3000, 4)), (" 50:1 ", (50, 1))])
def test_the_server_setting_reads_n_and_seed(monkeypatch, raw, expected):
    monkeypatch.setenv(settings.SYNTHETIC.name, raw)
    assert catalog_loader.synthetic_setting() == expected


def test_the_server_data_is_the_catalog_or_the_synthetic_incidents_joined_once(cat):
    real = catalog_loader.joined(None)
    assert len(real) == len(cat.incidents) and not real["id"].str.startswith("SYN-").any()
    fake = catalog_loader.joined((300, 2))
    assert len(fake) == 300 and fake["id"].str.startswith("SYN-").all()
    assert catalog_loader.joined((300, 2)) is fake          # made once per server, warmed before it listens
