"""Incident popups: every field escaped, links only http(s), mirrors marked, translations marked."""

import pandas as pd
import pytest

from territorio.map import popups

ROW = {"id": "X-1", "date": "2019-02-12", "date_end": "", "date_precision": "day", "type": "massacre",
       "title_en": "<script>alert('t')</script>", "title_es": "t", "actors_en": "<b>gang</b>", "actors_es": "a",
       "summary_en": "<img src=x onerror=alert(1)>", "summary_es": "resumen", "fatalities_min": 14,
       "fatalities_max": 24, "location_precision": "sector_proxy",
       "summary_es_translated": "translated from the English summary by the Territorio team"}


def src(url, mirror="false", outlet="Outlet <i>", host="h.example"):
    return {"url": url, "mirror": mirror, "outlet": outlet, "host": host}


def test_every_field_is_escaped():
    out = popups.incident_popup(ROW, [src("https://a.example/x")], "Massacre", "en")
    assert "<script>" not in out and "<img" not in out and "<b>gang" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x" in out and "Outlet &lt;i&gt;" in out


@pytest.mark.parametrize("url,linked", [
    ("https://a.example/x", True), ("http://a.example/x", True),
    ("javascript:alert(1)", False), ("data:text/html,<b>x</b>", False), ("JaVaScRiPt:alert(1)", False),
    ("//evil.example/x", False), ("", False),
])
def test_only_http_links(url, linked):
    out = popups.safe_link(url, "label")
    assert ("<a href" in out) == linked
    assert "javascript:" not in out.lower() or not linked


def test_quotes_in_urls_cannot_break_out_of_the_attribute():
    out = popups.safe_link('https://a.example/"onmouseover="alert(1)', "x")
    assert '"onmouseover="' not in out and "&quot;onmouseover=&quot;" in out


def test_range_date_precision_mirror_and_translation_are_shown():
    out = popups.incident_popup(ROW, [src("https://m.example/x", mirror="true", outlet="Efecto Cocuyo",
                                          host="cocuyo.1eye.us")], "Masacre", "es")
    assert "14-24" in out and "12 feb 2019" in out and "día exacto" in out
    assert "copia leída en cocuyo.1eye.us" in out and "traducción del inglés" in out


def test_unknown_toll_is_not_zero():
    assert popups.fatalities_text(pd.NA, pd.NA, "en") == "no figure reported"
    assert popups.fatalities_text(0, 0, "en") == "0"


def test_imported_popup_escapes_the_file_text_and_names_its_origin():
    from territorio.map.popups import imported_popup

    row = {"title_en": "<img src=x onerror=alert(1)>", "date": "2020-05-09", "date_precision": "day", "date_end": "",
           "type": "imported", "type_original": "Attack <b>", "fatalities_min": 2, "fatalities_max": 2,
           "actors_en": "A & B", "summary_en": "s", "summary_es_translated": "", "location_precision": "as_given",
           "sources": "https://example.org/a | javascript:alert(1)", "dataset": "my<file>.csv", "row": 7}
    html_ = imported_popup(row, "en")
    assert "<img" not in html_ and "&lt;img" in html_ and "Attack &lt;b&gt;" in html_
    assert 'href="https://example.org/a"' in html_ and "javascript:" not in html_.split("href=")[-1].split(">")[0]
    assert "my&lt;file&gt;.csv, row 7" in html_


def test_only_translated_summaries_say_so():
    from territorio.map.popups import incident_popup

    row = {"title_es": "t", "date": "2019", "date_precision": "year", "date_end": "", "fatalities_min": 1,
           "fatalities_max": 1, "actors_es": "a", "summary_es": "s", "location_precision": "site_point"}
    assert "traducción" in incident_popup({**row, "summary_es_translated": "translated by the team"}, [], "x", "es")
    assert "traducción" not in incident_popup({**row, "summary_es_translated": ""}, [], "x", "es")
