"""Stories: the schema names file, scene and field; the shipped stories validate against the catalog; a map
view becomes a scene and back; the offline export is self-contained and escapes what it shows."""

import copy
import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest

from loaders import geodata
from territorio.selection.filters import FilterSpec
from territorio.selection.urlstate import MapView
from territorio.stories import export as story_export
from territorio.stories import model as stories
from territorio.stories import scenes

GOOD_SCENE = {
    "caption": {"en": "A caption", "es": "Un texto"},
    "window": {"from": "2019-02-01", "to": "2019-02-28"},
    "filters": {"areas": ["cota_905"], "min_fatalities": 0},
    "layers": ["zones", "incidents"],
    "view": {"lat": 10.486, "lon": -66.93, "zoom": 14},
    "sources": ["CCS-019"],
    "expect_incidents": True,
}
GOOD = {"title": {"en": "T", "es": "T"}, "scenes": [GOOD_SCENE]}


def _with(path: str, value, scene: int = 0) -> dict:
    """GOOD with one field of one scene replaced (value None: removed)."""
    data = copy.deepcopy(GOOD)
    target = data["scenes"][scene]
    *head, last = path.split(".")
    for key in head:
        target = target[key]
    if value is None:
        target.pop(last)
    else:
        target[last] = value
    return data


def test_a_good_story_validates():
    assert stories.validate(GOOD, "s.yaml") == []
    story = stories.from_data(GOOD, "s", "s.yaml")
    assert story.scenes[0]["filters"] == {"areas": ["cota_905"], "types": [], "actors": [], "min_fatalities": 0}


BAD = [
    ("caption", None, "s.yaml: scene 1: caption: missing"),
    ("caption", {"en": "only English"}, "s.yaml: scene 1: caption: es: missing or empty"),
    ("caption", "plain text", "s.yaml: scene 1: caption: must be a mapping with en and es texts"),
    ("window.from", "2019-02-30", "s.yaml: scene 1: window: from: '2019-02-30' is not a date"),
    ("window.to", "2019-01-01", "s.yaml: scene 1: window: to: 2019-01-01 is before from 2019-02-01"),
    ("filters.areas", "cota_905", "s.yaml: scene 1: filters: areas: must be a list of ids"),
    ("filters.min_fatalities", -1, "s.yaml: scene 1: filters: min_fatalities: -1 is not a whole number >= 0"),
    ("layers", ["zones", "heatmap"], "s.yaml: scene 1: layers: 'heatmap' is not a layer"),
    ("layers", ["choropleth"], "s.yaml: scene 1: measure: missing (the layers include choropleth"),
    ("measure", "deaths", "s.yaml: scene 1: measure: 'deaths' is not a measure"),
    ("view.lat", 40.4, "s.yaml: scene 1: view: lat: 40.4 is not a number between 9.9 and 11.1"),
    ("view.zoom", "near", "s.yaml: scene 1: view: zoom: 'near' is not a number"),
    ("highlight", {"incidents": "CCS-019"}, "s.yaml: scene 1: highlight: incidents: must be a list of ids"),
    ("sources", "CCS-019", "s.yaml: scene 1: sources: must be a list of ids"),
    ("expect_incidents", "yes", "s.yaml: scene 1: expect_incidents: must be true or false"),
    ("colour", "red", "s.yaml: scene 1: colour: unknown field"),
    ("notes", "pause here", "s.yaml: scene 1: notes: must be a mapping with en and/or es texts"),
    ("notes", {"en": 3}, "s.yaml: scene 1: notes: en: not a text"),
    ("notes", {"fr": "pause"}, "s.yaml: scene 1: notes: fr: unknown language"),
]


@pytest.mark.parametrize("notes", [{"es": "Pausa aquí."}, {"en": "Pause here.", "es": ""}])
def test_speaker_notes_in_one_language_are_enough(notes):
    assert stories.validate(_with("notes", notes), "s.yaml") == []


@pytest.mark.parametrize("path,value,expected", BAD)
def test_a_bad_field_is_named_with_file_scene_and_field(path, value, expected):
    problems = stories.validate(_with(path, value), "s.yaml")
    assert any(p.startswith(expected) for p in problems), problems


def test_the_scene_number_is_the_one_at_fault():
    data = copy.deepcopy(GOOD)
    data["scenes"] = [GOOD_SCENE, {**GOOD_SCENE, "view": {"lat": 10.5, "lon": -66.9}}]
    assert stories.validate(data, "s.yaml") == ["s.yaml: scene 2: view: zoom: None is not a number between 9 and 18"]


@pytest.mark.parametrize("data,expected", [
    ([], "s.yaml: a story must be a mapping with title and scenes"),
    ({"title": {"en": "T", "es": "T"}, "scenes": []}, "s.yaml: scenes: must be a non-empty list of scenes"),
    ({"scenes": [GOOD_SCENE]}, "s.yaml: title: missing"),
])
def test_story_level_problems(data, expected):
    assert expected in stories.validate(data, "s.yaml")


def test_bad_yaml_is_a_story_error_with_a_line(tmp_path):
    f = tmp_path / "broken.yaml"
    f.write_text("title: {en: x\nscenes: [\n")
    with pytest.raises(stories.StoryError) as err:
        stories.load(f)
    assert err.value.problems[0].startswith("broken.yaml: line ")


def test_yaml_is_read_safely(tmp_path):
    f = tmp_path / "evil.yaml"
    f.write_text("title: !!python/object/apply:os.system ['echo hi']\nscenes: []\n")
    with pytest.raises(stories.StoryError, match="evil.yaml"):
        stories.load(f)


# --- the shipped stories ---------------------------------------------------------------------------------

@pytest.mark.parametrize("story_id", ["cota-905", "petare-jose-felix-ribas"])
def test_shipped_story_validates_against_the_catalog(story_id, cat, joined):
    story = stories.load_shipped(story_id)
    assert scenes.catalog_problems(cat, joined, story, story_id) == []


def test_shipped_stories_are_the_two_promised():
    assert stories.shipped_ids() == ["cota-905", "petare-jose-felix-ribas"]
    cota = stories.load_shipped("cota-905")
    assert len(cota.scenes) >= 6
    cited = {s for scene in cota.scenes for s in scene["sources"]}
    assert {"CCS-002", "CCS-010", "CCS-015", "CCS-016", "CCS-019", "CCS-037", "CCS-038", "CCS-040",
            "CCS-044", "CCS-045"} <= cited
    assert cota.scenes[-1]["outside_map"]["en"].startswith("Outside the map")


def test_each_expecting_scene_selects_an_incident_and_cites_known_sources(cat, joined):
    known = set(cat.incidents["id"]) | set(cat.timeline["id"])
    for story_id in stories.shipped_ids():
        for n, scene in enumerate(stories.load_shipped(story_id).scenes, start=1):
            if scene["expect_incidents"]:
                assert len(scenes.selected(cat, joined, scene)), f"{story_id} scene {n}"
            assert scene["sources"] and set(scene["sources"]) <= known, f"{story_id} scene {n}"
            assert scenes.scene_sources(cat, scene), f"{story_id} scene {n} has no source links"


def test_catalog_checks_name_unknown_ids_and_empty_scenes(cat, joined):
    data = _with("sources", ["CCS-999"])
    data["scenes"][0]["filters"] = {"areas": ["atlantis"], "types": ["massacre"]}
    data["scenes"][0]["window"] = {"from": "2014-01-01", "to": "2014-01-02"}
    problems = scenes.catalog_problems(cat, joined, stories.from_data(data, "s", "s.yaml"), "s.yaml")
    assert "s.yaml: scene 1: filters.areas: 'atlantis' is not in the catalog" in problems
    assert "s.yaml: scene 1: sources: 'CCS-999' is not in the catalog" in problems
    assert "s.yaml: scene 1: filters: select no incident, yet expect_incidents is true" in problems


# --- a map view becomes a scene ----------------------------------------------------------------------------

def test_a_map_view_becomes_a_valid_scene_and_back():
    spec = FilterSpec(dt.date(2021, 7, 7), dt.date(2021, 7, 9), ("cota_905",), ("security_operation",), ("koki",), 5)
    scene = stories.scene_from_view(spec, MapView(10.4861234, -66.93, 13.5), ["incidents", "zones", "bogus"],
                                    "fatalities", {"en": "E", "es": "S"})
    assert scene["layers"] == ["choropleth", "zones", "incidents"] and scene["measure"] == "fatalities"
    assert scene["view"] == {"lat": 10.48612, "lon": -66.93, "zoom": 13.5}
    story = stories.from_data(stories.story_data({"en": "T", "es": "T"}, [scene]), "d", "d.yaml")
    assert stories.scene_spec(story.scenes[0]) == spec
    again = stories.load_text(stories.to_yaml(stories.story_data({"en": "T", "es": "T"}, [scene])), "d", "d.yaml")
    assert again == story


def test_no_choropleth_when_the_measure_is_off():
    spec = FilterSpec(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    scene = stories.scene_from_view(spec, (10.47, -66.88, 12), ["choropleth", "sectors"], "off", {"en": "", "es": ""})
    assert scene["layers"] == ["sectors"] and "measure" not in scene
    assert any("caption: en: missing or empty" in p for p in stories.validate({"title": {"en": "T", "es": "T"},
                                                                               "scenes": [scene]}, "d"))


# --- the command line ------------------------------------------------------------------------------------

def test_cli_validate_exit_codes(cli, tmp_path):
    good = stories.stories_dir() / "cota-905.yaml"
    assert cli("story", "validate", good).code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(stories.to_yaml(_with("view.lat", 99)))
    refused = cli("story", "validate", bad)
    assert refused.code == 1 and "bad.yaml: scene 1: view: lat: 99" in refused.err
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text(stories.to_yaml(_with("sources", ["CCS-999"])))
    assert cli("story", "validate", unknown).code == 1
    assert cli("story", "validate", tmp_path / "missing.yaml").code == 1
    assert cli("story", "validate").code == 2


def test_cli_list_and_export(cli, tmp_path):
    listed = cli("story", "list")
    assert listed.code == 0
    assert "cota-905\t7 scenes" in listed.out and "petare-jose-felix-ribas" in listed.out
    assert cli("story", "export", "nope", "--out", tmp_path / "x.html").code == 1
    out = tmp_path / "p.html"
    assert cli("story", "export", "petare-jose-felix-ribas", "--lang", "es", "--out", out).code == 0
    assert "José Félix Ribas" in out.read_text(encoding="utf-8")


# --- the offline file -----------------------------------------------------------------------------------

def _export(cat, joined, story, lang="en") -> str:
    return story_export.export_html(cat, joined, geodata.read("municipalities"), story, lang, "test")


def _payload(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="story-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(raw)


def test_export_is_self_contained_and_keeps_the_licences(cat, joined):
    page = _export(cat, joined, stories.load_shipped("cota-905"))
    assert not re.search(r'(src|href)="(https?:)?//', page), "a script or style would be fetched"
    assert '<script src="data:text/javascript;base64,' in page and 'href="data:text/css;base64,' in page
    assert "BSD 2-Clause License" in page and "Vladimir Agafonkin" in page
    assert "OCHA / INE Venezuela, CC BY-IGO" in page
    data = _payload(page)
    assert len(data["base"]["parishes"]["features"]) == 32 and len(data["scenes"]) == 7
    assert data["scenes"][1]["caption"].startswith("13 July 2015")
    assert data["keys"]["PageDown"] == "next" and data["keys"]["ArrowLeft"] == "prev"
    assert [f["properties"]["id"] for f in data["scenes"][1]["incidents"]["features"]] == ["CCS-010"]
    assert data["scenes"][5]["notMapped"], "the manhunt scene says its deaths are not on the map"


def test_export_escapes_hostile_text(cat, joined):
    evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)> <!-- <script>"
    data = copy.deepcopy(GOOD)
    data["title"] = {"en": evil, "es": evil}
    data["scenes"][0]["caption"] = {"en": evil, "es": evil}
    page = _export(cat, joined, stories.from_data(data, "evil", "evil.yaml"))
    tags = _Tags()
    tags.feed(page)
    assert tags.seen.count("script") == 3 and "img" not in tags.seen   # story data, Leaflet, the player
    assert "<title>&lt;/script&gt;" in page
    assert _payload(page)["scenes"][0]["caption"] == evil    # intact as data, set with textContent


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)


# --- a folder of stories: one bad file never stops the others -------------------------------------------

MALFORMED = "title: {en: T, es: T}\nscenes:\n  - caption: {en: a, es: b\n    layers: [zones]\n"


@pytest.fixture
def shelf_folder(tmp_path):
    """Copies of the shipped stories beside a malformed file, a file breaking the schema and a bad name."""
    for story_id in stories.shipped_ids():
        (tmp_path / f"{story_id}.yaml").write_bytes((stories.stories_dir() / f"{story_id}.yaml").read_bytes())
    (tmp_path / "broken-yaml.yaml").write_text(MALFORMED, encoding="utf-8")
    (tmp_path / "bad-view.yaml").write_text(stories.to_yaml(_with("view.lat", 99)), encoding="utf-8")
    (tmp_path / "Not An Id.yaml").write_text(stories.to_yaml(GOOD), encoding="utf-8")
    (tmp_path / "unknown-incident.yaml").write_text(stories.to_yaml(_with("sources", ["CCS-999"])), encoding="utf-8")
    return tmp_path


def test_a_folder_loads_every_good_story_and_lists_each_bad_file_with_where_it_fails(shelf_folder):
    shelf = stories.load_folder(shelf_folder)
    assert list(shelf.stories) == ["cota-905", "petare-jose-felix-ribas", "unknown-incident"]
    assert set(shelf.broken) == {"broken-yaml.yaml", "bad-view.yaml", "Not An Id.yaml"}
    assert re.match(r"broken-yaml\.yaml: line \d+ not valid YAML", shelf.broken["broken-yaml.yaml"][0])
    assert shelf.broken["bad-view.yaml"] == ["bad-view.yaml: scene 1: view: lat: 99 is not a number between 9.9 "
                                             "and 11.1"]
    assert "the file name is the story's id" in shelf.broken["Not An Id.yaml"][0]
    assert shelf.problems_of("bad-view") == shelf.broken["bad-view.yaml"] and shelf.problems_of("cota-905") == []


def test_a_story_naming_what_the_catalog_lacks_is_set_aside_too(cat, shelf_folder):
    shelf = scenes.playable(cat, stories.load_folder(shelf_folder))
    assert "unknown-incident" not in shelf.stories and "cota-905" in shelf.stories
    assert shelf.broken["unknown-incident.yaml"] == ["unknown-incident.yaml: scene 1: sources: 'CCS-999' is not "
                                                     "in the catalog"]


def test_the_folder_is_an_argument_of_every_reader(shelf_folder):
    assert "broken-yaml" in stories.shipped_ids(shelf_folder) and "broken-yaml" not in stories.shipped_ids()
    assert stories.load_shipped("cota-905", shelf_folder).title == stories.load_shipped("cota-905").title
    with pytest.raises(stories.StoryError, match="line"):
        stories.load_shipped("broken-yaml", shelf_folder)


def test_the_folder_signature_changes_when_a_file_does(shelf_folder):
    before = stories.folder_signature(shelf_folder)
    (shelf_folder / "broken-yaml.yaml").write_text(stories.to_yaml(GOOD) + "\n", encoding="utf-8")
    assert stories.folder_signature(shelf_folder) != before
    assert "broken-yaml" in stories.load_folder(shelf_folder).stories


def test_cli_list_marks_the_bad_files_and_lists_the_others(cli, shelf_folder, monkeypatch):
    monkeypatch.setattr(stories, "stories_dir", lambda: shelf_folder)
    listed = cli("story", "list")
    assert listed.code == 0
    lines = listed.out.splitlines()
    assert lines[0].startswith("Not An Id\tINVALID\t") and any(line.startswith("cota-905\t7 scenes") for line in lines)
    assert any(line.startswith("broken-yaml\tINVALID\tbroken-yaml.yaml: line") for line in lines)
