"""Accessibility and layout in real Chromium: axe-core (bundled by axe-playwright-python) on every page, the
map's frame and the offline story, with no serious or critical violation; the map's layout at a phone's and a
projector's size; the map from the keyboard."""

import pytest

pytestmark = pytest.mark.e2e

PAGES = ["/", "/profile", "/study", "/sources", "/upload", "/briefing", "/briefing?notes=1"]
BLOCKING = {"serious", "critical"}
SIZES = {"phone": (390, 844), "projector": (1280, 720)}


SETTLED = ("() => !document.querySelector('[data-stale=\"true\"]') && "
           "document.getAnimations().every(a => a.playState !== 'running')")


def axe_violations(target) -> list[str]:
    """axe-core run in a page or a frame (its frames apart), once Streamlit's fade of the elements a rerun left
    stale is over (axe reads colours through opacity): the serious and critical violations, named."""
    from axe_playwright_python.sync_playwright import Axe

    target.wait_for_function(SETTLED, timeout=15_000)
    target.evaluate(Axe().axe_script)
    result = target.evaluate("axe.run(document, {iframes: false, resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in BLOCKING]


def map_frame(watched):
    """The st_folium frame's document, once its map is drawn."""
    watched.map_frame().locator("path.parish").first.wait_for(state="attached", timeout=30_000)
    return next(f for f in watched.page.frames if "streamlit_folium" in f.url)


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_violation_on_the_page_or_its_map(watched, app_url, path):
    watched.open(app_url + path)
    watched.wait_idle()
    found = {"page": axe_violations(watched.page)}
    if path in ("/", "/briefing"):
        found["map frame"] = axe_violations(map_frame(watched))
    assert found == {k: [] for k in found}


def test_axe_finds_no_serious_violation_in_the_offline_story(cli, browser, tmp_path):
    out = tmp_path / "cota-905.html"
    assert cli("story", "export", "cota-905", "--lang", "en", "--out", out).code == 0
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(out.as_uri())
    page.locator("path.parish").first.wait_for(timeout=30_000)
    try:
        assert axe_violations(page) == []
    finally:
        context.close()


def _sized(browser, size):
    from tests.e2e.conftest import Watched

    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    return context, Watched(context.new_page())


def _box_in_page(frame_box, rect) -> dict:
    return {"left": frame_box["x"] + rect["left"], "top": frame_box["y"] + rect["top"],
            "right": frame_box["x"] + rect["right"], "bottom": frame_box["y"] + rect["bottom"]}


RECT = ("e => { var r = e.getBoundingClientRect(); "
        "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }")


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_the_legend_leaves_the_maps_centre_free_and_a_popup_at_the_right_edge_fits(browser, app_url, size):
    context, watched = _sized(browser, size)
    try:
        watched.open(app_url + "/?area=cota_905&from=2019-01-01&to=2021-12-31&lang=en")
        frame = map_frame(watched)
        iframe = watched.page.locator('iframe[title="streamlit_folium.st_folium"]')
        iframe.scroll_into_view_if_needed()
        watched.wait_idle()
        watched.page.wait_for_timeout(1500)         # the map fits the area, then the layout places the legend
        width, height = frame.evaluate("() => [innerWidth, innerHeight]")
        legend = frame.locator(".territorio-legend").evaluate(RECT)
        cx, cy = width / 2, height / 2
        assert not (legend["left"] <= cx <= legend["right"] and legend["top"] <= cy <= legend["bottom"]), legend
        if size[0] < 600:
            assert frame.locator(".territorio-legend details").evaluate("d => d.open") is False
        # the frame follows the window: at most its height, at least most of it
        assert size[1] * 0.5 <= height <= size[1], (height, size)
        # a popup opened at the right edge lies inside the window, its close button too
        frame.wait_for_function("() => !map._animatingZoom && !(map._panAnim && map._panAnim._inProgress)")
        frame.evaluate("""() => { var m = window.map;
                                  var ll = m.containerPointToLatLng([m.getSize().x - 6, m.getSize().y / 2]);
                                  L.popup({maxWidth: 360}).setLatLng(ll)
                                   .setContent('<b>' + 'A long incident title '.repeat(6) + '</b>').openOn(m); }""")
        watched.page.wait_for_timeout(600)
        box = iframe.bounding_box()
        for sel in (".leaflet-popup-content-wrapper", ".leaflet-popup-close-button"):
            r = _box_in_page(box, frame.locator(sel).evaluate(RECT))
            assert r["left"] >= 0 and r["right"] <= size[0] and r["top"] >= 0 and r["bottom"] <= size[1], (sel, r)
            assert r["left"] >= box["x"] and r["right"] <= box["x"] + box["width"], (sel, r, box)
        zoom = _box_in_page(box, frame.locator(".leaflet-control-zoom").evaluate(RECT))
        popup = _box_in_page(box, frame.locator(".leaflet-popup-content-wrapper").evaluate(RECT))
        assert not (zoom["right"] > popup["left"] and zoom["bottom"] > popup["top"]), "zoom buttons on the popup"
    finally:
        context.close()
    assert not watched.errors, watched.errors


def test_keyboard_reaches_zoom_buttons_then_incidents_and_opens_a_cluster(watched, app_url):
    watched.open(app_url + "/?area=cota_905&from=2019-01-01&to=2021-12-31&lang=en")
    frame = map_frame(watched)
    frame.locator(".marker-cluster").first.wait_for(timeout=30_000)
    assert frame.locator("path.parish[tabindex='-1']").count() == 32       # areas are no tab stops
    frame.evaluate("() => document.querySelector('.leaflet-container').focus()")
    stops = []
    for _ in range(5):
        watched.page.keyboard.press("Tab")
        stops.append(frame.evaluate("() => [document.activeElement.className.baseVal !== undefined ? "
                                    "document.activeElement.className.baseVal : document.activeElement.className, "
                                    "document.activeElement.getAttribute('aria-label') || '']"))
    assert "zoom-in" in stops[0][0] and "zoom-out" in stops[1][0]
    cluster = next(i for i, (cls, _) in enumerate(stops) if "marker-cluster" in cls)
    assert "incidents here" in stops[cluster][1]
    assert all("parish" not in cls for cls, _ in stops)
    # open a cluster with Enter: it zooms until its incidents separate, or spreads them; the focus goes on to the
    # first of them (an incident, or a smaller cluster to open in turn), and Space opens an incident's popup
    frame.evaluate("() => { window.__opened = document.querySelector('.marker-cluster'); __opened.focus(); }")
    for _ in range(4):
        watched.page.keyboard.press("Enter")
        frame.wait_for_function("() => document.activeElement !== window.__opened && "
                                "document.activeElement.getAttribute('role') === 'button'", timeout=5_000)
        if frame.evaluate("() => document.activeElement.tagName.toLowerCase() === 'path'"):
            break
        frame.evaluate("() => { window.__opened = document.activeElement; }")
    assert frame.evaluate("() => document.activeElement.getAttribute('aria-label')")
    watched.page.keyboard.press("Space")
    frame.locator(".leaflet-popup-content").first.wait_for(timeout=5_000)


def test_the_window_is_announced_as_dates_and_the_count_in_a_live_region(watched, app_url):
    watched.open(app_url + "/?from=2019-02-01&to=2019-02-28&lang=en")
    thumbs = watched.page.locator("[data-testid='stSlider'] input[type='range']")
    assert [thumbs.nth(i).get_attribute("aria-valuetext") for i in range(2)] == ["2019-02-01", "2019-02-28"]
    live = watched.page.locator(".map-sentence[aria-live='polite']")
    assert "incident" in live.inner_text()
    assert live.locator("a").get_attribute("href") == "#incidents-table"


ROOMS = {"projector": (1280, 720), "hall": (1920, 1080)}
STORIES = {"cota-905": 7, "petare-jose-felix-ribas": 6}


@pytest.mark.parametrize("size", ROOMS.values(), ids=ROOMS.keys())
def test_every_scenes_caption_dates_and_sources_fit_the_window(browser, app_url, size):
    """Stepped with the Next button as a clicker would: each scene's caption, dates, note and sources line lie
    above the window's bottom edge, and the legend and parish names are 20 px or more."""
    context, watched = _sized(browser, size)
    problems = []
    try:
        for story, count in STORIES.items():
            watched.open(app_url + f"/briefing?story={story}&scene=1&lang=es")
            for n in range(1, count + 1):
                watched.page.wait_for_function(
                    "n => (document.querySelector('#brief-counter') || {dataset: {}}).dataset.scene === String(n)",
                    arg=n, timeout=30_000)
                watched.wait_idle()
                watched.page.wait_for_timeout(400)            # the room script steps the type down every 250 ms
                bottom = watched.page.locator(".brief-facts-end").evaluate("e => e.getBoundingClientRect().bottom")
                caption = watched.page.locator(".brief-caption").evaluate(
                    "e => parseFloat(getComputedStyle(e).fontSize)")
                if bottom > size[1] or caption < 20:
                    problems.append((story, n, bottom, caption))
                if n < count:
                    watched.page.locator(".st-key-brief_next button").click()
        frame = map_frame(watched)
        for sel in (".territorio-legend", ".parish-label"):
            assert frame.locator(sel).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 20, sel
    finally:
        context.close()
    assert problems == []


def test_the_notes_window_and_the_room_follow_each_other(browser, app_url):
    from tests.e2e.conftest import Watched

    context = browser.new_context(viewport={"width": 1280, "height": 720})
    room, notes = Watched(context.new_page()), Watched(context.new_page())
    try:
        room.open(app_url + "/briefing?story=cota-905&scene=2&lang=en")
        notes.open(app_url + "/briefing?story=cota-905&scene=2&lang=en&notes=1")
        scene_is = "n => (document.querySelector('#brief-counter') || {dataset: {}}).dataset.scene === n"
        room.page.locator(".st-key-brief_next button").click()                 # the presenter steps on
        notes.page.wait_for_function(scene_is, arg="3", timeout=30_000)
        assert "notes=1" in notes.page.url
        notes.wait_idle()
        notes.page.locator(".st-key-brief_prev button").click()                # and back, from the notes
        room.page.wait_for_function(scene_is, arg="2", timeout=30_000)
    finally:
        context.close()
    assert not room.errors and not notes.errors, room.errors + notes.errors


def test_the_offline_storys_notes_open_in_their_own_window_and_follow(cli, browser, tmp_path):
    out = tmp_path / "cota-905.html"
    assert cli("story", "export", "cota-905", "--lang", "en", "--out", out).code == 0
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(out.as_uri())
        page.locator("path.parish").first.wait_for(state="attached", timeout=30_000)
        assert "Speaker notes" not in page.locator("body").inner_text().replace("Speaker notes ↗", "")
        for sel in ("#prev", "#next", "#notes-toggle", "#caption"):         # nothing cut off on a phone
            r = page.locator(sel).bounding_box()
            assert r["x"] >= 0 and r["x"] + r["width"] <= 390, (sel, r)
        with page.expect_popup() as opened:
            page.locator("#notes-toggle").click()
        notes = opened.value
        assert notes.locator("body").inner_text().startswith("Scene 1 of 7")
        page.keyboard.press("ArrowRight")
        notes.wait_for_function("() => document.body.innerText.startsWith('Scene 2 of 7')", timeout=5_000)
    finally:
        context.close()


def test_an_area_in_a_link_opens_the_map_on_it_unless_the_link_has_its_own_view(watched, app_url):
    from loaders import catalog

    x0, y0, x1, y1 = catalog.load().sectors.set_index("sector_id").loc[["cota_905"]].total_bounds
    watched.open(app_url + "/?area=cota_905&lang=en")
    frame = map_frame(watched)
    frame.wait_for_function("() => window.map.getZoom() >= 14", timeout=15_000)
    lat, lon = frame.evaluate("() => [map.getCenter().lat, map.getCenter().lng]")
    assert y0 <= lat <= y1 and x0 <= lon <= x1
    watched.open(app_url + "/?area=cota_905&lat=10.5&lon=-66.85&zoom=12&lang=en")
    frame = map_frame(watched)
    watched.page.wait_for_timeout(1500)
    assert frame.evaluate("() => [map.getZoom(), Math.round(map.getCenter().lng * 100) / 100]") == [12, -66.85]
