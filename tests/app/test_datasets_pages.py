"""Every page on a kept dataset (issue 15): chosen by the address, said at the top, counted as the command line
counts it; an id the workspace lacks is said and the catalog shown; Your data lists, renames and deletes."""

from __future__ import annotations

import hashlib

import pytest

from loaders import uploads, workspace
from territorio import imports
from territorio.catalog import register
from tests.app import opened, page

PLAN = register.Plan(n=1500, seed=3, areas=("cota_905",), ratio=3.0)


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    """A synthetic ACLED-layout register kept in a workspace of this module's own: (workspace, id, its file)."""
    from loaders import catalog

    base = tmp_path_factory.mktemp("ws")
    path = base.parent / "register.csv"
    path.write_text(register.acled_csv(catalog.load(), PLAN), encoding="utf-8")
    result = imports.read_path(path, **uploads.context())
    info = workspace.keep(result, name="Registro sintético", licence="CC0", base=base,
                          sha256=hashlib.sha256(path.read_bytes()).hexdigest())
    return base, info.id, path


@pytest.fixture
def ws(kept, monkeypatch):
    monkeypatch.setenv("TERRITORIO_WORKSPACE", str(kept[0]))
    return kept


def _metric(at) -> int:
    return int(at.metric[0].value.replace(",", ""))


def _count(cli, ws, *args) -> int:
    out = cli("incidents", "--data", ws[1], "--count", *args, env={"TERRITORIO_WORKSPACE": ws[0]})
    assert out.code == 0, out.err
    return int(out.out)


def test_the_map_opens_on_the_dataset_named_by_the_link(cli, ws):
    at = opened("pages/explore.py", dataset=ws[1])
    assert not at.exception, at.exception
    banner = " ".join(i.value for i in at.info)
    assert "Registro sintético" in banner and "CC0" in banner
    assert _metric(at) == _count(cli, ws)
    assert at.selectbox(key="dataset_pick").value == ws[1]
    own = at.multiselect(key="types").options
    assert "Battles: Armed clash" in own and "Violence against civilians: Attack" in own


@pytest.mark.parametrize("params, args", [
    ({"type": "Battles: Armed clash"}, ["--type", "Battles: Armed clash"]),
    ({"from": "2021-07-09", "to": "2022-07-08", "area": "cota_905"},
     ["--from", "2021-07-09", "--to", "2022-07-08", "--area", "cota_905"]),
    ({"min_fatalities": "2", "from": "2020-01-01", "to": "2020-12-31"},
     ["--min-fatalities", "2", "--from", "2020-01-01", "--to", "2020-12-31"]),
])
def test_the_map_counts_what_the_command_line_counts(cli, ws, params, args):
    at = opened("pages/explore.py", dataset=ws[1], **params)
    assert not at.exception, at.exception
    assert _metric(at) == _count(cli, ws, *args)


def test_with_the_catalog_both_are_counted(cli, ws, cat):
    at = opened("pages/explore.py", dataset=ws[1], catalog="1")
    assert not at.exception
    assert _metric(at) == _count(cli, ws, "--with-catalog") == _count(cli, ws) + len(cat.incidents)


def test_an_unknown_dataset_is_said_and_the_catalog_shown(ws, cat):
    at = opened("pages/explore.py", dataset="gone-0123abcd")
    assert not at.exception
    said = [w.value.replace("\\", "") for w in at.warning]
    assert any("gone-0123abcd" in w and "not in this workspace" in w for w in said)
    assert _metric(at) == len(cat.incidents)


def test_the_choice_follows_to_the_profile_and_study_pages(cli, ws):
    import json

    env = {"TERRITORIO_WORKSPACE": ws[0]}
    at = opened("pages/profile.py", dataset=ws[1], area="cota_905")
    assert not at.exception, at.exception
    figures = json.loads(cli("profile", "--area", "cota_905", "--data", ws[1], "--json", env=env).out)
    sentence = " ".join(m.value for m in at.markdown)
    assert f"{figures['incidents']:,} incidents in Registro sintético" in sentence
    at = opened("pages/study.py", dataset=ws[1], date="2021-07-09", designation="pz_cota_905")
    assert not at.exception, at.exception
    cells = json.loads(cli("study", "--date", "2021-07-09", "--designation", "pz_cota_905", "--data", ws[1],
                           "--json", env=env).out)["cells"]
    assert list(at.dataframe[0].value["Incidents"]) == [cells[g][p]["incidents"] for g in ("inside", "outside")
                                                        for p in ("before", "after")]
    said = " ".join(i.value for i in at.info)
    assert "No estimate" not in said and "95%" in said


def test_your_data_lists_the_kept_dataset_and_deletes_only_when_confirmed(ws, tmp_path, monkeypatch):
    import shutil

    copy = tmp_path / "ws"
    shutil.copytree(ws[0], copy)
    monkeypatch.setenv("TERRITORIO_WORKSPACE", str(copy))
    at = opened("pages/upload.py")
    assert not at.exception, at.exception
    assert any("Registro sintético" in e.label for e in at.expander)
    assert at.button(key=f"ws_delete_{ws[1]}").disabled
    at.checkbox(key=f"ws_sure_{ws[1]}").check().run()
    at.button(key=f"ws_delete_{ws[1]}").click().run()
    assert not at.exception
    assert workspace.listing(copy) == []


def _story(dataset: str) -> dict:
    import datetime as dt

    from territorio.selection.filters import FilterSpec
    from territorio.stories import model as stories

    spec = FilterSpec(dt.date(2021, 7, 9), dt.date(2022, 7, 8), ("cota_905",))
    scene = stories.scene_from_view(spec, (10.486, -66.93, 14.0), ["zones", "incidents"], "off",
                                    {"en": "After the operation", "es": "Tras el operativo"})
    return stories.story_data({"en": "On a kept register", "es": "Sobre un registro guardado"},
                              [{**scene, "dataset": dataset, "expect_incidents": True}])


@pytest.mark.parametrize("present", [True, False])
def test_a_scene_plays_on_its_dataset_or_says_it_is_absent(ws, present):
    at = page("pages/briefing.py", 120, story="draft", lang="en")
    at.session_state["story_draft"] = _story(ws[1] if present else "absent-0123abcd")
    at.run()
    assert not at.exception, at.exception
    said = " ".join(w.value.replace("\\", "") for w in at.warning)
    assert ("absent-0123abcd" in said and "not in this workspace" in said) != present
    assert "cannot be played" not in said


def test_an_undated_dataset_is_counted_apart(tmp_path, monkeypatch):
    from pathlib import Path

    fixture = Path(__file__).parents[1] / "fixtures" / "imports" / "undated.csv"
    result = imports.read_path(fixture, **uploads.context(), undated=True)
    info = workspace.keep(result, name="Sin fechas", sha256="0" * 64, dates=result.dating, base=tmp_path)
    monkeypatch.setenv("TERRITORIO_WORKSPACE", str(tmp_path))
    at = opened("pages/explore.py", dataset=info.id)
    assert not at.exception, at.exception
    assert _metric(at) == 0
    assert any("6 undated incident(s)" in c.value for c in at.caption)
