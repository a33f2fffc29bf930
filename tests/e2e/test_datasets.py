"""A new analyst's path in real Chromium (issue 15): a synthetic ACLED-layout register of Caracas imported on
Your data and kept, the server restarted, a shared link opened on it, and every page counting what
`territorio incidents --data ID --count` counts for the same filters. Screenshots of each page go to
test-artifacts/ (look at them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from territorio.catalog import register
from territorio.paths import REPO_ROOT

from .conftest import Watched, serve

pytestmark = pytest.mark.e2e
ARTIFACTS = REPO_ROOT / "test-artifacts"
PLAN = register.Plan(n=3000, seed=11, areas=("cota_905",), ratio=3.0)
NAME = "ACLED Caracas (synthetic)"


def _metric(w: Watched) -> int:
    value = w.page.locator("[data-testid='stMetricValue']").first.inner_text()
    return int(value.replace(",", "").replace(".", ""))


def _shot(w: Watched, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    w.page.screenshot(path=str(ARTIFACTS / f"datasets-{name}.png"), full_page=True)


def _keep_in_the_browser(w: Watched, url: str, path: Path) -> str:
    w.open(url + "/upload")
    w.page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(str(path))
    w.page.get_by_text("0 rejected").first.wait_for(timeout=60_000)
    w.wait_idle()
    form = w.page.locator("[data-testid='stForm']").first
    name = form.locator("input[type=text]").first
    name.fill(NAME)
    form.locator("input[type=text]").nth(1).fill("CC0 (synthetic)")
    form.get_by_role("button").click()
    w.page.get_by_text("Kept as").wait_for(timeout=60_000)
    w.wait_idle()
    said = w.page.get_by_text("Kept as").inner_text()
    _shot(w, "your-data")
    return said.rsplit("(", 1)[1].split(")")[0]


def test_a_register_kept_in_the_browser_survives_a_restart_and_counts_the_same_everywhere(browser, tmp_path, cli,
                                                                                         cat):
    ws = tmp_path / "workspace"
    env = {"TERRITORIO_WORKSPACE": str(ws)}
    path = tmp_path / "acled_caracas_synthetic.csv"
    path.write_text(register.acled_csv(cat, PLAN), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    w = Watched(context.new_page())
    with serve(tmp_path, env) as url:
        dataset_id = _keep_in_the_browser(w, url, path)
    assert json.loads(cli("datasets", "--json", env=env).out)[0]["id"] == dataset_id

    def count(*args: str) -> int:
        out = cli("incidents", "--data", dataset_id, "--count", *args, env=env)
        assert out.code == 0, out.err
        return int(out.out)

    with serve(tmp_path, env) as url:        # a fresh server: nothing kept is lost
        for query, args in [("", []), ("&type=Battles%3A+Armed+clash", ["--type", "Battles: Armed clash"]),
                            ("&from=2021-07-09&to=2022-07-08&area=cota_905",
                             ["--from", "2021-07-09", "--to", "2022-07-08", "--area", "cota_905"]),
                            ("&catalog=1", ["--with-catalog"])]:
            w.open(f"{url}/?dataset={dataset_id}{query}")
            assert _metric(w) == count(*args), query
            assert NAME in w.page.inner_text("body")
        _shot(w, "map")
        w.open(f"{url}/profile?dataset={dataset_id}&area=cota_905")
        figures = json.loads(cli("profile", "--area", "cota_905", "--data", dataset_id, "--json", env=env).out)
        assert f"{figures['incidents']:,} incidents in {NAME}" in w.page.inner_text("body")
        _shot(w, "profile")
        w.open(f"{url}/study?dataset={dataset_id}&date=2021-07-09&designation=pz_cota_905")
        body = w.page.inner_text("body")
        assert "No estimate" not in body and "95%" in body and NAME in body
        _shot(w, "study")
    context.close()
    assert not w.errors, w.errors
    assert w.external == []
