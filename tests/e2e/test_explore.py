"""The map page as a reader meets it, in real Chromium with the network cut off: shared links, Spanish,
playback that keeps the reader's zoom, clicking an area to filter, and hostile data that never runs."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
import shapely

from tests.e2e.conftest import hostile_geodata, serve

pytestmark = pytest.mark.e2e


def cli_count(cli, *args):
    out = cli("incidents", *args, "--count")
    assert out.code == 0, out.err
    return out.out.strip()


def metric(page, label):
    box = page.locator("[data-testid='stMetric']").filter(
        has=page.locator("[data-testid='stMetricLabel']", has_text=re.compile(rf"^{label}$")))
    return box.locator("[data-testid='stMetricValue']").inner_text().strip()


def leaflet(page):
    """The map's own window (the st_folium iframe), once Leaflet is up."""
    page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=30_000)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    frame.wait_for_function("() => window.map && window.map.getZoom() > 0", timeout=30_000)
    return frame


def url_params(page):
    return parse_qs(urlparse(page.url).query)


def test_a_cold_link_shows_the_cli_count(cli, watched, app_url):
    watched.open(app_url + "/?from=2019-02-10&to=2019-02-28&lang=en")
    assert metric(watched.page, "Incidents") == cli_count(cli, "--from", "2019-02-10", "--to", "2019-02-28") == "1"
    said = "1 incident, 7 killed, in Cota 905 (El Paraíso), 10–28 Feb 2019."
    sentence = watched.page.locator(".map-sentence", has_text=said)
    sentence.wait_for(timeout=10_000)       # an HTML block: Streamlit may draw it a moment after the run ends
    assert watched.external == []


def test_spanish_everywhere_in_one_click(watched, app_url):
    watched.open(app_url + "/?from=2019-02-10&to=2019-02-28&lang=en")
    # the click comes once the page is whole: the map reports its view when drawn, and that rerun brings the
    # rest; a click landing inside that rerun is another story (the window can be reset with it)
    watched.page.get_by_text("Incidents per month, by type").wait_for(timeout=30_000)
    watched.wait_idle()
    watched.page.get_by_text("Español", exact=True).click()
    watched.page.wait_for_function("() => location.search.includes('lang=es')")
    watched.wait_idle()
    body = watched.page.inner_text("body")
    assert metric(watched.page, "Incidentes") == "1" and "Víctimas fatales" in body
    assert "1 incidente, 7 muertos" in body and "Zonas de paz y control al 28 feb 2019" in body
    frame = leaflet(watched.page)
    # the map's frame redraws after the page's run has ended: wait for it, do not sample it
    legend = frame.locator(".territorio-legend", has_text="Zonas de paz al 28 feb 2019")
    legend.wait_for(timeout=15_000)
    assert "Leyenda" in legend.inner_text()


def test_bad_link_values_get_a_note_not_an_error(cli, watched, app_url):
    watched.open(app_url + "/?from=ayer&area=Atlantis&lang=en")
    body = watched.page.inner_text("body")
    assert "from=ayer ignored" in body and "area=Atlantis ignored" in body
    assert metric(watched.page, "Incidents") == cli_count(cli)


def test_playing_steps_the_window_and_keeps_the_readers_zoom(cli, watched, app_url):
    page = watched.page
    watched.open(app_url + "/?from=2019-01-01&to=2019-01-31&lat=10.48&lon=-66.93&zoom=13&lang=en")
    frame = leaflet(page)
    frame.locator(".leaflet-control-zoom-in").click()          # the reader zooms in
    frame.wait_for_function("() => window.map.getZoom() === 13.5")
    page.wait_for_function("() => location.search.includes('zoom=13.5')", timeout=15_000)
    watched.wait_idle()
    frame.evaluate("() => { window.map.__probe = 'same map'; }")
    center = frame.evaluate("() => window.map.getCenter()")
    legend_before = frame.locator(".territorio-legend").text_content()

    page.get_by_role("button", name=re.compile("Play")).click()
    page.wait_for_function("() => location.search.includes('from=2019-02-01')", timeout=20_000)
    page.wait_for_function("() => location.search.includes('from=2019-03-01')", timeout=20_000)
    page.get_by_role("button", name=re.compile("Pause")).click()
    watched.wait_idle()

    assert frame.evaluate("() => window.map.__probe") == "same map", "the map was remounted"
    assert frame.evaluate("() => window.map.getZoom()") == 13.5
    after = frame.evaluate("() => window.map.getCenter()")
    assert abs(after["lat"] - center["lat"]) < 1e-6 and abs(after["lng"] - center["lng"]) < 1e-6
    legend_after = frame.locator(".territorio-legend").text_content()
    assert legend_after != legend_before and "2019" in legend_after   # the layers followed the window
    params = url_params(page)
    assert params["zoom"] == ["13.5"]
    window = params["from"][0], params["to"][0]
    assert metric(page, "Incidents") == cli_count(cli, "--from", window[0], "--to", window[1])


def _click_latlng(page, frame, lat, lon):
    """A real click where the map draws (lat, lon): the map's frame in the window first (it is as tall as the
    window allows), its legend folded (the map may open it over any corner)."""
    iframe = page.locator('iframe[title="streamlit_folium.st_folium"]')
    iframe.scroll_into_view_if_needed()
    frame.evaluate("() => { var d = document.querySelector('.territorio-legend details'); if (d) { d.open = false; } }")
    point = frame.evaluate(f"() => window.map.latLngToContainerPoint([{lat}, {lon}])")
    box = iframe.bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_clicking_a_parish_filters_by_it(cli, watched, app_url, cat):
    page = watched.page
    watched.open(app_url + "/?lang=en&lat=10.48&lon=-66.80&zoom=13")
    frame = leaflet(page)
    petare = cat.parishes.set_index("pcode").loc["VE151901"]
    # the point of Petare farthest from its edges and from any sector drawn over it
    free = petare.geometry.difference(cat.sectors.union_all().buffer(0.004))
    lon, lat = shapely.maximum_inscribed_circle(free).coords[0]
    _click_latlng(page, frame, lat, lon)
    page.wait_for_function("() => location.search.includes('area=VE151901')", timeout=20_000)
    watched.wait_idle()
    assert metric(page, "Incidents") == cli_count(cli, "--area", "VE151901") != "0"
    assert "Petare" in page.locator("[data-testid='stMultiSelect']").first.inner_text()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    """The app on a copy of the data where names, titles, summaries and links are attacks."""
    root = tmp_path_factory.mktemp("hostile")
    with serve(root, env={"TERRITORIO_GEODATA": str(hostile_geodata(root))}) as url:
        yield url


def test_hostile_text_in_the_data_never_runs(watched, hostile_url):
    page = watched.page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    watched.open(hostile_url + "/?from=2019-02-10&to=2019-02-28&lang=en")
    frame = leaflet(page)
    frame.locator(".marker-cluster, path.incident").first.dispatch_event("click")
    page.wait_for_timeout(800)
    if frame.locator("path.incident").count():
        frame.locator("path.incident").first.dispatch_event("click")
    popup = frame.locator(".incident-popup")
    popup.wait_for(timeout=10_000)
    assert "<img src=x" in popup.inner_text()                       # shown as text
    assert popup.locator("a[href^='javascript']").count() == 0      # the bad link is not a link
    assert "<img src=x" in frame.locator(".territorio-legend").text_content()
    assert "<img src=x" in page.inner_text("body")                  # the table under the map
    assert frame.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    assert watched.external == []
