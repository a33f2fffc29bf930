"""Every page runs under Streamlit's AppTest without an exception, in both languages."""

import pytest
from streamlit.testing.v1 import AppTest

from territorio.paths import REPO_ROOT

PAGES = ["app.py", "pages/explore.py", "pages/sources.py", "pages/profile.py", "pages/study.py"]


def run(path, **params):
    at = AppTest.from_file(str(REPO_ROOT / path), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_page_runs_without_exception(path, lang):
    at = run(path, lang=lang)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


def test_map_page_title_follows_the_language():
    assert "territorial control" in run("pages/explore.py", lang="en").title[0].value
    assert "control territorial" in run("pages/explore.py", lang="es").title[0].value


def test_unknown_language_falls_back_to_english():
    at = run("pages/explore.py", lang="klingon")
    assert not at.exception
    assert at.radio(key="lang").value == "en"


def test_map_page_states_the_attribution():
    at = run("pages/explore.py")
    assert "OCHA / INE Venezuela, CC BY-IGO" in " ".join(c.value for c in at.caption)


def test_switching_language_rerenders_in_spanish():
    at = run("pages/explore.py", lang="en")
    at.radio(key="lang").set_value("es").run()
    assert "control territorial" in at.title[0].value
