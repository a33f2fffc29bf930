"""The upload page under AppTest: import, report, swap option, Spanish, hostile text, per-session datasets,
the TERRITORIO_DATA preload."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from territorio.paths import REPO_ROOT
from tests import FIXTURES
from tests.app import opened
from tests.fixtures.imports import hostile

HOSTILE = ("<img", "<script")


def page(lang: str = "en") -> AppTest:
    return opened("pages/upload.py", lang=lang)


def upload(at: AppTest, name: str, data: bytes | None = None) -> AppTest:
    data = data if data is not None else (FIXTURES / name).read_bytes()
    at.file_uploader(key="upload_file").set_value((name, data, "application/octet-stream"))
    return at.run()


def shown_text(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "error", "title", "subheader") for e in getattr(at, kind)]
    parts += [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_page_runs_and_has_a_title(lang):
    at = page(lang)
    assert not at.exception
    assert at.title[0].value == {"en": "Your data", "es": "Sus datos"}[lang]


def test_app_navigation_reaches_the_upload_page():
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/upload.py").run()
    assert not at.exception
    assert at.title[0].value == "Your data"


def test_upload_shows_counts_preview_and_keeps_the_dataset_in_the_session():
    at = upload(page(), "broken_rows.csv")
    assert not at.exception
    assert "12 rows, 4 loaded, 8 rejected" in shown_text(at).replace("\\", "")
    preview, rejected = at.dataframe[0].value, at.dataframe[1].value
    assert list(preview["row"]) == [1, 9, 10, 11]
    assert "date 'ayer' is not a date" in " ".join(rejected["Message"])
    assert list(at.session_state["uploads"]) == ["broken-rows"]


def test_swap_checkbox_loads_swapped_rows():
    at = page()
    at.checkbox(key="upload_swap").check()
    at = upload(at, "broken_rows.csv")
    assert "5 loaded, 7 rejected" in shown_text(at).replace("\\", "")


def test_report_reads_in_spanish():
    at = upload(page("es"), "broken_rows.csv")
    text = shown_text(at).replace("\\", "")
    assert "12 filas, 4 cargadas, 8 rechazadas" in text
    assert "la fecha 'ayer' no es una fecha" in " ".join(at.dataframe[1].value["Mensaje"])


def test_a_rejected_file_gets_one_message_not_a_traceback():
    at = upload(page(), "traversal.zip")
    assert not at.exception
    assert "points outside its folder" in at.error[0].value.replace("\\", "")
    assert not at.session_state["uploads"]


def test_hostile_text_is_escaped_everywhere_it_is_shown():
    name = "<img src=x onerror=alert(1)>.csv"
    at = upload(page(), name, (FIXTURES / "hostile.csv").read_bytes())
    assert not at.exception
    text = shown_text(at)
    assert not any(re.search(r"(?<!\\)" + h, text) for h in HOSTILE), text   # every "<" escaped for Markdown
    assert "\\<img src=x onerror=alert\\(1\\)\\>\\.csv" in text            # the file name, shown as text
    assert at.dataframe[0].value["title_en"].iloc[0] == "<img src=x onerror=alert(1)>"  # data grid: plain text
    assert at.dataframe[0].value["sources"].iloc[0] == ""           # javascript: is not a source


def test_uploads_are_per_session():
    first = upload(page(), "good_en.csv")
    assert list(first.session_state["uploads"]) == ["good-en"]
    second = page()
    assert not second.session_state["uploads"]


def test_territorio_data_preloads_every_session(monkeypatch):
    monkeypatch.setenv("TERRITORIO_DATA", str(FIXTURES / "mymaps.kml"))
    for _ in range(2):
        at = page()
        assert not at.exception
        assert list(at.session_state["uploads"]) == ["mymaps"]
        assert at.session_state["uploads"]["mymaps"].rows_loaded == 3


def test_territorio_data_that_cannot_be_read_is_said(monkeypatch):
    monkeypatch.setenv("TERRITORIO_DATA", str(FIXTURES / "xxe.kml"))
    at = page()
    assert not at.exception
    assert "entities" in at.error[0].value


def test_joined_uploads_gives_the_map_a_joined_frame_per_dataset():
    script = """
import streamlit as st
from loaders import catalog
from ui.imports import joined_uploads
frames = joined_uploads(catalog.load())
st.text(",".join(sorted(frames)))
st.text(",".join(frames["good-en"].pcode) if frames else "")
"""
    state = upload(page(), "good_en.csv").session_state["uploads"]
    other = AppTest.from_string(script, default_timeout=60)
    other.session_state["uploads"] = state
    other.run()
    assert not other.exception
    assert other.text[0].value == "good-en"
    pcodes = other.text[1].value.split(",")
    assert len(pcodes) == 5 and all(p.startswith("VE") for p in pcodes)


def test_areas_upload_previews_names_and_shapes():
    at = upload(page(), "areas.geojson")
    assert not at.exception
    preview = at.dataframe[0].value
    assert list(preview["name"]) == ["Sector sintético A", "Bow-tie (self-crossing)", "Far away (Maracaibo)"]
    assert list(preview["geometry"]) == ["Polygon", "MultiPolygon", "Polygon"]


@pytest.mark.parametrize("lang, said", [("en", "more than 3 rows"), ("es", "más de 3 filas")])
def test_a_file_over_a_limit_gets_the_limit_named_not_a_traceback(monkeypatch, lang, said):
    monkeypatch.setenv("TERRITORIO_MAX_ROWS", "3")
    at = upload(page(lang), "good_en.csv")
    assert not at.exception
    message = at.error[0].value.replace("\\", "")
    assert said in message and "TERRITORIO_MAX_ROWS" in message
    assert not at.session_state["uploads"]


def test_an_import_over_its_time_limit_is_stopped_and_said(monkeypatch):
    monkeypatch.setenv("TERRITORIO_IMPORT_SECONDS", "0.5")
    at = upload(page(), "slow.csv", hostile.csv_rows_bomb(150_000))
    assert not at.exception
    message = at.error[0].value.replace("\\", "")
    assert "took longer than 0.5 seconds" in message and "TERRITORIO_IMPORT_SECONDS" in message
    assert not at.session_state["uploads"]


def test_a_hostile_vrt_upload_is_refused_with_one_message(tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("date,lat,lon,title\n2019-02-12,10.5,-66.9,SECRET-ROW-13\n")
    at = upload(page(), "x.gpkg", hostile.vrt_as_gpkg(str(secret)))
    assert not at.exception
    assert "not a GeoPackage file" in at.error[0].value
    assert "SECRET-ROW-13" not in shown_text(at) and not at.dataframe
