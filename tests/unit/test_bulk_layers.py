"""The incidents layer at any size: the catalog's clusters, canvas points, or hexagons with a note."""

import numpy as np
import pytest
from folium.plugins import MarkerCluster

from loaders import catalog as catalog_loader
from territorio import aggregate, bulk_layers, join, layers, synthetic


@pytest.fixture(scope="module")
def cat():
    return catalog_loader.load()


@pytest.fixture(scope="module")
def joined(cat):
    frame = synthetic.incidents(cat, 3000, seed=5)
    frame.loc[0, "title_en"] = "<script>alert(1)</script>"
    return join.join(cat, incidents=frame)


class Popups:
    """Records which rows popups were asked for."""

    def __init__(self):
        self.asked = 0

    def __call__(self, rows):
        self.asked += len(rows)
        return [f"<b>{i}</b>" for i in rows["id"]]


def _children(group):
    return list(group._children.values())


def _js(group) -> str:
    """The script each child of the group puts on the page."""
    layers.stable_ids(group, "t")
    return "".join(c._template.module.script(c) for c in _children(group))


def test_the_catalog_keeps_its_clustered_layer(cat):
    joined = join.join(cat)
    popups = Popups()
    group, _ = bulk_layers.incident_layer(joined, np.ones(len(joined), bool), popups, {}, "en")
    assert isinstance(_children(group)[0], MarkerCluster)
    assert popups.asked == joined["mapped"].sum()


def test_medium_selection_is_canvas_points_with_popups_for_them_only(joined):
    mask = np.arange(len(joined)) < 400
    popups = Popups()
    group, section = bulk_layers.incident_layer(joined, mask, popups, {}, "en")
    assert isinstance(_children(group)[0], bulk_layers.CanvasPoints)
    assert popups.asked == (mask & joined["mapped"]).sum()
    js = _js(group)
    assert "<script>alert" not in js and "&lt;script&gt;" in js


def test_many_are_hexagons_and_the_legend_says_so(joined):
    popups = Popups()
    group, section = bulk_layers.incident_layer(joined, np.ones(len(joined), bool), popups, {}, "en")
    assert isinstance(_children(group)[0], bulk_layers.Hexagons)
    assert popups.asked == 0
    n = f"{joined['mapped'].sum():,}"
    assert section.note == f"{n} incidents shown as counts per hexagon; zoom in to see points."
    assert len(section.items) >= 2


def test_hexagon_note_in_spanish(joined):
    _, section = bulk_layers.incident_layer(joined, np.ones(len(joined), bool), Popups(), {}, "es")
    assert "hexágono" in section.note and "acerque" in section.note


def test_zoomed_in_view_draws_only_its_points_and_says_so(joined):
    lat, lon = joined["lat"].to_numpy(), joined["lon"].to_numpy()
    c_lat, c_lon = np.nanmedian(lat), np.nanmedian(lon)
    view = aggregate.Bounds(c_lat - 0.004, c_lon - 0.004, c_lat + 0.004, c_lon + 0.004)
    popups = Popups()
    _, section = bulk_layers.incident_layer(joined, np.ones(len(joined), bool), popups, {}, "en", view, 16)
    in_view = (view.contains(lat, lon) & joined["mapped"].to_numpy()).sum()
    assert popups.asked == in_view
    assert f"Showing the {in_view} incidents in view" in section.note


def test_hexagon_colours_are_distinct_and_legended(joined):
    _, section = bulk_layers.incident_layer(joined, np.ones(len(joined), bool), Popups(), {}, "en")
    colours = [i.color for i in section.items]
    assert len(set(colours)) == len(colours) and set(colours) <= set(bulk_layers.HEX_COLORS)
