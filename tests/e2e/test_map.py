"""The map in real Chromium with every non-local request blocked."""

import pytest

pytestmark = pytest.mark.e2e


def spread(frame, timeout_ms: int = 1200) -> None:
    """Wait for a clicked cluster to spread its incidents out: at most the 1.2 s its animation may take, not all
    of it every time (the incident is then clicked by dispatching the event, wherever it is drawn)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        frame.locator("path.incident").first.wait_for(state="attached", timeout=timeout_ms)
    except PlaywrightTimeout:
        pass


def test_map_draws_all_32_parishes_offline(watched, app_url):
    served = []
    watched.page.on("response", lambda r: served.append((r.url, r.status)) if "/territorio-assets/" in r.url else None)
    watched.open(app_url + "/")
    frame = watched.map_frame()
    parishes = frame.locator("path.parish")
    parishes.first.wait_for(timeout=30_000)
    assert parishes.count() == 32
    assert frame.locator("path.municipality").count() == 5
    # Leaflet & co. come from the app's own copy of the installed packages, not inlined in every update
    assert (app_url + "/territorio-assets/leaflet/leaflet.js", 200) in served
    assert "OCHA / INE Venezuela" in frame.locator(".leaflet-control-attribution").inner_text()
    assert watched.external == [], f"requests left the machine: {watched.external}"


DISPLAYED = "els => els.filter(e => getComputedStyle(e).display !== 'none' && e.textContent).length"


def test_parish_names_show_when_zoomed_in_and_hide_when_zoomed_out(watched, app_url):
    from loaders import geodata

    names = sorted(geodata.read("parishes")["name"])
    watched.open(app_url + "/?lat=10.49&lon=-66.88&zoom=14")
    frame = watched.map_frame()
    labels = frame.locator(".parish-label")
    labels.first.wait_for(state="attached", timeout=30_000)      # a 0 x 0 px marker; its text overflows it
    assert sorted(labels.all_inner_texts()) == names             # one label per parish, its name as text
    assert labels.evaluate_all(DISPLAYED) == len(names)
    watched.open(app_url + "/?lat=10.49&lon=-66.88&zoom=11")
    frame = watched.map_frame()
    frame.locator(".leaflet-container.labels-hidden").wait_for(state="attached", timeout=30_000)
    assert frame.locator(".parish-label").count() == len(names)
    assert frame.locator(".parish-label").evaluate_all(DISPLAYED) == 0


def test_hovering_a_parish_names_it(watched, app_url):
    watched.open(app_url + "/?lang=es")
    frame = watched.map_frame()
    frame.locator("path.parish").first.wait_for(timeout=30_000)
    box = frame.locator(".leaflet-container").bounding_box()
    # hover across the map until a tooltip appears: wherever it lands, it names a parish
    for fx in (0.5, 0.4, 0.6, 0.45):
        watched.page.mouse.move(box["x"] + box["width"] * fx, box["y"] + box["height"] * 0.5)
        tip = frame.locator(".leaflet-tooltip")
        if tip.count():
            break
    text = tip.first.inner_text()
    assert "Parroquia" in text and "Municipio" in text
    assert watched.external == []


def test_sources_page_opens_cold_from_a_deep_link(watched, app_url):
    watched.open(app_url + "/sources?lang=es")
    assert "Fuentes y método" in watched.page.locator("h1").first.inner_text()
    assert "OCHA / INE Venezuela" in watched.page.inner_text("body")
    nav = watched.page.locator("[data-testid='stSidebarNav']").inner_text()
    assert "Mapa" in nav and "app" not in nav.split()   # the app's own menu, not the pages/ folder's
    assert watched.external == []


def test_incidents_and_sectors_are_drawn_offline(watched, app_url):
    watched.open(app_url + "/")
    frame = watched.map_frame()
    frame.locator("path.parish").first.wait_for(timeout=30_000)
    assert frame.locator("path.sector").count() == 4
    clusters = frame.locator(".marker-cluster")
    assert clusters.count() >= 1
    # clicking a cluster spreads its incidents out; a popup lists sources as links
    for _ in range(5):
        if frame.locator("path.incident").count():
            break
        biggest = max(range(clusters.count()), key=lambda k: int(clusters.nth(k).inner_text() or 0))
        clusters.nth(biggest).dispatch_event("click")
        spread(frame)
    frame.locator("path.incident").first.dispatch_event("click")
    popup = frame.locator(".incident-popup")
    popup.wait_for(timeout=10_000)
    links = popup.locator("a")
    assert links.count() >= 1 and links.first.get_attribute("href").startswith("http")
    assert watched.external == []
