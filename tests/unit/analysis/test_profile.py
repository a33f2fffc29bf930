"""Area profile: population never imputed and always qualified, rates only with a figure, sourced timeline."""

import pytest

from territorio.analysis import profile


@pytest.mark.parametrize("pcode, figure, year, kind, doubtful", [
    ("VE010105", None, "", "", False),                 # Catedral: no sourced figure
    ("VE010113", 50000, "", "estimate", True),         # Macarao: year unknown, 'Approximate ... use with caution'
    ("VE010122", 84535, "2020", "estimate", True),     # 23 de Enero: 'AMBIGUOUS'
    ("VE010112", 202206, "2011", "census", True),      # La Vega: 'SUSPECT'
    ("VE010110", 153496, "2009", "projection", False),  # El Valle
])
def test_population_is_read_as_sourced(cat, pcode, figure, year, kind, doubtful):
    pop = profile.population(cat, pcode)
    assert (pop.figure, pop.year, pop.kind, pop.doubtful) == (figure, year, kind, doubtful)


def test_rates_only_with_a_figure(cat, joined):
    assert profile.build(cat, joined, "cota_905", "en").rates() is None, "sectors have no population"
    assert profile.build(cat, joined, "VE010105", "en").rates() is None, "no figure: no rate"
    p = profile.build(cat, joined, "VE010112", "en")
    inc, lo, hi = p.rates()
    assert inc == pytest.approx(len(p.incidents) * 100_000 / 202206)
    assert (lo, hi) == pytest.approx((p.fatalities[0] * 100_000 / 202206, p.fatalities[1] * 100_000 / 202206))


@pytest.mark.parametrize("lang, unknown, year_unknown", [("en", "Population unknown", "year unknown"),
                                                         ("es", "Población desconocida", "año desconocido")])
def test_population_sentences_qualify_the_figure(cat, joined, lang, unknown, year_unknown):
    assert profile.population_sentences(profile.build(cat, joined, "VE010105", lang), lang)[0].startswith(unknown)
    assert profile.population_sentences(profile.build(cat, joined, "cota_905", lang), lang)[0].startswith(unknown)
    figure, detail, warn = profile.population_sentences(profile.build(cat, joined, "VE010113", lang), lang)
    assert year_unknown in figure and warn and "50" in figure
    figure, detail, warn = profile.population_sentences(profile.build(cat, joined, "VE010112", lang), lang)
    assert ("202.206" if lang == "es" else "202,206") in figure and "SUSPECT" in detail and warn
    rate = f"{profile.build(cat, joined, 'VE010112', lang).rates()[0]:.1f}"
    assert (rate.replace(".", ",") if lang == "es" else rate) in detail, "rates localised"


def test_sector_timeline_merges_incidents_designation_and_control_with_sources(cat, joined):
    p = profile.build(cat, joined, "cota_905", "en")
    kinds = {e.kind for e in p.timeline}
    assert kinds == {"incident", "designation", "control"}
    assert [e.start for e in p.timeline] == sorted(e.start for e in p.timeline)
    assert all(e.event_ids for e in p.timeline), "every entry names its sources"
    designation = [e for e in p.timeline if e.kind == "designation"]
    assert len(designation) == len(cat.periods[cat.periods.designation_id == "pz_cota_905"])
    cited = {i for e in p.timeline for i in e.event_ids}
    assert set(p.sources.event_id) == cited & set(cat.sources.event_id), "the source list is the timeline's"
    assert p.sources.url.str.match(r"^https?://").all()
    assert "koki_gang" in set(p.actors.actor_id)


def test_parish_profile_takes_designations_of_its_sectors(cat, joined):
    kinds = {e.kind for e in profile.build(cat, joined, "VE010110", "en").timeline}
    assert {"designation", "control"} <= kinds, "El Valle: its own peace zone and Barrio El 70's control"


def test_unknown_area_is_named(cat, joined):
    with pytest.raises(profile.UnknownArea, match="atlantis"):
        profile.build(cat, joined, "atlantis", "en")


def test_fatalities_are_a_range(cat, joined):
    lo, hi, unknown = profile.build(cat, joined, "cota_905", "en").fatalities
    assert lo < hi and unknown >= 0


@pytest.mark.parametrize("area, kind, lang, when", [
    ("cota_905", "designation", "en", "since 8 Jul 2021"),                    # the end of the zone: no end known
    ("cota_905", "designation", "en", "13 Jul 2015 – 25 Aug 2017"),           # suspended by the first OLP
    ("el_cementerio", "control", "en", "last reported 27 May 2016"),          # Lucifer's death; after it unknown
    ("el_cementerio", "control", "es", "último reporte 27 may 2016"),
])
def test_periods_say_how_they_end(cat, joined, area, kind, lang, when):
    periods = [e.when for e in profile.build(cat, joined, area, lang).timeline if e.kind == kind]
    assert any(when in p for p in periods), periods
