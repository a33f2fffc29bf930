"""What keeps the catalog honest after the December 2026 review (data 0.2.0): every source says what it is,
ranges run forwards, references resolve, corrected events sit in the parishes their sources name, the window
is covered year by year, and the single-source marks are those the command line exports."""

import contextlib
import datetime as dt
import io
import re
from urllib.parse import urlparse

import pandas as pd
import pytest

from territorio.build import catalog as catalog_build
from territorio.catalog import asof, datapackage, dates
from territorio.map import popups
from territorio.outputs import citation
from territorio.paths import geodata_dir
from territorio.selection.filters import FilterSpec

KINDS = set(datapackage.SOURCE_KINDS)


@pytest.fixture(scope="module")
def exported():
    """`territorio incidents --format csv`: what a reader downloads, every incident of the catalog (run once
    for the module, so not through the function-scoped `cli` fixture)."""
    from territorio.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main.main(["incidents", "--format", "csv"])
    assert code == 0, err.getvalue()
    return pd.read_csv(io.StringIO(out.getvalue()), dtype=str, keep_default_na=False)


# --- sources ----------------------------------------------------------------------------------------------

def test_every_incident_has_an_http_source(cat):
    by_event = cat.sources.groupby("event_id").url.apply(list)
    for row in cat.incidents.itertuples():
        assert any(urlparse(u).scheme in ("http", "https") for u in by_event.get(row.id, [])), row.id


def test_every_source_says_what_it_is(cat):
    assert set(cat.sources.kind) <= KINDS and (cat.sources.kind != "").all()
    relayed = cat.sources[cat.sources.kind.isin(["copy", "wire"])]
    assert (relayed.original_outlet != "").all(), "a copy or wire story names its original"
    assert {"copy", "wire", "official", "ngo"} <= set(cat.sources.kind), "the review's kinds are all in use"


def test_a_source_without_a_kind_stops_the_build():
    src = [{"event_id": "CCS-999", "url": "https://example.org/a", "outlet": "X"}]
    with pytest.raises(catalog_build.CatalogBuildError, match="CCS-999.*no row"):
        catalog_build.with_kinds(src, {}, "test row (CCS-999)")


def test_outlets_count_copies_once_and_one_outlets_pages_once():
    same_text = [{"outlet": "El Nacional", "original_outlet": ""},
                 {"outlet": "El Nacional (copy on bitlysdowssl-aws.com)", "original_outlet": "El Nacional"}]
    assert catalog_build.independent_outlets(same_text) == 1
    one_outlet = [{"outlet": "Maduradas (citing Crónica Uno)", "original_outlet": "Crónica Uno"},
                  {"outlet": "Maduradas", "original_outlet": "Maduradas"}]
    assert catalog_build.independent_outlets(one_outlet) == 1, "read only on one outlet's pages"
    two = [{"outlet": "Efecto Cocuyo", "original_outlet": ""},
           {"outlet": "El Carabobeño (wire, Reuters)", "original_outlet": "Reuters"}]
    assert catalog_build.independent_outlets(two) == 2


# --- ranges and references ------------------------------------------------------------------------------------

def test_every_range_runs_forwards(cat):
    tolls = cat.incidents.dropna(subset=["fatalities_min"])
    assert (tolls.fatalities_min <= tolls.fatalities_max).all()
    for frame in (cat.incidents, cat.timeline):
        for r in frame[frame.date_end != ""].itertuples():
            assert dates.interval(r.date, r.date_precision)[0] <= dt.date.fromisoformat(r.date_end), r.id
    for frame in (cat.claims, cat.periods):
        for r in frame.to_dict("records"):
            start = dates.interval(r["start"], r["start_precision"])[0]
            if r["start_latest"]:
                assert r["start_kind"] == "disputed"
                assert start <= dates.interval(r["start_latest"], dates.precision_of(r["start_latest"]))[0], r
            if r["end"]:
                assert start <= dates.interval(r["end"], r["end_precision"])[1], r


def test_every_event_id_a_claim_period_correction_or_source_names_exists(cat):
    events = set(cat.incidents.id) | set(cat.timeline.id)
    for frame in (cat.claims, cat.periods):
        for refs in frame.source_event_ids:
            assert {r.strip() for r in refs.split("|")} <= events, refs
    catalog_dir = geodata_dir() / "catalog"
    for name in ("event_corrections.csv", "source_review.csv", "events_added.csv"):
        ids = set(pd.read_csv(catalog_dir / name, dtype=str).event_id)
        assert ids <= events, (name, ids - events)


def test_a_stale_correction_stops_the_build():
    fact = {"event_id": "CCS-018", "fatalities": "2"}
    fix = {"event_id": "CCS-018", "field": "fatalities", "was": "1", "now": "1-10"}
    with pytest.raises(catalog_build.CatalogBuildError, match="CCS-018 fatalities.*'was' '1'"):
        catalog_build.corrected(fact, [fix])
    assert catalog_build.corrected({**fact, "fatalities": "1"}, [fix])["fatalities"] == "1-10"


# --- the corrections, as a reader sees them ---------------------------------------------------------------------

# Parishes each corrected event's sources name (docs/CORRECTIONS.md): the join must agree.
STATED_PARISHES = {
    "CCS-038": {"San Juan", "El Paraíso", "La Vega", "Santa Rosalía", "El Valle"},   # Efecto Cocuyo, 8 Jul 2021
    "CCS-018": {"Petare"}, "CCS-049": {"Petare"},            # José Félix Ribas (and Fechas Patrias), Petare
    "CCS-036": {"La Vega"},                                   # Las Terrazas de La Vega
}
IN_COTA_905 = ("CCS-046", "CCS-034", "CCS-033")               # Cota 905 (station, El Paraíso tunnel, GNB post)


def test_corrected_events_sit_where_their_sources_say(cat, joined):
    rows = joined.set_index("id")
    names = dict(zip(cat.parishes.pcode, cat.parishes.name))
    for event, stated in STATED_PARISHES.items():
        listed = {names[c.strip()] for c in rows.loc[event, "parishes"].split("|") if c.strip()}
        assert (listed or {rows.loc[event, "parish"]}) == stated, event
        assert rows.loc[event, "parish"] in stated, event
    for event in IN_COTA_905:
        assert rows.loc[event, "sector_id"] == "cota_905", event


def test_conflicting_figures_are_ranges_and_dates_keep_both_versions(cat):
    inc = cat.incidents.set_index("id")
    assert (inc.loc["CCS-018", "fatalities_min"], inc.loc["CCS-018", "fatalities_max"]) == (1, 10)
    assert (inc.loc["CCS-049", "fatalities_min"], inc.loc["CCS-049", "fatalities_max"]) == (11, 15)
    assert inc.loc["CCS-049", "date_end"] == "2022-09-29"
    assert (inc.loc["CCS-046", "fatalities_max"], inc.loc["CCS-046", "date"]) == (0, "2022-05-13")
    assert "22 June 2015" in inc.loc["CCS-006", "date_note"] and "January 2015" in inc.loc["CCS-006", "date_note"]
    assert inc.loc["CCS-012", "single_source"] == "true" and inc.loc["CCS-050", "single_source"] == "false"


def test_koki_control_of_cota_905_has_a_disputed_start_shown_both_ways(cat):
    claim = cat.claims.set_index("claim_id").loc["cc_koki_cota905"]
    assert (claim.start, claim.start_kind, claim.start_latest) == ("2015-01", "disputed", "2015-06-22")
    march, august = asof.control_as_of(cat, dt.date(2015, 3, 1)), asof.control_as_of(cat, dt.date(2015, 8, 1))
    assert march.disputed_start.tolist() == [True] and march.tentative.tolist() == [True]
    assert august.disputed_start.tolist() == [False]
    assert popups.period_text(claim.to_dict(), "en").startswith("Jan 2015 or 22 Jun 2015 (start disputed)")
    assert popups.period_text(claim.to_dict(), "es").startswith("ene 2015 o 22 jun 2015 (inicio en disputa)")


# --- what the command line exports ----------------------------------------------------------------------------

def test_the_catalog_covers_every_year_of_its_window_with_at_least_80_incidents(exported):
    years = exported.date.str[:4].astype(int)
    assert len(exported) >= 80
    assert set(range(2013, 2025)) <= set(years), "every year 2013-2024 has an incident"
    added = pd.read_csv(geodata_dir() / "catalog" / "events_added.csv", dtype=str)
    assert len(added) >= 30 and added.verified_against.str.match(r"^https?://").all()


def test_single_source_marks_are_those_the_export_carries(cat, exported):
    marked = set(exported.loc[exported.single_source == "true", "id"])
    assert marked == set(cat.incidents.loc[cat.incidents.single_source == "true", "id"])
    assert marked and len(marked) < len(exported)
    for event in marked:   # one outlet indeed: every source's original (or outlet) is one name
        src = cat.sources[cat.sources.event_id == event]
        assert catalog_build.independent_outlets(src.to_dict("records")) == 1, event


def test_exports_name_the_designation_not_only_a_status(exported):
    row = exported.set_index("id").loc["CCS-019"]
    assert (row.designation_id, row.designation, row.designation_status) == \
        ("pz_cota_905", "Cota 905 peace zone", "in_force")


def test_killings_by_police_are_their_own_type(cat, exported):
    assert "police_killing" in set(cat.event_types.key)
    assert {"CCS-018", "CCS-049"} <= set(exported.loc[exported.type == "police_killing", "id"])


# --- the data version --------------------------------------------------------------------------------------------

def test_the_data_version_moved_and_every_export_and_citation_names_it(cat, exported):
    changelog = (geodata_dir() / "CHANGELOG.md").read_text(encoding="utf-8")
    latest = re.search(r"^## (\d+\.\d+\.\d+)", changelog, re.M).group(1)
    assert cat.version == datapackage.DATA_VERSION == latest == "0.2.0"
    assert set(exported.data_version) == {cat.version}
    text = citation.cite(FilterSpec(), "en", cat.version, dt.date(2026, 12, 6), base="https://t.example/")
    assert f"Data version {cat.version}." in text


# --- what the map shows --------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, mark, copy", [("en", "Single source", "copy of Crónica Uno"),
                                              ("es", "Fuente única", "copia de Crónica Uno")])
def test_popups_mark_single_source_incidents_and_say_what_each_source_is(cat, joined, lang, mark, copy):
    rows = joined[joined.id.isin(["CCS-012", "CCS-038"])].set_index("id", drop=False)
    single, multi = popups.incident_popups(cat, rows.loc[["CCS-012", "CCS-038"]], lang)
    assert mark in single and mark not in multi
    assert copy in single


def test_the_legend_explains_the_single_source_outline(cat, joined):
    from territorio.map import incidents

    rows = joined[joined.mapped & joined.id.isin(["CCS-012", "CCS-038"])]
    group, section = incidents.clustered_layer(cat, rows, ["", ""], "en")
    assert any("single source" in i.label and i.dashed for i in section.items)
    cluster = next(iter(group._children.values()))
    dashes = {m.options.get("dashArray") for m in cluster._children.values()}
    assert dashes == {None, "4 3"}, "the single-source incident alone is dashed"
