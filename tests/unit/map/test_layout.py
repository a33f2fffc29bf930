"""The map's layout script and what it changes in the map's HTML (the browser tests check what it does)."""

import re

from loaders import catalog, geodata
from territorio.map import basemap, layout


def _map(lang="en"):
    return basemap.caracas_map(geodata.read("parishes"), geodata.read("municipalities"), basemap.MapOptions(lang=lang))


def test_the_map_frame_lets_readers_zoom_the_page():
    html = _map().get_root().render()
    assert "user-scalable=no" not in html and "maximum-scale" not in html
    assert "leaflet" in html      # the rest of the map's header is still there


def test_the_layout_script_runs_on_the_map_with_its_texts_in_the_map_language():
    m = _map("es")
    html = m.get_root().render()
    assert f"}})({m.get_name()}, {{" in html.replace("\n", "")
    assert "incidentes aquí: Enter los muestra" in html and "__MAP__" not in html and "__OPTIONS__" not in html
    assert '"maxShare":0.2' in html


def test_choosing_areas_fits_the_map_to_their_bounds_unless_told_to_keep_the_view():
    cat = catalog.load()
    bounds = basemap.area_bounds(cat, ("cota_905",))
    sector = cat.sectors[cat.sectors.sector_id == "cota_905"].total_bounds
    assert bounds == tuple(float(v) for v in sector)
    assert basemap.area_bounds(cat, ()) is None and layout.fit_group(None, True) == []
    assert re.search(r"if \(true\) \{ map\.fitBounds\(\[\[10\.", _script(layout.fit_group(bounds, True)))
    assert "if (false)" in _script(layout.fit_group(bounds, False))


def _script(groups) -> str:
    [group] = groups
    [fit] = group._children.values()
    return fit._template.module.script(fit, {})
