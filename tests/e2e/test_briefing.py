"""Briefing mode in real Chromium with every non-local request blocked: the clicker keys step the scenes
while the map iframe has focus (and the map stays mounted), and the exported story plays from disk."""

import pytest

pytestmark = pytest.mark.e2e

COUNTER = "#brief-counter"


def _counter(w) -> str:
    return w.page.locator(COUNTER).inner_text()


def _wait_counter(w, text: str) -> None:
    w.page.wait_for_function("t => (document.querySelector('#brief-counter') || {}).innerText === t", arg=text,
                             timeout=30_000)


def test_arrow_keys_in_the_map_step_scenes_without_remounting_it(watched, app_url):
    watched.open(app_url + "/briefing?story=cota-905&lang=en")
    assert _counter(watched) == "Scene 1 of 7"
    watched.map_frame().locator("path.parish").first.wait_for(timeout=30_000)
    frame = watched.page.locator('iframe[title="streamlit_folium.st_folium"]').element_handle().content_frame()
    frame.evaluate("() => { window.map.__briefingMark = 'still here'; }")
    # focus the map (a click inside its iframe), then press the keys a clicker sends
    box = frame.locator(".leaflet-container").bounding_box()
    watched.page.mouse.click(box["x"] + 40, box["y"] + box["height"] - 40)
    watched.page.keyboard.press("ArrowRight")
    _wait_counter(watched, "Scene 2 of 7")
    watched.wait_idle()
    assert "13 July 2015" in watched.page.locator(".brief-caption").inner_text()
    frame.locator("path.highlight-incident").first.wait_for(timeout=30_000)
    assert frame.evaluate("() => window.map.__briefingMark") == "still here"
    watched.page.keyboard.press("PageDown")
    _wait_counter(watched, "Scene 3 of 7")
    watched.page.keyboard.press("ArrowLeft")
    _wait_counter(watched, "Scene 2 of 7")
    watched.wait_idle()
    assert frame.evaluate("() => window.map.__briefingMark") == "still here"
    assert "scene=2" in watched.page.url
    assert watched.external == [], f"requests left the machine: {watched.external}"


def test_page_level_keys_and_buttons_step_scenes(watched, app_url):
    watched.open(app_url + "/briefing?story=petare-jose-felix-ribas&scene=2&lang=es")
    assert _counter(watched) == "Escena 2 de 6"
    watched.page.locator(".brief-title").click()
    watched.page.keyboard.press("PageUp")
    _wait_counter(watched, "Escena 1 de 6")
    watched.page.locator(".st-key-brief_next button").click()
    _wait_counter(watched, "Escena 2 de 6")
    assert watched.external == []


def test_exported_story_plays_from_disk_with_no_network(cli, watched, tmp_path):
    out = tmp_path / "cota-905.html"
    assert cli("story", "export", "cota-905", "--lang", "en", "--out", out).code == 0
    page = watched.page
    page.route(out.as_uri(), lambda route: route.continue_())   # the file itself; anything else stays blocked
    page.goto(out.as_uri())
    page.locator("path.parish").first.wait_for(timeout=30_000)
    assert page.locator("path.parish").count() == 32
    assert page.locator("#counter").inner_text() == "Scene 1 of 7"
    assert page.locator("#caption").inner_text().startswith("September 2013")
    page.locator("#map").click(position={"x": 30, "y": 300})
    page.keyboard.press("ArrowRight")
    assert page.locator("#counter").inner_text() == "Scene 2 of 7"
    assert page.locator("#caption").inner_text().startswith("13 July 2015")
    assert page.locator("#sources-list a").first.get_attribute("href").startswith("https://")
    assert watched.external == [], f"requests left the page: {watched.external}"
