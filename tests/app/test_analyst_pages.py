"""The analyst pages (area profile, before/after study) under AppTest, in both languages."""

import json
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from territorio.paths import REPO_ROOT


def run(path, **params):
    at = AppTest.from_file(str(REPO_ROOT / path), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def text_of(at) -> str:
    parts = [*at.markdown, *at.caption, *at.info, *at.warning]
    return " ".join(p.value for p in parts)


# --- study ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, caveat", [("en", "not a complete count"), ("es", "no un conteo completo")])
def test_study_page_runs_and_states_the_caveat(lang, caveat):
    at = run("pages/study.py", lang=lang, date="2015-07-13")
    assert not at.exception, at.exception
    assert at.selectbox(key="policy").value == "CCS-010", "?date= picks the policy date on that day"
    assert caveat in text_of(at)


@pytest.mark.parametrize("window", [6, 12, 24])
def test_study_page_counts_equal_the_cli(window):
    at = run("pages/study.py", date="2015-07-13")
    at.radio(key="window").set_value(window).run()
    assert not at.exception
    page = list(at.dataframe[0].value["Incidents"])
    out = subprocess.run([sys.executable, "-m", "territorio.cli", "study", "--date", "2015-07-13", "--window",
                          str(window), "--json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    cells = json.loads(out.stdout)["cells"]
    assert page == [cells[g][p]["incidents"] for g in ("inside", "outside") for p in ("before", "after")]


def test_study_page_typed_date_and_bad_date():
    at = run("pages/study.py", date="2019-01-01")
    assert not at.exception
    assert at.selectbox(key="policy").value == "typed"
    assert at.date_input(key="typed_date").value.isoformat() == "2019-01-01"
    at = run("pages/study.py", date="ayer")
    assert not at.exception
    assert "'ayer'" not in text_of(at) and "ayer" in text_of(at), "the bad value is named"


def test_study_page_says_why_no_estimate():
    at = run("pages/study.py", date="2015-07-13")
    assert "No estimate" in text_of(at)
