"""Compiling branca's string templates lazily changes nothing that is rendered."""

import re

import folium
import numpy as np
import pytest
from streamlit_folium import _get_feature_group_string

from loaders import catalog as catalog_loader
from loaders import geodata
from territorio.catalog import asof
from territorio.map import basemap, templates
from territorio.map import groups as mapgroups
from territorio.map.view import LayerRequest
from territorio.selection import filters

RANDOM_ID = re.compile(r"[0-9a-f]{32}")


def _draw(lang: str) -> str:
    """The base map's HTML and every data layer's script, as st_folium gets them, random ids blanked."""
    cat, joined = catalog_loader.load(), catalog_loader.joined()
    mapgroups.clear_kept()          # each drawing from scratch (kept area drawings would be the same objects)
    m = basemap.caracas_map(cat.parishes, geodata.read("municipalities"), basemap.MapOptions(lang=lang))
    sel = filters.apply(cat, joined, filters.FilterSpec())
    held = asof.standing(cat, joined["date_hi"].max().date())
    groups = mapgroups.data_groups(cat, joined, sel.mask, held,
                                   LayerRequest(("control", "zones", "sectors", "incidents"), "incidents"),
                                   lang)
    scripts = [_get_feature_group_string(g, m, idx=i) for i, g in enumerate(groups)]
    return RANDOM_ID.sub("ID", m.get_root().render() + "".join(scripts))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_maps_render_the_same_with_and_without_lazy_templates(lang):
    try:
        templates.uninstall()
        plain = _draw(lang)
    finally:
        templates.install()
    lazy = _draw(lang)
    assert lazy == plain and "circleMarker" in lazy and "Altagracia" in lazy


def test_a_template_is_compiled_when_first_used_and_a_short_one_only_once():
    templates._compiled.cache_clear()
    element = folium.Element("<b>{{ this.x }}</b> %s" % np.random.default_rng().integers(1 << 30))
    assert templates._compiled.cache_info().misses == 0          # made, not compiled
    element.x = "y"
    assert element.render().startswith("<b>y</b>")
    twin = folium.Element(element._template_str)
    twin.x = "z"
    assert twin.render().startswith("<b>z</b>")
    assert templates._compiled.cache_info().misses == 1          # compiled once for both
