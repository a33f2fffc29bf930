"""The briefing page under AppTest: both languages, Previous/Next change the scene (and the URL), the
speaker-notes view, bad links, and a presenter's own story built with save_scene_button and played."""

import pytest
from streamlit.testing.v1 import AppTest

from territorio.i18n import t
from tests.app import opened, page

PAGE = "pages/briefing.py"


def run(**params) -> AppTest:
    return opened(PAGE, 120, **params)


def html_of(at) -> str:
    return " ".join(m.value for m in at.markdown)


def counter(at) -> str:
    return next(m.value for m in at.markdown if "brief-counter" in m.value)


@pytest.mark.parametrize("lang,first,title", [
    ("en", "Scene 1 of 7", "from peace zone to military operation"),
    ("es", "Escena 1 de 7", "de zona de paz a operación militar"),
])
def test_the_story_opens_in_both_languages(lang, first, title):
    at = run(story="cota-905", lang=lang)
    assert not at.exception, at.exception
    assert first in counter(at) and title in html_of(at)
    assert "href=\"https://" in html_of(at)          # the scene's sources as links
    assert at.button(key="brief_prev").disabled
    offline = at.get("download_button")[0].proto
    assert offline.label == t("brief_download_html", lang) and offline.url.endswith(".html")


def test_next_and_previous_change_the_scene_and_the_url():
    at = run(story="cota-905", lang="en")
    at.button(key="brief_next").click().run()
    assert not at.exception
    assert "Scene 2 of 7" in counter(at) and "13 July 2015" in html_of(at)
    assert at.query_params["scene"] == "2"
    at.button(key="brief_next").click().run()
    at.button(key="brief_prev").click().run()
    assert "Scene 2 of 7" in counter(at)


def test_a_deep_link_opens_its_scene_and_the_last_scene_cannot_go_further():
    at = run(story="cota-905", scene="7", lang="en")
    assert "Scene 7 of 7" in counter(at) and "Outside the map" in html_of(at)
    assert at.button(key="brief_next").disabled


def test_speaker_notes_view():
    at = run(story="petare-jose-felix-ribas", scene="3", lang="es", notes="1")
    assert not at.exception, at.exception
    text = html_of(at)
    assert "Escena 3 de 6" in counter(at) and "Zair Mundaray" in text
    assert "Notas del presentador" in [h.value for h in at.subheader]
    assert any(i.value.replace("\\", "").startswith("Siguiente: 6 de noviembre de 2020") for i in at.info), at.info


@pytest.mark.parametrize("params,warning", [
    ({"story": "atlantis"}, "No story 'atlantis'"),
    ({"story": "cota-905", "scene": "99"}, "Scene 99 does not exist"),
    ({"story": "draft"}, "This story cannot be played"),
])
def test_bad_links_fall_back_with_a_note(params, warning):
    at = run(lang="en", **params)
    assert not at.exception, at.exception
    assert "Scene 1 of 7" in counter(at)
    assert any(warning in w.value for w in at.warning), [w.value for w in at.warning]


def _map_page():
    """Stand-in for the map page: what the integrator wires into pages/explore.py."""
    import datetime as dt

    from territorio.selection.filters import FilterSpec
    from territorio.selection.urlstate import MapView
    from ui.stories import save_scene_button

    spec = FilterSpec(dt.date(2019, 2, 1), dt.date(2019, 2, 28), ("cota_905",))
    save_scene_button(spec, MapView(10.486, -66.93, 14.0), ["zones", "incidents"], "off", "en")


def test_a_saved_view_becomes_a_scene_the_briefing_page_plays():
    maker = AppTest.from_function(_map_page, default_timeout=60).run()
    maker.button(key="save_scene").click().run()
    maker.button(key="save_scene").click().run()
    assert not maker.exception, maker.exception
    draft = maker.session_state["story_draft"]
    assert len(draft["scenes"]) == 2
    assert draft["scenes"][0]["window"] == {"from": "2019-02-01", "to": "2019-02-28"}
    assert draft["scenes"][0]["caption"] == {"en": "1–28 Feb 2019", "es": "1–28 feb 2019"}

    at = page(PAGE, 120)
    at.session_state["story_draft"] = draft
    at.query_params["lang"] = "en"
    at.run()
    at.text_area(key="draft_caption_0_en_2").input("El Paraíso, February 2019").run()
    at.text_area(key="draft_notes_0_en_2").input("Seven killed; pause here.").run()
    assert at.session_state["story_draft"]["scenes"][0]["notes"] == {"en": "Seven killed; pause here.", "es": ""}
    at.text_area(key="draft_notes_0_es_2").input("Siete muertos; pausa aquí.").run()
    at.button(key="draft_remove_1").click().run()
    assert len(at.session_state["story_draft"]["scenes"]) == 1
    at.button(key="draft_play").click().run()
    assert not at.exception, at.exception
    assert "Scene 1 of 1" in counter(at) and "El Paraíso, February 2019" in html_of(at)
    assert at.query_params["story"] == "draft"
    notes = page(PAGE, 120)
    notes.session_state["story_draft"] = at.session_state["story_draft"]
    for k, v in {"story": "draft", "scene": "1", "lang": "es", "notes": "1"}.items():
        notes.query_params[k] = v
    notes.run()
    assert not notes.exception and "Siete muertos; pausa aquí." in html_of(notes)


def test_hostile_draft_text_is_shown_as_text():
    evil = "x\n\n[click](javascript:alert(1)) <script>alert(2)</script> <img src=x onerror=alert(3)>"
    draft = {"title": {"en": evil, "es": evil}, "scenes": [{
        "caption": {"en": evil, "es": evil}, "window": {"from": "2019-02-01", "to": "2019-02-28"},
        "layers": ["incidents"], "view": {"lat": 10.486, "lon": -66.93, "zoom": 14.0}}]}
    at = page(PAGE, 120)
    at.session_state["story_draft"] = draft
    at.query_params["story"] = "draft"
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    shown = html_of(at)
    assert "<script>" not in shown and "<img" not in shown
    # one line inside the HTML block: no blank line lets the markdown link out of it
    assert ("<p class='brief-caption'>x [click](javascript:alert(1)) &lt;script&gt;alert(2)&lt;/script&gt; "
            "&lt;img src=x onerror=alert(3)&gt;</p>") in shown


def test_speaker_notes_cleared_in_both_languages_leave_the_scene():
    draft = {"title": {"en": "T", "es": "T"}, "scenes": [{
        "caption": {"en": "c", "es": "c"}, "notes": {"en": "n", "es": "n"},
        "window": {"from": "2019-02-01", "to": "2019-02-28"}, "layers": ["incidents"],
        "view": {"lat": 10.486, "lon": -66.93, "zoom": 14.0}}]}
    at = page(PAGE, 120)
    at.session_state["story_draft"] = draft
    at.query_params["lang"] = "en"
    at.run()
    at.text_area(key="draft_notes_0_en_1").input("").run()
    assert at.session_state["story_draft"]["scenes"][0]["notes"] == {"en": "", "es": "n"}
    at.text_area(key="draft_notes_0_es_1").input(" ").run()
    assert "notes" not in at.session_state["story_draft"]["scenes"][0]
    assert not at.exception


# --- a bad story file: listed with its problems, the other stories play -------------------------------------

@pytest.fixture
def one_bad_file(tmp_path, monkeypatch):
    from territorio.stories import model as stories

    for story_id in stories.shipped_ids():
        (tmp_path / f"{story_id}.yaml").write_bytes((stories.stories_dir() / f"{story_id}.yaml").read_bytes())
    (tmp_path / "broken.yaml").write_text("title: {en: T, es: T}\nscenes:\n  - caption: {en: a\n", encoding="utf-8")
    monkeypatch.setattr(stories, "stories_dir", lambda: tmp_path)
    return tmp_path


def _shown(at) -> str:
    return " ".join(e.value.replace("\\", "") for e in [*at.warning, *at.caption, *at.error, *at.markdown])


@pytest.mark.parametrize("story, counter_text", [("cota-905", "Scene 1 of 7"),
                                                 ("petare-jose-felix-ribas", "Scene 1 of 6")])
def test_every_good_story_plays_beside_a_malformed_file_which_is_listed(one_bad_file, story, counter_text):
    at = run(story=story, lang="en")
    assert not at.exception, at.exception
    assert counter_text in counter(at)
    assert "Story files that cannot be played (1)" in _shown(at)
    assert "broken.yaml: line 4 not valid YAML (expected ',' or '}'" in _shown(at)
    assert at.selectbox(key="brief_pick").options == ["Cota 905, 2013-2022: from peace zone to military operation",
                                                       "José Félix Ribas, Petare: Wilexis's gang, 2019-2023"]


def test_a_link_to_the_malformed_story_says_why_and_plays_the_default(one_bad_file):
    at = run(story="broken", lang="es")
    assert not at.exception, at.exception
    assert "Escena 1 de 7" in counter(at)
    warning = " ".join(w.value.replace("\\", "") for w in at.warning)
    assert "Este relato no se puede mostrar" in warning and "broken.yaml: line" in warning


def test_when_no_story_can_be_played_the_page_says_so(one_bad_file):
    for path in one_bad_file.glob("*.yaml"):
        if path.name != "broken.yaml":
            path.write_text("scenes: []\n", encoding="utf-8")
    at = run(lang="en")
    assert not at.exception, at.exception
    assert "No story can be played" in at.error[0].value
    assert "cota-905.yaml: title: missing" in _shown(at) and "broken.yaml: line" in _shown(at)
