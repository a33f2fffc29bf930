"""Aggregated incidents: hexagon counts add up to the selection's mapped incidents; points only when few."""

import numpy as np
import pytest

from territorio.catalog import join, synthetic
from territorio.map import density


@pytest.fixture(scope="module")
def joined(cat):
    return join.join(cat, incidents=synthetic.incidents(cat, 6000, seed=3))


def _arrays(joined):
    return joined["lat"].to_numpy(float), joined["lon"].to_numpy(float), joined["mapped"].to_numpy(bool)


@pytest.mark.parametrize("zoom", [10, 12, 14, 16])
@pytest.mark.parametrize("share", [0.3, 1.0])
def test_counts_per_cell_sum_to_the_mapped_selection(joined, zoom, share):
    lat, lon, mapped = _arrays(joined)
    chosen = mapped & (np.random.default_rng(zoom).random(len(lat)) < share)
    p = density.plan(lat, lon, chosen, zoom=zoom, limit=100)
    assert p.mode == "hexagons" and p.mapped == chosen.sum()
    assert p.cells["n"].sum() == chosen.sum()
    assert not p.cells[["q", "r"]].duplicated().any()


def test_each_point_lies_in_its_hexagon(joined):
    """A point is nearer its cell's centre than any other cell's (the defining property of the bins)."""
    lat, lon, mapped = _arrays(joined)
    radius, lat0 = density.hex_radius_deg(13), 10.48
    k = np.cos(np.radians(lat0))
    pts = np.flatnonzero(mapped)[:300]
    cells = density.hex_cells(lat[pts], lon[pts], radius, lat0)
    centres = np.c_[cells["lon"] * k, cells["lat"]]
    for i in pts:
        d = np.hypot(centres[:, 0] - lon[i] * k, centres[:, 1] - lat[i])
        assert d.min() <= radius * 1.0001


def test_few_incidents_are_points(joined):
    lat, lon, mapped = _arrays(joined)
    chosen = mapped & (np.arange(len(lat)) < 50)
    p = density.plan(lat, lon, chosen)
    assert p.mode == "points" and len(p.drawn) == chosen.sum() and p.cells.empty


def test_points_in_view_when_few_are_there(joined):
    lat, lon, mapped = _arrays(joined)
    view = density.Bounds(10.40, -67.10, 10.60, -66.70)
    tiny = density.Bounds(10.4500, -66.9400, 10.4550, -66.9350)
    assert density.plan(lat, lon, mapped, view, 12, limit=500).mode == "hexagons"
    p = density.plan(lat, lon, mapped, tiny, 16, limit=500)
    assert p.mode == "points" and p.in_view == len(p.drawn) < p.mapped
    assert tiny.contains(lat[p.drawn], lon[p.drawn]).all()


def test_hexagons_around_the_view_only(joined):
    lat, lon, mapped = _arrays(joined)
    view = density.Bounds(10.47, -66.95, 10.50, -66.90)
    p = density.plan(lat, lon, mapped, view, 14, limit=10)
    assert p.mode == "hexagons" and 0 < p.cells["n"].sum() < p.mapped
    assert view.padded(density.VIEW_PADDING).contains(p.cells["lat"].to_numpy(), p.cells["lon"].to_numpy()).all()


def test_empty_selection():
    p = density.plan(np.array([10.5]), np.array([-66.9]), np.array([False]))
    assert p.mode == "points" and p.mapped == 0


@pytest.mark.parametrize("result, expected", [
    ({"bounds": {"_southWest": {"lat": 10.4, "lng": -67.0}, "_northEast": {"lat": 10.6, "lng": -66.8}}},
     density.Bounds(10.4, -67.0, 10.6, -66.8)),
    ({"bounds": {"_southWest": {"lat": None, "lng": None}, "_northEast": {"lat": None, "lng": None}}}, None),
    ({}, None),
    (None, None),
])
def test_bounds_from_the_map(result, expected):
    assert density.bounds_of(result) == expected


def test_view_bounds_around_a_centre_shrink_with_zoom():
    wide, close = density.view_bounds(10.48, -66.9, 12), density.view_bounds(10.48, -66.9, 15)
    assert wide.south < close.south < 10.48 < close.north < wide.north
    assert (wide.east - wide.west) == pytest.approx(8 * (close.east - close.west))
