"""Actor names people read: Spanish names in the catalog, shown in Spanish, and typed Spanish names resolving."""

import dataclasses
import datetime as dt
import html

import pytest

from territorio.analysis import profile
from territorio.catalog import asof
from territorio.catalog.model import actor_label, actor_names
from territorio.i18n.text import fold
from territorio.map import layers
from territorio.outputs import export, provenance
from territorio.selection import describe, filters

D = dt.date


def test_every_actor_has_a_spanish_name(cat):
    empty = cat.actors.loc[cat.actors.name_es.fillna("").str.strip() == "", "actor_id"]
    assert list(empty) == []


@pytest.mark.parametrize("actor_id,en,es", [
    ("koki_gang", "Koki's gang (Cota 905 megabanda)", "Banda de Koki (megabanda de la Cota 905)"),
    ("faes", "FAES (PNB special action forces)", "FAES (Fuerzas de Acciones Especiales de la PNB)"),
    ("koki", "Koki (Carlos Luis Revete)", "Koki (Carlos Luis Revete)"),           # proper names stay as they are
    ("not_an_actor", "not_an_actor", "not_an_actor"),                             # unknown ids show as themselves
])
def test_actor_label_follows_the_language(cat, actor_id, en, es):
    assert actor_label(cat, actor_id) == en
    assert actor_label(cat, actor_id, "en") == en
    assert actor_label(cat, actor_id, "es") == es


def test_an_empty_spanish_name_falls_back_to_the_english_one(cat):
    actors = cat.actors.copy()
    actors.loc[actors.actor_id == "koki_gang", "name_es"] = ""
    bare = dataclasses.replace(cat, actors=actors)
    assert actor_label(bare, "koki_gang", "es") == "Koki's gang (Cota 905 megabanda)"


@pytest.mark.parametrize("typed,actor_id", [
    ("Banda de Koki", "koki_gang"),
    ("banda de koki (megabanda de la cota 905)", "koki_gang"),
    ("PNB (Policía Nacional Bolivariana)", "pnb"),
    ("GNB (Guardia Nacional Bolivariana)", "gnb"),
    ("FAES (Fuerzas de Acciones Especiales de la PNB)", "faes"),
    ("Banda de Wilexis", "wilexis_gang"),
    ("Bandas de la Cota 905", "cota905_gangs"),
    ("Gobierno venezolano", "venezuelan_government"),
    ("Ministerio de Interior", "ministry_interior"),
    ("Koki's gang", "koki_gang"),                                                  # English names still resolve
])
def test_spanish_names_resolve_to_ids(cat, typed, actor_id):
    assert actor_names(cat).get(fold(typed)) == actor_id


def test_every_spanish_name_resolves_to_its_own_actor(cat):
    names = actor_names(cat)
    for row in cat.actors.itertuples():
        assert names[fold(row.name_es)] == row.actor_id, row.name_es
        assert names[fold(row.name_es.split("(")[0])] == row.actor_id, row.name_es


def test_a_spanish_actor_filter_selects_the_gang_and_its_leaders(cat):
    spec = filters.resolve(cat, actors=["Banda de Koki"])
    assert "koki_gang" in spec.actors


# --- every place that shows a name says it in the page's language --------------------------------------

KOKI_ES = "Banda de Koki (megabanda de la Cota 905)"
KOKI_EN = "Koki's gang (Cota 905 megabanda)"
HELD = D(2019, 2, 12)


@pytest.mark.parametrize("lang,name,other", [("es", KOKI_ES, KOKI_EN), ("en", KOKI_EN, KOKI_ES)])
def test_map_legend_tooltip_and_what_held_table(cat, lang, name, other):
    control = asof.control_as_of(cat, HELD)
    group, section = layers.control_layer(cat, control, "12 Feb 2019", lang)
    assert name in [i.label for i in section.items] and other not in [i.label for i in section.items]
    tooltips = {f["properties"]["name"] for child in group._children.values()
                for f in getattr(child, "data", {}).get("features", [])}
    assert tooltips == {html.escape(actor_label(cat, g, lang)) for g in control.group_id}   # escaped, as drawn
    assert html.escape(name) in tooltips and html.escape(other) not in tooltips
    rows = asof.standing_rows(cat, asof.zones_as_of(cat, HELD), control, lang)
    assert any(name in r["what"] for r in rows) and not any(other in r["what"] for r in rows)


@pytest.mark.parametrize("lang,name", [("es", KOKI_ES), ("en", KOKI_EN)])
def test_sentence_citation_export_and_profile(cat, joined, lang, name):
    spec = filters.FilterSpec(date_from=HELD, date_to=HELD, actors=("koki_gang",))
    summary = describe.summarise(joined, filters.apply(cat, joined, spec))
    assert name in describe.sentence(cat, spec, summary, lang)
    assert name in provenance.filter_sentence(cat, spec, lang)
    assert set(export.selection_table(cat, joined, spec, lang)["controlling_group"]) == {name}
    prof = profile.build(cat, joined, "cota_905", lang)
    assert name in set(prof.actors["actor"])
    assert any(e.text.startswith(name) for e in prof.timeline if e.kind == "control")
