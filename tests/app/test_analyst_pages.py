"""The analyst pages (area profile, before/after study) under AppTest, in both languages."""

import json

import pytest

from tests.app import opened


def text_of(at) -> str:
    parts = [*at.markdown, *at.caption, *at.info, *at.warning]
    return " ".join(p.value for p in parts)


# --- study ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, caveat", [("en", "not a complete count"), ("es", "no un conteo completo")])
def test_study_page_runs_and_states_the_caveat(lang, caveat):
    at = opened("pages/study.py", lang=lang, date="2015-07-13")
    assert not at.exception, at.exception
    assert at.selectbox(key="policy").value == "CCS-010", "?date= picks the policy date on that day"
    assert caveat in text_of(at)


@pytest.mark.parametrize("window", [6, 12, 24])
def test_study_page_counts_equal_the_cli(cli, window):
    at = opened("pages/study.py", date="2015-07-13")
    at.radio(key="window").set_value(window).run()
    assert not at.exception
    page = list(at.dataframe[0].value["Incidents"])
    out = cli("study", "--date", "2015-07-13", "--window", window, "--json")
    assert out.code == 0, out.err
    cells = json.loads(out.out)["cells"]
    assert page == [cells[g][p]["incidents"] for g in ("inside", "outside") for p in ("before", "after")]


def test_study_page_typed_date_and_bad_date():
    at = opened("pages/study.py", date="2019-01-01")
    assert not at.exception
    assert at.selectbox(key="policy").value == "typed"
    assert at.date_input(key="typed_date").value.isoformat() == "2019-01-01"
    at = opened("pages/study.py", date="ayer")
    assert not at.exception
    assert "'ayer'" not in text_of(at) and "ayer" in text_of(at), "the bad value is named"


def test_study_page_says_why_no_estimate():
    at = opened("pages/study.py", date="2015-07-13")
    assert "No estimate" in text_of(at)


# --- profile -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("area, title", [("cota 905", "Cota 905"), ("VE010112", "La Vega"), ("Catedral", "Catedral")])
def test_profile_page_opens_the_area_in_the_url(lang, area, title):
    at = opened("pages/profile.py", lang=lang, area=area)
    assert not at.exception, at.exception
    assert at.title[0].value.startswith(title)


def test_profile_page_shows_doubtful_population_as_such():
    at = opened("pages/profile.py", area="La Vega")
    assert "202,206 (2011, census" in text_of(at)
    assert any("doubtful" in w.value and "SUSPECT" in w.value for w in at.warning)


def test_profile_page_without_population_says_unknown_and_gives_no_rate():
    at = opened("pages/profile.py", lang="es", area="Catedral")
    assert "Población desconocida" in text_of(at)
    assert "100.000" not in text_of(at)


def test_profile_page_unknown_area_is_named_not_a_traceback():
    at = opened("pages/profile.py", area="atlantis")
    assert not at.exception
    assert "atlantis" in text_of(at)


def test_profile_page_selecting_an_area_rerenders():
    at = opened("pages/profile.py", area="cota_905")
    at.selectbox(key="area").set_value("VE010110").run()
    assert not at.exception
    assert at.title[0].value.startswith("El Valle")
    assert len(at.dataframe[0].value) > 0, "El Valle has a timeline"


# --- download and cite ---------------------------------------------------------------------------

def test_profile_page_offers_every_download_and_a_citation_in_spanish():
    at = opened("pages/profile.py", lang="es", area="cota 905")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Tabla (CSV)", "GeoJSON", "GeoPackage", "Imagen del mapa (PNG)", "Imagen del mapa (SVG)"]
    cite = at.code[0].value
    assert "Consultado el" in cite and cite.endswith("/profile?area=cota_905&lang=es")


def test_study_page_reads_designations_from_the_url_and_cites_the_view():
    at = opened("pages/study.py", date="2015-07-13", designation=["pz_cota_905", "pz_nowhere"])
    assert not at.exception
    assert at.multiselect(key="designations").value == ["pz_cota_905"]
    assert "pz_nowhere" in text_of(at).replace("\\", ""), "an unknown id in the URL is named, not silently dropped"
    cite = at.code[0].value
    assert "inside: Cota 905" in cite
    assert cite.endswith("/study?date=2015-07-13&window=12&designation=pz_cota_905&lang=en")
