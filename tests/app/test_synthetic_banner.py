"""With synthetic data (`territorio serve --synthetic N`), every page says so, in both languages; without
it, no page does and the map shows the catalog."""

import pytest

from territorio import settings
from tests.app import opened

PAGES = ["pages/explore.py", "pages/sources.py", "pages/profile.py", "pages/study.py"]
BANNER = {"en": "SYNTHETIC DATA: 3,000 generated incidents (seed 4)", "es": "DATOS SINTÉTICOS: 3.000 incidentes"}


def banners(at):
    return [e.value for e in at.error if "SYNTHETIC" in e.value or "SINTÉTICOS" in e.value]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_shows_the_banner(monkeypatch, path, lang):
    monkeypatch.setenv(settings.SYNTHETIC.name, "3000:4")
    at = opened(path, 90, lang=lang)
    assert not at.exception
    assert len(banners(at)) == 1 and banners(at)[0].startswith(BANNER[lang])


def test_the_map_counts_the_synthetic_incidents(monkeypatch):
    monkeypatch.setenv(settings.SYNTHETIC.name, "3000:4")
    at = opened("pages/explore.py", 90, lang="en")
    assert not at.exception
    assert int(at.metric[0].value.replace(",", "")) > 100      # the catalog has 44 incidents in all


def test_no_banner_by_default(monkeypatch):
    monkeypatch.delenv(settings.SYNTHETIC.name, raising=False)
    at = opened("pages/explore.py", 90, lang="en")
    assert not at.exception and not banners(at)
