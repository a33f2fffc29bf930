"""A picture of a kept dataset names it, draws its points in the imported look, and draws its name as typed."""

from __future__ import annotations

from territorio.catalog import join
from territorio.outputs import picture
from territorio.selection import dataset as ds
from territorio.selection.filters import FilterSpec


def _joined(cat, name: str):
    rows = cat.incidents.head(6).assign(id=lambda f: "own-" + f["id"])
    info = ds.DatasetInfo(id="own-1a2b3c4d", name=name, file="own.csv", sha256="", imported_at="2026-12-06",
                          licence="CC0 $5")
    return ds.combine(ds.stamp_catalog(join.join(cat), "Territorio catalog", "CC BY", cat.version),
                      join.join(cat, incidents=ds.stamp(rows, info)))


def test_the_svg_names_the_dataset_as_typed_and_counts_both(cat):
    name = "Costs $5 and $x^2$ registro"
    joined = _joined(cat, name)
    pic = picture.render_map(cat, joined, FilterSpec(), "en", "svg")     # every incident, whatever its year
    svg = pic.data.decode()
    assert "Your data: Costs $5 and $x^2$ registro" in svg and "licence CC0 $5" in svg
    assert pic.shown + pic.not_drawn == len(cat.incidents) + 6
