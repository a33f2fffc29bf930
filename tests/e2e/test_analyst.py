"""The analyst pages in real Chromium: deep links open cold, charts draw offline, nothing leaves the machine."""

import pytest

pytestmark = pytest.mark.e2e


def test_study_deep_link_draws_its_chart_offline(watched, app_url):
    watched.open(app_url + "/study?date=2015-07-13&window=24&lang=es")
    assert "Antes y después" in watched.page.locator("h1").first.inner_text()
    chart = watched.page.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for(timeout=30_000)
    chart.locator("canvas, svg").first.wait_for(timeout=30_000)
    body = watched.page.inner_text("body")
    assert "no un conteo completo" in body
    assert watched.external == [], f"requests left the machine: {watched.external}"


def test_profile_deep_link_opens_the_area(watched, app_url):
    watched.open(app_url + "/profile?area=VE010112")
    assert "La Vega" in watched.page.locator("h1").first.inner_text()
    assert "doubtful" in watched.page.inner_text("body")
    assert watched.external == []
