"""The folium map: everything it loads is inline (offline), and text from data is escaped."""

import re
from pathlib import Path

import geopandas as gpd
import shapely

from loaders import geodata
from territorio.map import assets, basemap


def _html(m):
    return m.get_root().render()


def _map(lang="en", **kw):
    return basemap.caracas_map(geodata.read("parishes"), geodata.read("municipalities"),
                               basemap.MapOptions(lang=lang, **kw))


def test_map_loads_nothing_from_the_network():
    html = _html(_map())
    srcs = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r'<link[^>]+href="([^"]+)"', html)
    assert srcs, "the map should load Leaflet"
    assert all(s.startswith("data:") for s in srcs), [s[:60] for s in srcs if not s.startswith("data:")]
    assert not re.search(r"https?://[^\"' ]*(cdn|jquery\.com)", html), "a CDN URL is left in the map"


def test_online_tiles_are_an_option_with_attribution():
    assert "tile.openstreetmap.org" not in _html(_map())
    html = _html(_map(online_tiles=True))
    assert "tile.openstreetmap.org" in html and "OpenStreetMap" in html


def test_leaflet_css_images_are_inlined():
    css = assets.css("leaflet_css")
    import base64
    text = base64.b64decode(css.split(",", 1)[1]).decode()
    assert "images/" not in text and "data:image/png;base64," in text


def test_map_carries_the_ocha_attribution_and_all_parishes():
    html = _html(_map())
    assert "OCHA / INE Venezuela, CC BY-IGO" in html
    assert html.count('"pcode"') >= 32


def test_tooltip_text_is_escaped():
    hostile = gpd.GeoDataFrame(
        {"pcode": ["VE000001"], "name": ['<img src=x onerror="alert(1)">'], "municipality": ["X&Y"],
         "label_lat": [10.5], "label_lon": [-66.9]},
        geometry=[shapely.box(-66.95, 10.45, -66.85, 10.55)], crs=4326)
    html = _html(basemap.caracas_map(hostile, geodata.read("municipalities"), basemap.MapOptions()))
    assert "<img src=x" not in html
    # escaped once for HTML (then maybe JSON-encoded by folium, turning & into \u0026)
    assert "&lt;img src=x onerror=" in html.replace("\\u0026", "&")


def test_the_base_map_is_the_same_whatever_the_data_shown():
    """st_folium remounts (and loses zoom) when the base map's script changes: it must depend only on the
    options, never on the window or filters, which travel as dynamic feature groups."""
    from streamlit_folium import _get_map_string, generate_js_hash

    one, two = _map(), _map()
    assert generate_js_hash(_get_map_string(one), "map", False) == generate_js_hash(_get_map_string(two), "map", False)
    assert generate_js_hash(_get_map_string(_map(lang="es")), "map", False) != \
        generate_js_hash(_get_map_string(one), "map", False)


def test_peace_zone_hatches_are_defined_for_every_status():
    html = _html(_map())
    for status in basemap.ZONE_STYLES:
        assert f'id="tl-hatch-{status}"' in html and f"path.zone-{status}{{fill:url(#tl-hatch-{status})}}" in html


def test_clicking_a_partly_visible_map_does_not_scroll_the_page_first():
    assert "focus({preventScroll: true})" in _html(_map())


def test_a_map_opened_at_a_view_starts_there_instead_of_framing_caracas():
    m = basemap.caracas_map(geodata.read("parishes"), geodata.read("municipalities"), basemap.MapOptions(),
                            view=(10.4786, -66.9282, 17))
    html = _html(m)
    assert f"{m.get_name()}.fitBounds(" not in html and "[10.4786, -66.9282]" in html and '"zoom": 17' in html
    framed = _map()
    assert f"{framed.get_name()}.fitBounds(" in _html(framed)


def test_under_the_server_the_map_points_at_the_apps_own_copies_of_the_packages():
    html = _html(basemap.caracas_map(geodata.read("parishes"), geodata.read("municipalities"),
                                     basemap.MapOptions(asset_base="/territorio-assets")))
    srcs = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r'<link[^>]+href="([^"]+)"', html)
    assert "/territorio-assets/leaflet/leaflet.js" in srcs and "/territorio-assets/jquery/jquery.min.js" in srcs
    assert not [s for s in srcs if s.startswith("data:")], "no inlined copies when the app serves them"
    for url in srcs:
        package, file = url.removeprefix("/territorio-assets/").split("/", 1)
        assert (Path(assets.PACKAGES[package]) / file).exists(), url


def test_parish_labels_are_data_in_one_script_escaped_for_html_and_for_the_script_tag():
    hostile = gpd.GeoDataFrame(
        {"pcode": ["VE000001", "VE000002"], "name": ["</script><b>x</b>", "Caucagüita"], "municipality": ["X", "Y"],
         "label_lat": [10.5, 10.45], "label_lon": [-66.9, -66.8]},
        geometry=[shapely.box(-66.95, 10.45, -66.85, 10.55), shapely.box(-66.85, 10.4, -66.75, 10.5)], crs=4326)
    html = _html(basemap.caracas_map(hostile, geodata.read("municipalities"), basemap.MapOptions()))
    assert html.count("className: 'parish-label'") == 1             # one loop, not a marker per parish
    assert "&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" in html and "</script><b>" not in html
    assert '[10.45,-66.8,"<div>Caucagüita<\\/div>"]' in html


def test_the_base_map_makes_one_incidents_canvas_that_lets_clicks_through():
    from territorio.map.basemap import INCIDENT_CANVAS

    html = _map().get_root().render()
    assert html.count(f'"{INCIDENT_CANVAS}"] = L.canvas({{pane: "incidents"') == 1
    assert 'canvas._container.style.pointerEvents = "none"' in html
    assert ".over-incident .leaflet-tooltip:not(.incident-tip){visibility:hidden}" in html
