"""Every page runs under Streamlit's AppTest without an exception, in both languages."""

import pytest

from tests.app import opened

PAGES = ["app.py", "pages/explore.py", "pages/sources.py", "pages/profile.py", "pages/study.py"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_page_runs_without_exception(path, lang):
    at = opened(path, lang=lang)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


def test_map_page_title_follows_the_language():
    assert "territorial control" in opened("pages/explore.py", lang="en").title[0].value
    assert "control territorial" in opened("pages/explore.py", lang="es").title[0].value


def test_unknown_language_falls_back_to_english():
    at = opened("pages/explore.py", lang="klingon")
    assert not at.exception
    assert at.radio(key="lang").value == "en"


def test_map_page_states_the_attribution():
    at = opened("pages/explore.py")
    assert "OCHA / INE Venezuela, CC BY-IGO" in " ".join(c.value for c in at.caption)


def test_switching_language_rerenders_in_spanish():
    at = opened("pages/explore.py", lang="en")
    at.radio(key="lang").set_value("es").run()
    assert "control territorial" in at.title[0].value
