"""Playback as a presenter meets it, in real Chromium: Play advances at the chosen pace, the map stays
mounted, Pause leaves the address, the figures, the chart and the tables on the frame shown; and a Step made
while the browser still reports an older window is not undone by that report. Timing bounds are generous
(the suite runs on loaded machines): exact speed is `territorio bench --viewer`'s business."""

import datetime as dt
import re
import time
from urllib.parse import parse_qs, urlparse

import pytest

from territorio.catalog import dates
from tests.e2e.test_explore import cli_count, leaflet, metric

pytestmark = pytest.mark.e2e


def window_of(page) -> tuple[dt.date, dt.date]:
    q = parse_qs(urlparse(page.url).query)
    return dt.date.fromisoformat(q["from"][0]), dt.date.fromisoformat(q["to"][0])


def window_shown(page) -> dt.date:
    """The window's first day as the slider shows it (the address may trail the frames shown during Play)."""
    return dt.date.fromisoformat(re.search(r"\d{4}-\d{2}-\d{2}", page.locator(".st-key-window").inner_text())[0])


def whole_page(watched) -> None:
    """Wait for the page's whole run (the chart comes after the map's first report)."""
    watched.page.get_by_text("Incidents per month, by type").wait_for(timeout=30_000)
    watched.wait_idle()


def test_play_keeps_its_pace_and_pause_leaves_everything_on_the_frame_shown(cli, watched, app_url):
    page = watched.page
    watched.open(app_url + "/?from=2016-01-01&to=2016-01-31&lang=en")
    whole_page(watched)
    frame = leaflet(page)
    frame.evaluate("() => { window.map.__probe = 'same map'; }")
    for control, option in ((".st-key-play_unit", "week"), (".st-key-play_pace", "4 steps/s")):
        page.locator(f"{control} label", has_text=option).click()
        page.locator(f"{control} label:has(input:checked)", has_text=option).wait_for(timeout=10_000)
        whole_page(watched)
    start = window_of(page)

    page.get_by_role("button", name=re.compile("Play")).click()
    t0 = time.monotonic()
    page.wait_for_timeout(6000)
    shown = window_shown(page)
    page.get_by_role("button", name=re.compile("Pause")).click()
    held = time.monotonic() - t0
    try:
        page.get_by_role("button", name=re.compile("Play")).wait_for(timeout=30_000)
    except Exception:
        raise AssertionError(f"still playing after Pause: {page.url} {page.locator('.st-key-play').inner_text()}")
    whole_page(watched)

    steps = (window_of(page)[0] - start[0]).days // 7
    assert 3 <= steps <= 4 * held + 2, f"{steps} steps in {held:.1f} s at 4 steps a second"
    assert frame.evaluate("() => window.map.__probe") == "same map", "the map was remounted"
    # Pause stops on what the browser showed when clicked: at most a frame that arrived between reading the
    # slider and the click, and one the timer asked for just after it (it reports the slider of that moment)
    assert 0 <= (window_of(page)[0] - shown).days <= 14, "Pause went on past the frame shown"
    # the address, the figures, the sentence, the chart's window and the table all name the frame shown
    first, last = window_of(page)
    assert (last - first).days == 30
    body = page.inner_text("body")
    assert metric(page, "Incidents") == cli_count(cli, "--from", first.isoformat(), "--to", last.isoformat())
    span = dates.format_range(first, last, "en")
    sentence = page.locator(".map-sentence", has_text=span)         # the live region under the map
    assert sentence.count() == 1, span
    assert f"the shaded band is the window ({span}, " in body                 # the chart's summary
    assert f"Peace zones and control on {dates.format_date(last.isoformat(), 'day', 'en')}" in body
    slider = page.locator(".st-key-window").inner_text()
    assert first.isoformat() in slider and last.isoformat() in slider


def test_a_step_is_not_undone_by_a_map_report_sent_before_the_browser_heard_of_it(watched, app_url):
    """The bug: the Step's run moved the window; before the browser received it, the map reported a pan,
    and that report carried the slider's old window, which set the window back. Here the server's messages
    are held back while the map is panned, so the report is sure to carry the old window."""
    page = watched.page
    held, holding, sockets = [], [False], []

    def route(ws):
        server = ws.connect_to_server()
        sockets.append(ws)
        server.on_message(lambda m: held.append(m) if holding[0] else ws.send(m))

    page.route_web_socket(re.compile(r".*/_stcore/stream"), route)
    watched.open(app_url + "/?from=2016-01-01&to=2016-01-31&lang=en")
    whole_page(watched)
    frame = leaflet(page)
    before = window_of(page)
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()

    holding[0] = True
    page.locator(".st-key-step button").click()
    page.wait_for_timeout(500)                         # the step's run is done; its messages wait
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2 + 40, steps=6)
    page.mouse.up()
    frame.wait_for_function("() => window.__GLOBAL_DATA__.previous_data.center !== undefined")
    page.wait_for_timeout(1500)                        # the map's report (debounced 250 ms) has gone out
    while held:
        sockets[0].send(held.pop(0))
    holding[0] = False
    page.wait_for_function("() => location.search.includes('zoom=')", timeout=30_000)
    page.wait_for_timeout(1500)
    watched.wait_idle()
    assert window_of(page) == (dt.date(2016, 2, 1), dt.date(2016, 2, 29)) != before
