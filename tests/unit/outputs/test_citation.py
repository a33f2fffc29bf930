"""'Cite this view': citation text in both languages, and a link whose query reopens the same filters."""

import datetime as dt
from urllib.parse import parse_qs, urlparse

import pytest

from territorio import settings
from territorio.outputs import citation
from territorio.selection.filters import FilterSpec

SPEC = FilterSpec(date_from=dt.date(2019, 2, 1), date_to=dt.date(2019, 2, 28), areas=("VE010108", "cota_905"),
                  types=("homicide",), actors=("koki", "el_vampi"))
ACCESSED = dt.date(2026, 11, 25)


@pytest.mark.parametrize("lang, expected", [
    ("en", "Territorio: territorial control, peace zones and violence in Caracas. Data version 0.1.0. "
           "Accessed 25 Nov 2026. https://territorio.example/?"),
    ("es", "Territorio: control territorial, zonas de paz y violencia en Caracas. Versión de los datos 0.1.0. "
           "Consultado el 25 nov 2026. https://territorio.example/?"),
])
def test_citation_text_per_language(lang, expected):
    assert citation.cite(SPEC, lang, "0.1.0", ACCESSED, base="https://territorio.example/").startswith(expected)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_link_carries_every_filter_with_repeated_keys(lang):
    link = citation.view_link(SPEC, lang, base="https://territorio.example/")
    query = parse_qs(urlparse(link).query)
    assert query == {"from": ["2019-02-01"], "to": ["2019-02-28"], "area": ["VE010108", "cota_905"],
                     "type": ["homicide"], "actor": ["koki", "el_vampi"], "lang": [lang]}


def test_empty_spec_links_only_the_language():
    assert citation.view_link(FilterSpec(), "es", base="http://x/") == "http://x/?lang=es"


def test_public_address_comes_from_the_setting(monkeypatch):
    monkeypatch.delenv(settings.PUBLIC_URL.name, raising=False)
    assert citation.view_link(FilterSpec(), "en").startswith("http://localhost:8501/?")
    monkeypatch.setenv(settings.PUBLIC_URL.name, "https://news.example/territorio/")
    assert citation.view_link(FilterSpec(), "en").startswith("https://news.example/territorio/?")


@pytest.mark.parametrize("lang, words", [("en", "cannot carry that data"), ("es", "no puede llevar esos datos")])
def test_uploaded_data_is_flagged(lang, words):
    assert words not in citation.cite(SPEC, lang, "0.1.0", ACCESSED)
    assert words in citation.cite(SPEC, lang, "0.1.0", ACCESSED, uploaded=True)


def test_view_in_words_leads_the_citation():
    text = citation.cite(FilterSpec(), "en", "0.1.0", ACCESSED, view="Incidents, all dates; all areas.")
    assert text.startswith("View: Incidents, all dates; all areas. Territorio:")


def test_link_to_a_page():
    spec = FilterSpec(areas=("cota_905",))
    assert citation.view_link(spec, "es", base="https://x.example/app/", page="profile") == \
        "https://x.example/app/profile?area=cota_905&lang=es"
    text = citation.cite_link("https://x.example/study?date=2015-07-13", "en", "0.1.0", ACCESSED)
    assert text.endswith("Accessed 25 Nov 2026. https://x.example/study?date=2015-07-13")
