"""The one URL-state module, for the pages other than the map (the map's own: test_explore_logic): each
page's parameters read into its state plus notes on what it could not use, and written back."""

import datetime as dt

import pytest

from territorio.selection import urlstate

D = dt.date
WINDOWS = (6, 12, 24)


def getter(**params):
    return lambda key: list(params.get(key, []))


@pytest.mark.parametrize("params, date, window, designations, notes", [
    ({}, D(2015, 7, 13), 12, (), []),
    ({"date": ["2017-08-25"], "window": ["24"], "designation": ["pz_cota_905"]}, D(2017, 8, 25), 24,
     ("pz_cota_905",), []),
    ({"date": ["ayer"], "window": ["7"]}, D(2015, 7, 13), 12, (), ["bad_date"]),           # an odd window: silent
    ({"designation": ["pz_cota_905", "atlantis"]}, D(2015, 7, 13), 12, ("pz_cota_905",), ["unknown_designation"]),
    ({"date": [""]}, D(2015, 7, 13), 12, (), []),
])
def test_study_state(params, date, window, designations, notes):
    state, got = urlstate.study_state(getter(**params), D(2015, 7, 13), WINDOWS, {"pz_cota_905", "pz_petare"})
    assert (state.date, state.window, state.designations) == (date, window, designations)
    assert [n.reason for n in got] == notes


def test_study_notes_say_the_value_and_what_is_shown_instead():
    _, notes = urlstate.study_state(getter(date=["x" * 200], designation=["atlantis"]), D(2015, 7, 13), WINDOWS,
                                    {"pz_petare", "pz_cota_905"})
    date_note, designation_note = (n.message("en") for n in notes)
    assert date_note.startswith("The date in the address (" + "x" * 80 + "…)") and "showing 2015-07-13" in date_note
    assert designation_note == \
        "Ignored unknown designation(s) in the address: atlantis (known: pz_cota_905, pz_petare)."
    assert urlstate.study_query(D(2015, 7, 13), 12, ("a", "b")) == {"date": "2015-07-13", "window": "12",
                                                                    "designation": ["a", "b"]}


@pytest.mark.parametrize("params, area, note", [
    ({}, "cota_905", None),
    ({"area": ["el paraiso"]}, "VE010108", None),
    ({"area": ["Cota 905"]}, "cota_905", None),
    ({"area": ["Atlantis"]}, "cota_905", "The area in the address (Atlantis) is not a parish or sector; showing Cota "
                                         "905."),
])
def test_profile_state(cat, params, area, note):
    got, notes = urlstate.profile_state(getter(**params), cat, "cota_905")
    assert got == area
    assert [n.message("en") for n in notes] == ([note] if note else [])
    assert urlstate.profile_query(got) == {"area": got}


@pytest.mark.parametrize("raw, index, noted", [(None, None, False), ("1", 0, False), ("7", 6, False),
                                               ("8", None, True), ("0", None, True), ("dos", None, True),
                                               ("", None, True)])
def test_scene_index(raw, index, noted):
    got, note = urlstate.scene_index(raw, 7)
    assert got == index and (note is not None) == noted
    if noted:
        assert note.message("es") == f"La escena {raw} no existe: se muestra la escena 1."


def test_briefing_state_and_query():
    state = urlstate.briefing_state(getter(story=["petare"], scene=["3"], notes=["1"]))
    assert state == urlstate.BriefingState("petare", "3", True)
    assert urlstate.briefing_state(getter()) == urlstate.BriefingState(None, None, False)
    assert urlstate.briefing_query("petare", 2, "es", True) == {"story": "petare", "scene": "3", "lang": "es",
                                                                "notes": "1"}
    assert urlstate.briefing_query("petare", 0, "en", False) == {"story": "petare", "scene": "1", "lang": "en"}
