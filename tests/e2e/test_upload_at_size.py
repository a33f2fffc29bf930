"""A newsroom file of 20,000 incidents (synthetic, preloaded with TERRITORIO_DATA) on the map in real Chromium:
counts per hexagon in the file's own grey look as the map opens, its points on the shared canvas when zoomed in,
where both its points and the catalog's open their popups on a real click, and a hostile row's text stays text."""

import pandas as pd
import pytest

from loaders import catalog as catalog_loader
from territorio.catalog import synthetic
from tests.e2e.conftest import serve

pytestmark = pytest.mark.e2e

ROWS = 20_000
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
COTA_905 = (10.48562, -66.93107)
HOSTILE_AT = (COTA_905[0] + 0.0008, COTA_905[1] + 0.0025)     # in the zoom-17 view, clear of the catalog
# points and of the spiral the ~20 Cota 905 incidents spread into when their cluster opens (data 0.2.0)
PARISH_SPOT = (10.5005, -66.9146)                               # inside a parish, under the file's hexagons
ZOOMED = f"/?from=2013-01-01&to=2023-12-31&lat={COTA_905[0]}&lon={COTA_905[1]}&zoom=17"


@pytest.fixture(scope="module")
def newsroom_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("newsroom")
    path = folder / "newsroom.csv"
    path.write_bytes(synthetic.upload_csv(catalog_loader.load(), ROWS - 1, seed=1))
    hostile = pd.DataFrame([{"id": "HOSTILE-1", "date": "2019-02-12", "lat": HOSTILE_AT[0], "lon": HOSTILE_AT[1],
                             "type": "homicide", "title": HOSTILE_TITLE, "fatalities": "1",
                             "sources": "javascript:alert(2)"}])
    with open(path, "a", encoding="utf-8") as f:
        hostile.to_csv(f, header=False, index=False)
    with serve(folder, env={"TERRITORIO_DATA": str(path)}) as url:
        yield url


def _legend_text(watched, wanted: str) -> str:
    """The legend once it says `wanted` (the map reports its view after drawing, and the page redraws); read
    whether folded to its button or open (the map's layout folds it when it would cover a fifth of the map)."""
    legend = watched.map_frame().locator(".territorio-legend")
    legend.wait_for(timeout=60_000)
    for _ in range(120):
        text = legend.text_content()
        if wanted in text:
            return text
        watched.page.wait_for_timeout(500)
    raise AssertionError(f"the legend never said {wanted!r}: {legend.text_content()}")


def test_as_the_map_opens_the_file_is_counted_per_hexagon_in_its_own_look(watched, newsroom_url, tmp_path):
    watched.open(newsroom_url + "/?from=2013-01-01&to=2023-12-31")
    text = _legend_text(watched, "Your data: newsroom, incidents per hexagon")
    frame = watched.map_frame()
    assert "incidents shown as counts per hexagon" in text
    assert frame.locator(".leaflet-incidents-pane canvas").count() == 1      # one canvas for every layer
    assert frame.locator("path.upload").count() == 0                         # no marker per row
    assert frame.locator(".leaflet-marker-icon").count() < 50                # the catalog's few clusters only
    watched.page.locator('iframe[title="streamlit_folium.st_folium"]').screenshot(path=tmp_path / "hexagons.png")
    # a click through a hexagon still selects the parish beneath it (the canvas lets clicks through)
    assert "area=" not in watched.page.url
    _click_at(watched, *PARISH_SPOT)
    watched.page.wait_for_function("() => location.search.includes('area=')", timeout=30_000)
    assert watched.external == []


def _click_at(watched, lat: float, lon: float) -> None:
    """A real mouse click where the map draws (lat, lon)."""
    iframe = watched.page.locator('iframe[title="streamlit_folium.st_folium"]')
    iframe.scroll_into_view_if_needed()
    box = iframe.bounding_box()
    point = iframe.element_handle().content_frame().evaluate(      # st_folium's map is the global map_div
        "ll => { const p = map_div.latLngToContainerPoint(ll); return [p.x, p.y]; }", [lat, lon])
    watched.page.mouse.click(box["x"] + point[0], box["y"] + point[1])


INSIDE_THE_MAP = """([selector, under]) => {
  const r = map_div.getContainer().getBoundingClientRect(), canvas = map_div._territorioIncidents;
  const covered = (x, y) => {             // something drawn on the incidents canvas, which lies above
    const point = map_div.containerPointToLayerPoint([x - r.left, y - r.top]);
    for (let o = canvas._drawFirst; o; o = o.next) { if (o.layer._containsPoint(point)) { return true; } }
    return false;
  };
  for (const p of document.querySelectorAll(selector)) {
    const b = p.getBoundingClientRect(), x = b.left + b.width / 2, y = b.top + b.height / 2;
    if (b.width && x > r.left + 20 && x < r.right - 20 && y > r.top + 20 && y < r.bottom - 20
        && !(under && covered(x, y))) {
      return [x, y];
    }
  }
  return null;
}"""


def _click_inside(watched, selector: str, under_canvas: bool = False) -> bool:
    """A real mouse click on the first element matching `selector` whose centre lies well inside the map (and,
    for what lies under the incidents canvas, where nothing is drawn on it)."""
    iframe = watched.page.locator('iframe[title="streamlit_folium.st_folium"]')
    box = iframe.bounding_box()
    spot = iframe.element_handle().content_frame().evaluate(INSIDE_THE_MAP, [selector, under_canvas])
    if spot:
        watched.page.mouse.click(box["x"] + spot[0], box["y"] + spot[1])
    return spot is not None


def test_zoomed_in_points_and_catalog_points_both_open_their_popups(watched, newsroom_url, tmp_path):
    dialogs = []
    watched.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    watched.open(newsroom_url + ZOOMED)
    text = _legend_text(watched, "Incident from your file (dotted ring)")
    assert "per hexagon" not in text.split("Your data: newsroom")[1]
    frame = watched.map_frame()
    frame.locator(".leaflet-incidents-pane canvas").first.wait_for(timeout=30_000)
    watched.wait_idle()
    # the catalog's few incidents here are an SVG layer, under the incidents canvas: spread a cluster, open one
    popup = frame.locator(".incident-popup")
    for _ in range(5):
        if _click_inside(watched, "path.incident", under_canvas=True):
            break
        assert _click_inside(watched, ".marker-cluster"), "no catalog cluster in view"
        watched.page.wait_for_timeout(1200)
    popup.wait_for(timeout=10_000)
    assert "From your file" not in popup.inner_text() and popup.locator("a").count() >= 1
    frame.locator(".leaflet-container").first.focus()     # Escape closes it, as a keyboard user would: the
    watched.page.keyboard.press("Escape")                 # close button can sit under the page's reruns' redraw
    popup.wait_for(state="detached", timeout=10_000)   # else the next wait could see the closing catalog popup
    # an uploaded point on the canvas (which lies over that SVG) opens on a real click; its text stays text
    _click_at(watched, *HOSTILE_AT)
    popup.wait_for(timeout=10_000)
    assert HOSTILE_TITLE in popup.inner_text() and "From your file newsroom, row" in popup.inner_text()
    assert frame.locator("img[src=x]").count() == 0 and popup.locator("a").count() == 0
    watched.page.locator('iframe[title="streamlit_folium.st_folium"]').screenshot(path=tmp_path / "points.png")
    assert dialogs == [] and watched.external == []
