"""The incidents layer at any size: the catalog's clusters, canvas points, or hexagons with a note."""

import numpy as np
import pytest
from folium.plugins import MarkerCluster

from territorio.catalog import join, synthetic
from territorio.map import basemap, density, groups, styles
from territorio.map import incidents as bulk_layers
from territorio.map.view import LayerRequest


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
    groups.stable_ids(group, "t")
    return "".join(c._template.module.script(c) for c in _children(group))


def test_the_catalog_keeps_its_clustered_layer(cat):
    joined = join.join(cat)
    popups = Popups()
    group, _ = bulk_layers.incident_layer(cat, joined, np.ones(len(joined), bool), popups, "en")
    assert isinstance(_children(group)[0], MarkerCluster)
    assert popups.asked == joined["mapped"].sum()


def test_medium_selection_is_canvas_points_with_popups_for_them_only(cat, joined):
    mask = np.arange(len(joined)) < 400
    popups = Popups()
    group, section = bulk_layers.incident_layer(cat, joined, mask, popups, "en")
    assert isinstance(_children(group)[0], bulk_layers.CanvasPoints)
    assert popups.asked == (mask & joined["mapped"]).sum()
    js = _js(group)
    assert "<script>alert" not in js and "&lt;script&gt;" in js


def test_many_are_hexagons_and_the_legend_says_so(cat, joined):
    popups = Popups()
    group, section = bulk_layers.incident_layer(cat, joined, np.ones(len(joined), bool), popups, "en")
    assert isinstance(_children(group)[0], bulk_layers.Hexagons)
    assert popups.asked == 0
    n = f"{joined['mapped'].sum():,}"
    assert section.note == f"{n} incidents shown as counts per hexagon; zoom in to see points."
    assert len(section.items) >= 2


def test_hexagon_note_in_spanish(cat, joined):
    _, section = bulk_layers.incident_layer(cat, joined, np.ones(len(joined), bool), Popups(), "es")
    assert "hexágono" in section.note and "acerque" in section.note


def test_zoomed_in_view_draws_only_its_points_and_says_so(cat, joined):
    lat, lon = joined["lat"].to_numpy(), joined["lon"].to_numpy()
    c_lat, c_lon = np.nanmedian(lat), np.nanmedian(lon)
    view = density.Bounds(c_lat - 0.004, c_lon - 0.004, c_lat + 0.004, c_lon + 0.004)
    popups = Popups()
    _, section = bulk_layers.incident_layer(cat, joined, np.ones(len(joined), bool), popups, "en", view, 16)
    in_view = (view.contains(lat, lon) & joined["mapped"].to_numpy()).sum()
    assert popups.asked == in_view
    assert f"Showing the {in_view} incidents in view" in section.note


def test_hexagon_colours_are_distinct_and_legended(cat, joined):
    _, section = bulk_layers.incident_layer(cat, joined, np.ones(len(joined), bool), Popups(), "en")
    colours = [i.color for i in section.items]
    assert len(set(colours)) == len(colours) and set(colours) <= set(styles.HEX_COLORS)


# --- an uploaded file's incidents: the same sizes, their own look ----------------------------------------

def _upload_rows(joined, n):
    rows = joined[joined["mapped"]].head(n).copy()
    rows["dataset"], rows["row"] = "newsroom", range(1, len(rows) + 1)
    return rows


def _upload(joined, n, bounds=None, zoom=None):
    """An uploaded file of n mapped rows drawn: (rows, popups asked for, what the group holds, legend section)."""
    rows, popups = _upload_rows(joined, n), Popups()
    group, section = bulk_layers.upload_layer(rows, popups, "newsroom", "en", bounds, zoom)
    return rows, popups, group, section


def test_a_big_upload_is_grey_hexagons_inside_the_catalogs_cells_with_its_own_legend(cat, joined):
    rows, popups, group, section = _upload(joined, 2000)
    hexes = _children(group)[0]
    assert isinstance(hexes, bulk_layers.Hexagons) and popups.asked == 0
    assert section.title == "Your data: newsroom, incidents per hexagon (grey, inside the cell)"
    assert f"{len(rows):,} incidents shown as counts per hexagon" in section.note
    assert {i.color for i in section.items} <= set(styles.UPLOAD_HEXAGONS.colors)
    assert not set(styles.UPLOAD_HEXAGONS.colors) & set(styles.HEX_COLORS)
    catalog_hexes = _children(bulk_layers.incident_layer(cat, joined, np.ones(len(joined), bool), Popups(), "en")[0])[0]
    assert hexes.radius < catalog_hexes.radius and hexes.k == catalog_hexes.k     # inside the same grid's cells
    assert "Your data: {n} incidents here" in _js(group)


def test_the_file_and_the_catalog_count_on_one_grid(joined):
    """The same point falls in a hexagon with the same centre whichever frame it belongs to."""
    lat, lon = joined["lat"].to_numpy(), joined["lon"].to_numpy()
    everything = density.plan(lat, lon, joined["mapped"].to_numpy(), limit=10)
    first = np.flatnonzero(joined["mapped"].to_numpy())[:100]
    few = np.zeros(len(joined), bool)
    few[first] = True
    some = density.plan(lat, lon, few, limit=10)
    centres = set(zip(everything.cells["lat"].round(9), everything.cells["lon"].round(9)))
    assert set(zip(some.cells["lat"].round(9), some.cells["lon"].round(9))) <= centres


def test_a_middling_upload_is_dotted_rings_on_the_canvas_with_popups_for_them_only(joined):
    _, popups, group, section = _upload(joined, 400)
    points = _children(group)[0]
    assert isinstance(points, bulk_layers.CanvasPoints) and popups.asked == 400
    assert points.dash_json == '"2 3"'
    js = _js(group)
    assert '"#111111",2.5,"#ffffff",0.75' in js                 # styles.UPLOAD_STYLE, never a type colour
    assert section.items == (bulk_layers.upload_legend_item("en"),) and section.items[0].dashed


def test_a_small_upload_keeps_its_clustered_layer(joined):
    _, _, group, _ = _upload(joined, 30)
    assert isinstance(_children(group)[0], MarkerCluster)


def test_zoomed_in_on_a_big_upload_draws_its_points_in_view_and_says_so(joined):
    rows = _upload_rows(joined, 2000)
    c_lat, c_lon = np.nanmedian(rows["lat"]), np.nanmedian(rows["lon"])
    view = density.Bounds(c_lat - 0.004, c_lon - 0.004, c_lat + 0.004, c_lon + 0.004)
    _, popups, group, section = _upload(joined, 2000, view, 16)
    in_view = view.contains(rows["lat"].to_numpy(), rows["lon"].to_numpy()).sum()
    assert isinstance(_children(group)[0], bulk_layers.CanvasPoints) and popups.asked == in_view
    assert f"Showing the {in_view} incidents in view, of 2,000" in section.note


def test_upload_popups_are_built_only_for_the_points_drawn_and_escaped(cat, joined):
    from territorio.map import groups

    rows = _upload_rows(joined, 400)
    rows.iloc[0, rows.columns.get_loc("title_en")] = "<img src=x onerror=alert(1)>"
    extra = groups.upload_layers({"newsroom": rows, "empty": rows.head(0)}, LayerRequest(("incidents",)),
                                    "en")
    assert [name for name, _ in extra] == ["upload0"]                # an empty file draws nothing
    js = _js(extra[0][1][0])
    assert "<img src=x" not in js and "&lt;img src=x onerror=alert(1)&gt;" in js
    assert js.count("From your file newsroom, row") == 400


def test_bulk_layers_draw_on_the_maps_one_incidents_canvas():
    import folium


    group = folium.FeatureGroup()
    bulk_layers.CanvasPoints([]).add_to(group)
    assert _js(group).count("L.canvas(") == 1                         # not on a map: a canvas of its own
    m = folium.Map()
    group.add_to(m)
    assert f'{m.get_name()}["{basemap.INCIDENT_CANVAS}"] ||' in _js(group)
