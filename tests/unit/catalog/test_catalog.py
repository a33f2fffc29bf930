"""The catalog and its join: golden cases from the story, and the integrity of every row."""

import json
from urllib.parse import urlparse

import pandas as pd
import pytest
import shapely

from loaders import geodata
from territorio.build import geodata as geodata_build
from territorio.catalog import join
from territorio.paths import geodata_dir
from territorio.selection import filters


@pytest.fixture(scope="module")
def joined(cat):
    return join.join(cat).set_index("id", drop=False)


def test_the_2019_massacre_golden_case(joined, cat):
    row = joined.loc["CCS-019"]
    assert row.parish == "El Paraíso"
    assert row.sector_id == "cota_905"
    assert row.designation_status == "in_force"
    assert row.controlling_group == "koki_gang"
    assert (row.fatalities_min, row.fatalities_max) == (7, 7)


def test_control_of_cota_905_ends_with_the_july_2021_operation(joined):
    assert joined.loc["CCS-038", "controlling_group"] == "koki_gang"  # 8 Jul: the operation begins
    for later in ("CCS-046",):                                         # 14 May 2022, Cota 905
        assert joined.loc[later, "sector_id"] == "cota_905"
        assert joined.loc[later, "controlling_group"] == ""
        assert joined.loc[later, "designation_status"] == "ended"


def test_peace_zone_history_of_cota_905(joined):
    assert joined.loc["CCS-007", "designation_status"] == "disputed"   # Jun 2015: 2015 vs 2017 sources
    assert joined.loc["CCS-010", "designation_status"] == "suspended"  # the first OLP
    assert joined.loc["CCS-001", "designation_status"] == ""           # 2013: before any claim


def test_year_dated_event_straddling_a_change_is_uncertain(cat):
    inc = cat.incidents[cat.incidents.id == "CCS-019"].copy()
    inc["id"], inc["date"], inc["date_precision"] = "T-1", "2021", "year"
    row = join.join(cat, inc).iloc[0]
    assert row.designation_status == "uncertain"
    assert row.controlling_group == "uncertain"


def test_unmapped_incidents_are_kept_with_their_stated_parish(joined):
    assert not joined.loc["CCS-041", "mapped"]
    assert joined.loc["CCS-041", "parish"] == "Caucagüita"
    assert not joined.loc["CCS-006", "mapped"] and joined.loc["CCS-006", "pcode"] == ""


def test_unknown_fatalities_stay_unknown_and_ranges_stay_ranges(joined):
    assert pd.isna(joined.loc["CCS-008", "fatalities_min"])
    assert (joined.loc["CCS-031", "fatalities_min"], joined.loc["CCS-031", "fatalities_max"]) == (14, 24)
    assert joined.loc["CCS-007", "fatalities_max"] == 0


def test_aragua_events_are_outside_the_study_area(joined):
    assert not joined.loc["CCS-044", "in_study_area"] and not joined.loc["CCS-045", "in_study_area"]
    assert joined.loc["CCS-045", "pcode"] == ""


@pytest.mark.parametrize("kw,expected", [
    (dict(date_from="2019-02-12", date_to="2019-02-13"), {"CCS-019"}),
    (dict(areas=["cota 905"], date_from="2019-01-01", date_to="2019-12-31"), {"CCS-019", "CCS-022"}),
    (dict(areas=["El Paraiso"], types=["massacre"]), {"CCS-019"}),
    (dict(actors=["Koki"], date_from="2019-02-01", date_to="2019-02-28"), {"CCS-019"}),
    (dict(areas=["Caucaguita"]), {"CCS-041"}),
    (dict(min_fatalities=20), {"CCS-031", "CCS-038", "CCS-040"}),
])
def test_filters(cat, joined, kw, expected):
    spec = filters.resolve(cat, **kw)
    got = set(joined[filters.apply(cat, joined.reset_index(drop=True), spec).mask].id)
    assert got == expected


@pytest.mark.parametrize("kw,message", [
    (dict(areas=["Atlantis"]), "unknown area 'Atlantis'"),
    (dict(types=["picnic"]), "unknown type 'picnic'"),
    (dict(date_from="2019-13-01"), "from date '2019-13-01' is not an ISO date"),
])
def test_bad_filter_values_are_named(cat, kw, message):
    with pytest.raises(ValueError, match=message):
        filters.resolve(cat, **kw)


# --- integrity ------------------------------------------------------------------------------------

def test_ids_are_unique_across_incidents_and_timeline(cat):
    ids = list(cat.incidents.id) + list(cat.timeline.id)
    assert len(ids) == len(set(ids)) == 89   # 51 research facts + 38 added in data 0.2.0


def test_every_incident_has_an_http_source(cat):
    by_event = cat.sources.groupby("event_id").url.apply(list)
    for row in cat.incidents.itertuples():
        urls = by_event[row.id]
        assert urls and all(urlparse(u).scheme in ("http", "https") for u in urls), row.id
        assert row.sources.split(" | ") == urls


def test_mirrors_are_marked(cat):
    src = cat.sources.set_index(["event_id", "n"])
    assert src.loc[("CCS-007", "1"), "mirror"] == "true"     # Efecto Cocuyo (mirror cocuyo.1eye.us)
    assert src.loc[("CCS-007", "1"), "outlet"] == "Efecto Cocuyo"
    assert src.loc[("CCS-019", "1"), "mirror"] == "false"    # InSight Crime, read on its own site


def test_every_point_lies_in_its_stated_parish_or_is_flagged(joined):
    for row in joined[joined.mapped & joined.in_study_area].itertuples():
        stated = row.parish_stated
        assert row.parish and (row.parish in stated or row.location_precision in
                               ("estimate_unverified", "sector_proxy", "parish_reference")), row.id


def test_sectors_are_approximate_and_do_not_overlap(cat):
    s = cat.sectors.to_crs(32619)
    assert set(s.geometry_quality) == {"approximate"}
    assert {"cota_905", "el_cementerio", "jose_felix_ribas", "barrio_el_70"} <= set(s.sector_id)
    for i in range(len(s)):
        for j in range(i + 1, len(s)):
            assert s.geometry.iloc[i].intersection(s.geometry.iloc[j]).area < 1.0
    for row in cat.sectors.itertuples():   # each contains its own sourced point
        assert row.geometry.contains(shapely.Point(row.anchor_lon, row.anchor_lat)), row.sector_id


def test_authored_rows_point_to_fact_rows(cat):
    fact_ids = set(cat.incidents.id) | set(cat.timeline.id)
    for frame in (cat.periods, cat.claims):
        for refs in frame.source_event_ids:
            ids = [r.strip() for r in refs.split("|")]
            assert ids and set(ids) <= fact_ids, refs
    assert set(cat.claims.group_id) <= set(cat.actors.actor_id)
    for ids in cat.incidents.actor_ids:
        assert {a.strip() for a in ids.split("|") if a.strip()} <= set(cat.actors.actor_id)


def test_no_minor_or_private_victim_is_named(cat):
    text = " ".join(cat.incidents.actors_en) + " ".join(cat.incidents.summary_en) + " ".join(cat.incidents.actors_es)
    for name in ("Greiber", "Yonaiker", "Larry Morillo", "Patete", "Diego Alejandro", "Infante (16)"):
        assert name not in text


def test_spanish_summaries_are_marked_as_translations(cat):
    assert (cat.incidents.summary_es != "").all()
    assert cat.incidents.summary_es_translated.str.contains("translated").all()


@pytest.mark.parametrize("name", [r["name"] for r in geodata.descriptor()["resources"]])
def test_every_file_matches_its_descriptor(name):
    assert geodata.check_resource(name) == []


def test_facts_are_copied_unchanged(shared):
    assert geodata_build.stale_facts(shared, geodata_dir()) == []


# --- the CLI --------------------------------------------------------------------------------------

def test_cli_massacre_geojson(cli):
    out = cli("incidents", "--from", "2019-02-12", "--to", "2019-02-13", "--format", "geojson")
    assert out.code == 0, out.err
    feats = json.loads(out.out)["features"]
    assert len(feats) == 1
    p = feats[0]["properties"]
    assert (p["id"], p["parish"], p["sector"], p["designation_status"]) == ("CCS-019", "El Paraíso", "Cota 905",
                                                                          "in_force")
    assert "Koki" in p["controlling_group"]
    assert feats[0]["geometry"]["coordinates"] == [-66.93, 10.486]


def test_cli_everything_returns_every_incident_with_a_source(cli, cat):
    out = cli("incidents")
    rows = pd.read_csv(__import__("io").StringIO(out.out), dtype=str, keep_default_na=False)
    assert len(rows) == len(cat.incidents)
    assert (rows.sources.str.startswith("http")).all()
    assert cli("incidents", "--count").out.strip() == str(len(cat.incidents))


def test_cli_names_match_without_accents(cli):
    assert cli("incidents", "--area", "cota 905", "--actor", "koki", "--count").out.strip() == \
        cli("incidents", "--area", "cota_905", "--actor", "koki_gang", "--count").out.strip()


def test_cli_unknown_area_is_a_clear_error(cli):
    out = cli("incidents", "--area", "Narnia")
    assert out.code == 2 and "unknown area 'Narnia'" in out.err and "Traceback" not in out.err


def test_sources_by_event_are_built_once_per_catalog(cat):
    from territorio.catalog.model import sources_by_event

    first = sources_by_event(cat)
    assert sources_by_event(cat) is first
    assert [s["url"] for s in first["CCS-019"]] == list(cat.sources.loc[cat.sources.event_id == "CCS-019", "url"])
