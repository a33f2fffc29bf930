"""Pure logic of the map page: playback steps, URL state, clicks, the sentence, numbers and dates."""

import datetime as dt
import json
import re

import pytest

from territorio.catalog import dates
from territorio.i18n import numbers
from territorio.i18n.text import escape_markdown
from territorio.map import clicks
from territorio.selection import describe, filters, playback, urlstate

D = dt.date
SPAN = (D(2013, 1, 1), D(2023, 12, 31))


# --- playback -------------------------------------------------------------------------------------

@pytest.mark.parametrize("window,unit,expected", [
    ((D(2019, 2, 1), D(2019, 2, 28)), "month", (D(2019, 3, 1), D(2019, 3, 31))),
    ((D(2019, 1, 1), D(2019, 3, 31)), "month", (D(2019, 2, 1), D(2019, 4, 30))),     # whole months stay whole
    ((D(2019, 2, 1), D(2019, 2, 28)), "week", (D(2019, 2, 8), D(2019, 3, 7))),       # same length
    ((D(2019, 1, 1), D(2019, 12, 31)), "year", (D(2020, 1, 1), D(2020, 12, 31))),
    ((D(2023, 11, 1), D(2023, 11, 30)), "month", (D(2023, 12, 1), D(2023, 12, 31))),
    ((D(2023, 6, 1), D(2023, 11, 30)), "month", (D(2023, 7, 1), D(2023, 12, 31))),    # clipped at the end
    ((D(2023, 12, 1), D(2023, 12, 31)), "month", None),                                # the end: stop
])
def test_step(window, unit, expected):
    assert playback.step(window, SPAN, unit) == expected


def test_playing_the_whole_span_starts_from_one_unit_at_its_start():
    assert playback.start(SPAN, SPAN, "month") == (D(2013, 1, 1), D(2013, 1, 31))
    assert playback.start((D(2019, 2, 1), D(2019, 2, 28)), SPAN, "year") == (D(2019, 2, 1), D(2019, 2, 28))


def test_playback_reaches_the_end_and_stops():
    window, steps = playback.start(SPAN, SPAN, "year"), 0
    while (nxt := playback.step(window, SPAN, "year")) is not None:
        window, steps = nxt, steps + 1
    assert steps == 10 and window == (D(2023, 1, 1), D(2023, 12, 31))


def test_unknown_unit_is_named():
    with pytest.raises(ValueError, match="fortnight"):
        playback.step((D(2019, 1, 1), D(2019, 1, 31)), SPAN, "fortnight")


# --- URL state --------------------------------------------------------------------------------------

def _query(params):
    return lambda key: [v for v in (params.get(key) if isinstance(params.get(key), list) else
                                    [params[key]] if key in params else [])]


def test_a_full_link_round_trips(cat):
    params = {"from": "2019-02-01", "to": "2019-02-28", "area": ["cota_905", "VE010110"], "type": "massacre",
              "actor": "koki", "min_fatalities": "5", "lang": "es", "lat": "10.48", "lon": "-66.93", "zoom": "14.5"}
    state, notes = urlstate.from_query(_query(params), cat, SPAN)
    assert notes == []
    assert state.spec == filters.FilterSpec(D(2019, 2, 1), D(2019, 2, 28), ("cota_905", "VE010110"),
                                            ("massacre",), ("koki",), 5)
    assert state.lang == "es" and state.view == urlstate.MapView(10.48, -66.93, 14.5)
    back = urlstate.to_query(state, SPAN)
    assert urlstate.from_query(_query(back), cat, SPAN)[0] == state


def test_names_are_normalised_to_ids(cat):
    state, notes = urlstate.from_query(_query({"area": ["El Paraiso", "cota 905"], "actor": "Carlos Luis Revete",
                                                "type": "Masacre"}), cat, SPAN)
    assert not notes
    assert state.spec.areas == ("VE010108", "cota_905") and state.spec.actors == ("koki",)
    assert state.spec.types == ("massacre",)


@pytest.mark.parametrize("params,param,reason", [
    ({"from": "12/02/2019"}, "from", "bad_date"),
    ({"to": "2040-01-01"}, "to", "outside_span"),
    ({"from": "2019-03-01", "to": "2019-02-01"}, "to", "before_from"),
    ({"area": "Atlantis"}, "area", "unknown_area"),
    ({"type": "picnic"}, "type", "unknown_type"),
    ({"actor": "nobody"}, "actor", "unknown_actor"),
    ({"zoom": "x", "lat": "10.5", "lon": "-66.9"}, "zoom", "bad_number"),
    ({"lat": "48.85", "lon": "2.35"}, "lat", "out_of_range"),
    ({"lat": "10.5"}, "lat/lon", "half_view"),
    ({"lang": "fr"}, "lang", "bad_lang"),
    ({"min_fatalities": "-1"}, "min_fatalities", "out_of_range"),
])
def test_bad_values_become_notes_and_defaults(cat, params, param, reason):
    state, notes = urlstate.from_query(_query(params), cat, SPAN)
    assert (param, reason) in [(n.param, n.reason) for n in notes]
    assert state.spec.date_from and state.spec.date_to     # always a usable window
    assert all(n.message("es") and n.message("en") for n in notes)


def test_a_date_outside_the_span_is_clipped_with_a_note(cat):
    state, notes = urlstate.from_query(_query({"to": "2040-01-01"}), cat, SPAN)
    assert state.spec.date_to == SPAN[1] and "2013-01-01" in notes[0].message("en")


def test_defaults_stay_out_of_the_url(cat):
    state, _ = urlstate.from_query(_query({}), cat, SPAN)
    assert urlstate.to_query(state, SPAN) == {"lang": "en"}


# --- clicks -------------------------------------------------------------------------------------------

def _click(count, props):
    return {"last_object_clicked_count": count, "last_active_drawing": {"type": "Feature", "properties": props}}


@pytest.mark.parametrize("result,seen,expected", [
    (_click(1, {"area_id": "VE010108", "name": "El Paraíso"}), 0, ("VE010108", 1)),
    (_click(1, {"area_id": "VE010108"}), 1, (None, 1)),              # the same click, reported again
    (_click(2, {}), 1, (None, 2)),                                    # an incident: no area
    ({"center": {"lat": 10.5, "lng": -66.9}, "zoom": 12}, 3, (None, 3)),
    (None, None, (None, None)),
])
def test_clicked_area(result, seen, expected):
    assert clicks.clicked_area(result, seen) == expected


def test_clicking_toggles_an_area():
    assert clicks.toggle((), "cota_905") == ("cota_905",)
    assert clicks.toggle(("cota_905", "VE010110"), "cota_905") == ("VE010110",)


def test_view_of_a_map_result():
    assert clicks.view_of({"center": {"lat": 10.48, "lng": -66.93}, "zoom": 14}) == (10.48, -66.93, 14.0)
    assert clicks.view_of({"zoom": 14}) is None


# --- the sentence --------------------------------------------------------------------------------------

def _sentence(cat, joined, lang, **spec):
    s = filters.FilterSpec(**spec)
    return describe.sentence(cat, s, describe.summarise(joined, filters.apply(cat, joined, s)), lang)


def test_the_sentence_of_the_issue(cat, joined):
    assert _sentence(cat, joined, "en", date_from=D(2019, 2, 1), date_to=D(2019, 2, 28)) == \
        "2 incidents, 12 killed, in Cota 905 (El Paraíso) and Coche, 1–28 Feb 2019."
    assert _sentence(cat, joined, "es", date_from=D(2019, 2, 1), date_to=D(2019, 2, 28)) == \
        "2 incidentes, 12 muertos, en Cota 905 (El Paraíso) y Coche, 1–28 feb 2019."


def test_the_sentence_says_what_the_map_cannot_show(cat, joined):
    text = _sentence(cat, joined, "en", date_from=D(2013, 1, 1), date_to=D(2024, 12, 31))   # the catalog's span
    n = len(joined)
    unmapped = int((~joined["mapped"]).sum())
    assert text.startswith(f"{n} incidents,") and f"{unmapped} not mapped" in text


def test_the_sentence_names_filters(cat, joined):
    text = _sentence(cat, joined, "en", date_from=SPAN[0], date_to=SPAN[1], types=("massacre",),
                     actors=("koki",), min_fatalities=5)
    assert "(massacre)" in text and "involving Koki (Carlos Luis Revete)" in text and "at least 5 killed" in text


def test_date_uncertain_incidents_are_counted(cat, joined):
    # CCS-050 is dated May 2023 (month only): a window ending mid-May cannot be sure of it
    text = _sentence(cat, joined, "en", date_from=D(2023, 5, 1), date_to=D(2023, 5, 10))
    assert "date-uncertain" in text


# --- numbers, dates, text -----------------------------------------------------------------------------------

@pytest.mark.parametrize("n,lang,expected", [(1234567, "en", "1,234,567"), (1234567, "es", "1.234.567"),
                                             (7, "es", "7")])
def test_fmt_int(n, lang, expected):
    assert numbers.fmt_int(n, lang) == expected


def test_fmt_range_and_float():
    assert numbers.fmt_range(4, 9, "en") == "4-9" and numbers.fmt_range(7, 7, "en") == "7"
    assert numbers.fmt_float(1234.56, "es") == "1.234,6"


@pytest.mark.parametrize("a,b,lang,expected", [
    (D(2019, 2, 1), D(2019, 2, 28), "en", "1–28 Feb 2019"),
    (D(2019, 2, 1), D(2019, 3, 15), "es", "1 feb – 15 mar 2019"),
    (D(2013, 1, 1), D(2023, 12, 31), "en", "1 Jan 2013 – 31 Dec 2023"),
    (D(2021, 7, 8), D(2021, 7, 8), "es", "8 jul 2021"),
])
def test_format_range(a, b, lang, expected):
    assert dates.format_range(a, b, lang) == expected


def test_escape_markdown_neutralises_links_and_html():
    assert escape_markdown("[x](javascript:alert(1)) <b>") == "\\[x\\]\\(javascript\\:\u2060alert\\(1\\)\\) \\<b\\>"
    assert escape_markdown("a" * 100, limit=10) == "a" * 10 + "…"


@pytest.mark.parametrize("value, lang, decimals, expected", [
    (202206, "en", 0, "202,206"), (202206, "es", 0, "202.206"), (1.4836, "en", 1, "1.5"), (1.4836, "es", 1, "1,5"),
    (1234567.891, "es", 2, "1.234.567,89"), (0, "es", 0, "0"),
])
def test_numbers_are_localised(value, lang, decimals, expected):
    assert numbers.fmt_float(value, lang, decimals) == expected


@pytest.mark.parametrize("lo, hi, lang, expected", [(3, 3, "en", "3"), (56, 73, "es", "56-73"),
                                                    (1200, 1500, "es", "1.200-1.500")])
def test_count_ranges(lo, hi, lang, expected):
    assert numbers.fmt_range(lo, hi, lang) == expected


@pytest.mark.parametrize("value", ["</script><b>", "<!-- x", {"a": ["</", "<!--", "Caucagüita"]}])
def test_script_json_cannot_close_or_comment_a_script_and_stays_json(value):
    from territorio.i18n.text import script_json

    text = script_json(value)
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == value


@pytest.mark.parametrize("text, breaks", [
    ("see https://evil.example/login now", "https\\:\u2060//"),
    ("HTTP://EVIL.EXAMPLE", "HTTP\\:\u2060//"),
    ("www.evil.example", "www\u2060\\."),
    ("Www.evil.example", "Www\u2060\\."),
    ("write to someone@evil.example", "someone@\u2060evil"),
    (":rocket: launch", "\\:\u2060rocket\\:"),
])
def test_escape_markdown_leaves_no_bare_address_or_emoji_code(text, breaks):
    """Streamlit's renderer links bare addresses after escapes are resolved; a word joiner breaks each pattern,
    and the text reads the same (the joiner is invisible)."""
    out = escape_markdown(text, limit=200)
    assert breaks in out
    assert re.sub(r"\\(.)", r"\1", out).replace("\u2060", "") == text


def test_escape_markdown_adds_nothing_to_plain_sentences():
    assert escape_markdown("Siguiente: 6 de noviembre de 2020", limit=200) == "Siguiente\\: 6 de noviembre de 2020"
