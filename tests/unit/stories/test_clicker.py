"""Clicker keys: declared once; the briefing's base map has Leaflet's keyboard panning off and forwards the
keys to the page; the page's bridge clicks the Previous/Next buttons and leaves text fields alone."""

import pytest

from loaders import catalog as catalog_loader
from loaders import geodata
from territorio.map import basemap
from territorio.stories import clicker


@pytest.fixture(scope="module")
def parishes():
    return catalog_loader.load().parishes


@pytest.mark.parametrize("keyboard", [True, False])
def test_the_map_option_switches_leaflets_keyboard(parishes, keyboard):
    m = basemap.caracas_map(parishes, geodata.read("municipalities"), basemap.MapOptions(keyboard=keyboard))
    assert f'"keyboard": {str(keyboard).lower()}' in m.get_root().render()


def test_the_base_map_forwards_clicker_keys_to_the_page(parishes):
    m = basemap.caracas_map(parishes, geodata.read("municipalities"), basemap.MapOptions(keyboard=False))
    clicker.KeyForwarder().add_to(m)
    js = m.get_root().render()
    assert "window.parent.postMessage" in js and '"PageDown": "next"' in js and '"ArrowLeft": "prev"' in js


def test_the_bridge_clicks_the_buttons_by_key_and_skips_text_fields():
    js = clicker.bridge_script("brief_")
    assert ".st-key-brief_next button" in js and ".st-key-brief_prev button" in js
    assert "INPUT|TEXTAREA|SELECT" in js and "e.origin !== P.location.origin" in js
    assert set(clicker.KEY_ACTIONS) == {"ArrowRight", "ArrowLeft", "PageDown", "PageUp", "s", "S"}
    assert 'querySelector("details.brief-sources")' in js     # S unfolds the sources, it clicks no button
    assert "BroadcastChannel" in js and '"captionMin": 20' in js and "__OPTIONS__" not in js
