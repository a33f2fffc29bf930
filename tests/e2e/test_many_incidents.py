"""Many incidents in real Chromium: synthetic data behind a banner, hexagon counts with their legend note,
and the points of a zoomed-in view with popups - with no JavaScript error and nothing leaving the machine."""

import pytest

from territorio import settings
from territorio.paths import REPO_ROOT
from tests.e2e.conftest import serve

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def synthetic_url(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("synthetic"), env={settings.SYNTHETIC.name: "20000:1"}) as url:
        yield url


def test_hexagons_with_a_note_and_a_banner(watched, synthetic_url):
    watched.open(synthetic_url + "/?from=2013-01-01&to=2023-12-31")
    assert "SYNTHETIC DATA" in watched.page.inner_text("body")
    frame = watched.map_frame()
    frame.locator(".leaflet-incidents-pane canvas").first.wait_for(timeout=60_000)
    legend = frame.locator(".territorio-legend")
    legend.wait_for(timeout=30_000)
    assert "counts per hexagon; zoom in to see points" in legend.text_content()
    assert watched.external == []


def test_a_smaller_selection_is_points_on_a_canvas(watched, synthetic_url):
    watched.open(synthetic_url + "/?from=2019-01-01&to=2019-02-28")
    frame = watched.map_frame()
    legend = frame.locator(".territorio-legend")
    legend.wait_for(timeout=60_000)
    frame.locator(".leaflet-incidents-pane canvas").first.wait_for(timeout=30_000)
    assert "hexagon" not in legend.text_content() and "Circle size" in legend.text_content()
    assert watched.external == []


def test_zoomed_in_on_many_draws_the_points_in_view(watched, synthetic_url):
    watched.open(synthetic_url + "/?from=2013-01-01&to=2023-12-31&lat=10.4786&lon=-66.9282&zoom=17")
    frame = watched.map_frame()
    legend = frame.locator(".territorio-legend")
    legend.wait_for(timeout=60_000)
    # the map reports its bounds once drawn; the page then draws only the points in view
    for _ in range(60):
        if "in view" in legend.text_content():
            break
        watched.page.wait_for_timeout(500)
    assert "Showing the" in legend.text_content()
    assert watched.external == []


def _bench(*args: str) -> dict:
    """`territorio bench ... --json` as its own process, as an analyst runs it (and away from this test
    session's Playwright event loop)."""
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import sys; from territorio.cli.main import main; sys.exit(main())",
                           "bench", *args, "--json"], capture_output=True, text=True, timeout=600, cwd=REPO_ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_the_benchmark_measures_a_first_paint_on_fresh_servers():
    """`territorio bench` opens the page in Chromium on fresh servers until the incidents are painted."""
    figures = _bench("--incidents", "2000", "--steps", "2", "--baseline-sizes", "", "--first-paint-runs", "1")
    assert "first_paint_error" not in figures, figures.get("first_paint_error")
    assert len(figures["first_paint_runs_s"]) == 1 and figures["first_paint_s"] == figures["first_paint_runs_s"][0] > 0


def test_two_viewers_at_once_step_and_open_links_without_errors():
    """`territorio bench --sessions` in small: two Chromium viewers for a few seconds on a fresh server."""
    figures = _bench("--sessions", "2", "--incidents", "3000", "--duration", "3")
    assert figures["errors"] == [] and figures["updates"] >= 2
    assert figures["update_ms_p95"] >= figures["update_ms_p50"] > 0
    assert figures["server_peak_rss_mb"] > 0 and figures["server_cpu_s"] > 0


def test_the_viewer_benchmark_steps_and_plays_in_chromium():
    """`territorio bench --viewer` in small: Step clicks timed to the map redrawn, a few seconds of Play, the
    server's CPU, all beside the calibration run (shape only: speed is not asserted)."""
    figures = _bench("--viewer", "--no-catalog", "--incidents", "2000", "--steps", "2", "--play-seconds", "3")
    small = figures["2000"]
    assert small["synthetic"] and small["errors"] == [] and not small["map_remounted"]
    assert small["step_ms_p95"] >= small["step_ms_p50"] > 0 and small["step_clicks_lost"] == 0
    assert small["play_updates"] >= 1 and small["server_cpu_ms_per_update"] > 0
    assert figures["calibration_s"] > 0 and small["step_ms_p50_per_cal"] > 0
