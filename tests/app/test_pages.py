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


def test_map_page_states_the_attribution_and_what_is_shown():
    at = run("pages/explore.py")
    text = " ".join(c.value for c in at.caption) + " ".join(m.value for m in at.markdown)
    assert "OCHA / INE Venezuela, CC BY-IGO" in text
    import re
    assert re.search(r"\d+ incidents, [\d-]+ killed, .* \d+ not mapped, \d+ date-uncertain", text), text


def test_switching_language_rerenders_in_spanish():
    at = run("pages/explore.py", lang="en")
    at.radio(key="lang").set_value("es").run()
    assert "control territorial" in at.title[0].value


def test_map_page_metric_counts_the_window_like_the_cli():
    import subprocess
    import sys
    import datetime as dt

    at = run("pages/explore.py")
    at.slider(key="window").set_value((dt.date(2019, 2, 1), dt.date(2019, 2, 28))).run()
    assert not at.exception
    metric = next(m for m in at.metric if m.label == "Incidents")
    cli = subprocess.run([sys.executable, "-m", "territorio.cli", "incidents", "--from", "2019-02-01",
                          "--to", "2019-02-28", "--count"], capture_output=True, text=True)
    assert metric.value == cli.stdout.strip() == "1"
