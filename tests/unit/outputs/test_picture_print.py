"""A picture a newspaper can print: stacked incidents carry their count, sectors are named, every colour drawn
is in the legend."""

import datetime as dt

import pytest
from matplotlib.figure import Figure

from loaders import catalog, geodata
from territorio.outputs import picture
from territorio.selection import filters


@pytest.fixture(scope="module")
def cota_svg():
    cat, joined = catalog.load(), catalog.joined(None)
    spec = filters.FilterSpec(dt.date(2019, 1, 1), dt.date(2021, 12, 31), ("cota_905",))
    return cat, joined, spec, picture.render_map(cat, joined, spec, "en", "svg",
                                                 municipalities=geodata.read("municipalities")).data.decode()


def test_incidents_on_one_point_carry_their_count(cota_svg):
    cat, joined, spec, svg = cota_svg
    rows = joined[filters.apply(cat, joined, spec).mask]
    ax = Figure().add_subplot()
    stacked = rows.groupby([rows.lat.round(4), rows.lon.round(4)]).size()
    assert picture.stack_counts(ax, rows, (-180, -90, 180, 90)) == int((stacked > 1).sum()) >= 1
    assert f"×{int(stacked.max())}" in [t.get_text() for t in ax.texts]


def test_sectors_are_named_and_their_fill_and_the_parishes_are_in_the_legend(cota_svg):
    cat, _joined, _spec, svg = cota_svg
    ax = Figure().add_subplot()
    picture.sector_names(ax, cat, (-180, -90, 180, 90))
    assert sorted(t.get_text() for t in ax.texts) == sorted(cat.sectors["name"])
    assert "Sector, approximate outline" in svg and ">Parish<" in svg and "n incidents at one point" in svg
