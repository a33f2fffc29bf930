"""The published explorer in real Chromium, opened from file:// with every other request blocked (and from a plain
static server): the same counts as `territorio incidents --count` and the same sentence as the app for a range of
filters, what held on a day as catalog/asof says, playback steps as selection/playback, popups with every source,
hostile text that never runs, and embed.html inside an <iframe> of an unrelated page."""

import datetime as dt
from urllib.parse import urlencode

import pytest

from benchmarks.publish import READY, publish, sealed_page, static_server
from territorio.catalog import asof
from territorio.catalog.model import sources_by_event
from territorio.publish import payload
from territorio.selection import describe, filters, playback
from tests.e2e.conftest import HOSTILE, hostile_geodata

pytestmark = pytest.mark.e2e
PORTS = (8680, 8681)    # this test file's static servers


@pytest.fixture(scope="module")
def catalog_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("published") / "catalog"
    publish(out)
    return out


@pytest.fixture
def sealed(browser):
    s = sealed_page(browser)
    yield s
    s.page.context.close()
    assert not s.errors, f"JavaScript errors or refused resources: {s.errors}"
    assert not s.blocked, f"requests that left the page: {s.blocked}"


def open_at(sealed, index, query: dict) -> None:
    """The page loaded afresh at the address (a change of the hash alone would redraw after READY is seen)."""
    sealed.page.goto("about:blank")
    sealed.page.goto(index.as_uri() + "#" + urlencode(query))
    sealed.page.wait_for_selector(READY, timeout=30_000)


def page_numbers(sealed) -> tuple[int, str]:
    return sealed.page.evaluate("() => [window.territorioExplorer.count(), window.territorioExplorer.sentence()]")


def cli_args(query: dict) -> list[str]:
    names = {"from": "--from", "to": "--to", "min": "--min-fatalities"}
    out = []
    for key, value in query.items():
        if key in ("area", "type", "actor"):
            out += [a for v in value.split(",") for a in (f"--{key}", v)]
        elif key in names:
            out += [names[key], str(value)]
    return out


def app_sentence(cat, joined, query: dict, span, lang: str) -> str:
    spec = filters.resolve(cat, date_from=query.get("from", span[0].isoformat()),
                           date_to=query.get("to", span[1].isoformat()),
                           areas=[a for a in query.get("area", "").split(",") if a],
                           types=[a for a in query.get("type", "").split(",") if a],
                           actors=[a for a in query.get("actor", "").split(",") if a],
                           min_fatalities=int(query.get("min", 0)))
    return describe.sentence(cat, spec, describe.summarise(joined, filters.apply(cat, joined, spec)), lang)


FILTERS = [
    {},
    {"from": "2019-02-01", "to": "2019-02-28"},
    {"from": "2015-01-01", "to": "2015-12-31", "lang": "es"},
    {"area": "cota_905"},
    {"area": "VE010109,VE151901", "from": "2013-01-01", "to": "2021-12-31"},
    {"type": "massacre"},
    {"type": "homicide,clash_security", "lang": "es"},
    {"actor": "koki"},
    {"actor": "koki_gang", "from": "2021-07-01", "to": "2021-07-31"},
    {"min": 5},
    {"min": 3, "type": "massacre,security_operation", "from": "2014-06-01", "to": "2019-06-30", "lang": "es"},
    {"from": "2017-03-15", "to": "2017-03-15"},
]


@pytest.mark.parametrize("query", FILTERS, ids=[urlencode(q) or "all" for q in FILTERS])
def test_the_pages_count_and_sentence_equal_the_cli_and_the_app(sealed, catalog_dir, cli, cat, joined, query):
    open_at(sealed, catalog_dir / "index.html", query)
    count, sentence = page_numbers(sealed)
    ran = cli("incidents", "--count", *cli_args(query))
    assert ran.code == 0, ran.err
    assert count == int(ran.out)
    assert sentence == app_sentence(cat, joined, query, playback.span_of(joined), query.get("lang", "en"))


def test_filters_set_with_the_controls_count_as_the_cli_and_go_into_the_address(sealed, catalog_dir, cli):
    page = sealed.page
    open_at(sealed, catalog_dir / "index.html", {})
    page.fill("#from", "2015-01-01")
    page.dispatch_event("#from", "change")
    page.fill("#to", "2021-12-31")
    page.dispatch_event("#to", "change")
    page.select_option("#type", ["massacre", "security_operation"])
    page.fill("#min", "2")
    page.dispatch_event("#min", "change")
    count, _ = page_numbers(sealed)
    ran = cli("incidents", "--count", "--from", "2015-01-01", "--to", "2021-12-31", "--type", "massacre",
              "--type", "security_operation", "--min-fatalities", "2")
    assert count == int(ran.out) > 0
    hash_ = page.evaluate("() => location.hash")
    assert "from=2015-01-01" in hash_ and "type=massacre%2Csecurity_operation" in hash_ and "min=2" in hash_
    page.goto("about:blank")
    page.goto((catalog_dir / "index.html").as_uri() + hash_)      # the shared address opens the same selection
    page.wait_for_selector(READY)
    assert page_numbers(sealed)[0] == count
    page.click("#lang")                                             # the reader switches to Spanish
    assert page.inner_text("#type-label") == "Tipo de incidente" and page_numbers(sealed)[1].startswith(
        f"{count} incidentes (masacre y operativo de seguridad) con al menos 2 muertos, ")
    assert "lang=es" in page.evaluate("() => location.hash")
    massacres = int(cli("incidents", "--count", "--type", "massacre").out)
    page.evaluate("() => { location.hash = '#type=massacre&lang=en&lat=10.49&lon=-66.9&zoom=14'; }")   # followed link
    page.wait_for_function(f"() => window.territorioExplorer.count() === {massacres}", timeout=5_000)
    assert page.evaluate("() => [document.getElementById('type-label').textContent, location.hash]")[1].endswith(
        "zoom=14") and page.inner_text("#type-label") == "Incident type"


@pytest.mark.parametrize("day", ["2015-07-12", "2015-07-14", "2017-06-01", "2019-02-12", "2021-07-10", "2023-12-31"])
def test_what_held_on_a_day_is_what_asof_says(sealed, catalog_dir, cat, day):
    open_at(sealed, catalog_dir / "index.html", {})
    got = sealed.page.evaluate(f"() => window.territorioExplorer.standing({payload.day(dt.date.fromisoformat(day))})")
    z, c = asof.zones_as_of(cat, dt.date.fromisoformat(day)), asof.control_as_of(cat, dt.date.fromisoformat(day))
    assert sorted(map(tuple, got["zones"])) == sorted(zip(z["designation_id"], z["status"], z["tentative"].astype(bool),
                                                          z["conflict"].astype(bool)))
    assert sorted(map(tuple, got["control"])) == sorted(zip(c["sector_id"], c["group_id"], c["tentative"].astype(bool),
                                                            c["conflict"].astype(bool)))


STEPS = [("month", ("2019-01-01", "2019-01-31")), ("week", ("2019-02-04", "2019-02-10")),
         ("year", ("2013-01-01", "2014-12-31")), ("month", ("2019-01-31", "2019-03-30"))]


@pytest.mark.parametrize("unit, start", STEPS)
def test_a_step_moves_the_window_as_playback_does(sealed, catalog_dir, joined, unit, start):
    page = sealed.page
    open_at(sealed, catalog_dir / "index.html", {"from": start[0], "to": start[1], "unit": unit})
    window = tuple(dt.date.fromisoformat(d) for d in start)
    for _ in range(3):
        window = playback.step(window, playback.span_of(joined), unit)
        page.click("#step")
        assert (page.input_value("#from"), page.input_value("#to")) == (window[0].isoformat(), window[1].isoformat())


def test_play_runs_and_pauses(sealed, catalog_dir):
    page = sealed.page
    open_at(sealed, catalog_dir / "index.html", {"unit": "year"})
    page.click("#play")
    assert page.input_value("#to") == "2013-12-31"           # the whole span shrinks to one unit at its start
    page.wait_for_function("() => document.getElementById('to').value !== '2013-12-31'", timeout=5_000)
    page.click("#play")
    assert page.get_attribute("#play", "aria-pressed") == "false"


def test_a_popup_lists_every_source_as_a_link_and_its_precision(sealed, catalog_dir, cat, joined):
    row = joined[joined["mapped"] & (joined["id"] == "CCS-019")].iloc[0]
    open_at(sealed, catalog_dir / "index.html", {"from": str(row["date_lo"])[:10], "to": str(row["date_hi"])[:10],
                                                 "area": row["pcode"], "lat": row["lat"], "lon": row["lon"],
                                                 "zoom": 17})
    page = sealed.page
    page.locator("path.incident").first.dispatch_event("click")
    popup = page.locator(".incident-popup")
    popup.wait_for(timeout=10_000)
    sources = sources_by_event(cat)["CCS-019"]
    assert popup.locator("li").count() == len(sources) > 0
    assert popup.locator("a[href^='http']").count() == sum(str(s["url"]).startswith("http") for s in sources)
    assert row["title_en"] in popup.inner_text() and "Location:" in popup.inner_text()


# --- hostile text ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    """The catalog with attacks in titles, summaries, actors' names and source links (the map page's browser test
    of hostile data uses the same copy), plus the hostile import fixture, published."""
    from loaders import catalog as catalog_loader
    from tests import FIXTURES

    root = tmp_path_factory.mktemp("hostile")
    data = hostile_geodata(root)
    out = root / "published"
    with pytest.MonkeyPatch.context() as m:
        m.setenv("TERRITORIO_GEODATA", str(data))
        publish(out, "--data", str(FIXTURES / "hostile.csv"), "--with-catalog")
    catalog_loader._load.cache_clear()
    return out


def test_hostile_text_is_shown_as_text_and_never_runs(sealed, hostile_dir):
    page = sealed.page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for query in ({"from": "2019-02-12", "to": "2019-02-12", "lat": 10.486, "lon": -66.93, "zoom": 16},   # CCS-019
                  {"from": "2020-01-01", "to": "2020-01-01", "lat": 10.5, "lon": -66.91, "zoom": 16}):  # the import
        open_at(sealed, hostile_dir / "index.html", query)
        markers = page.locator("path.incident")
        assert markers.count() == 1
        markers.first.dispatch_event("click")
        popup = page.locator(".incident-popup")
        popup.wait_for(timeout=10_000)
        assert "<img src=x" in popup.inner_text()                                       # shown as text
        assert popup.locator("img, script, a[href^='javascript']").count() == 0
        assert popup.locator("a").count() == popup.locator("a[href^='http']").count()
    page.select_option("#actor", "koki_gang")
    assert HOSTILE in page.inner_text("#actor") and HOSTILE in page.inner_text("#sentence")
    assert page.evaluate("() => window.__pwned") is None and dialogs == []
    assert page.locator("body img[src='x']").count() == 0


# --- embedded in an article ----------------------------------------------------------------------------

ARTICLE = """<!DOCTYPE html><html><head><title>An unrelated article</title></head><body>
<h1>Newsroom article</h1><p>Text before the map.</p>
<iframe id="map" src="{src}" title="Map" width="100%" height="600" style="border:0"></iframe>
<p>Text after the map.</p></body></html>"""


def frame_ready(page) -> tuple[int, str]:
    frame = page.frame_locator("#map")
    frame.locator(READY).wait_for(state="attached", timeout=30_000)
    return (frame.locator("body").evaluate("() => window.territorioExplorer.count()"),
            frame.locator("#open-full").get_attribute("href"))


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 720)])
def test_embed_html_works_inside_an_iframe_of_a_file_page(browser, catalog_dir, tmp_path, viewport, cli):
    article = tmp_path / "article.html"
    article.write_text(ARTICLE.format(src=(catalog_dir / "embed.html").as_uri() + "#type=massacre"), encoding="utf-8")
    s = sealed_page(browser, viewport)
    s.page.goto(article.as_uri())
    count, full = frame_ready(s.page)
    assert count == int(cli("incidents", "--count", "--type", "massacre").out)
    assert full.startswith("index.html#") and "type=massacre" in full
    s.page.screenshot(path=tmp_path / f"embed-file-{viewport[0]}.png")
    assert not s.errors and not s.blocked
    s.page.context.close()


def test_embed_html_works_inside_an_iframe_served_by_another_host(browser, catalog_dir, tmp_path):
    (tmp_path / "article.html").write_text(ARTICLE.format(src=f"http://127.0.0.1:{PORTS[0]}/embed.html#min=5"),
                                           encoding="utf-8")
    with static_server(catalog_dir, PORTS[0]) as maps, static_server(tmp_path, PORTS[1]) as news:
        s = sealed_page(browser, (1280, 720), allow_hosts=(maps + "/", news + "/"))
        s.page.goto(news + "/article.html")
        count, _ = frame_ready(s.page)
        assert count > 0 and not s.errors and not s.blocked
        s.page.context.close()


# --- the benchmark ----------------------------------------------------------------------------------------

def test_bench_publish_measures_sizes_time_to_interactive_and_steps(cli):
    """`territorio bench --publish` at a small size, so it cannot rot: figures checked for shape, never speed. In
    a thread of its own: its Playwright cannot start where this module's browser already runs an event loop."""
    import json
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        ran = pool.submit(cli, "bench", "--publish", "--incidents", "3000", "--steps", "3", "--first-paint-runs", "1",
                          "--json").result()
    assert ran.code == 0, ran.err
    got = json.loads(ran.out)
    assert got["synthetic_incidents"] == 3000 and 0 < got["catalog_folder_mb"] < 2
    assert 0 < got["synthetic_data_mb"] < got["synthetic_folder_mb"]
    for key in ("catalog_interactive_s", "synthetic_interactive_s", "synthetic_step_month_ms_median",
                "synthetic_step_year_ms_max"):
        assert got[key] > 0, key
