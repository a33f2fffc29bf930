"""Cells as people write them: dates, numbers, fatality ranges, the export's formula guard, format detection."""

import pytest

from territorio.imports import detect
from territorio.imports.report import FileRejected
from territorio.imports.values import ValueProblem, parse_date, parse_fatalities, parse_number, unguard, urls


@pytest.mark.parametrize("text, expected", [
    ("2019-02-12", ("2019-02-12", "day")),
    ("2019-02", ("2019-02", "month")),
    ("2019", ("2019", "year")),
    ("12/02/2019", ("2019-02-12", "day")),          # day first, as written in Venezuela
    ("12-02-2019", ("2019-02-12", "day")),
    ("12.02.2019", ("2019-02-12", "day")),
    ("1/3/19", ("2019-03-01", "day")),
    ("02/2019", ("2019-02", "month")),
    ("12 de febrero de 2019", ("2019-02-12", "day")),
    ("Febrero de 2019", ("2019-02", "month")),
    ("setiembre 2016", ("2016-09", "month")),
    ("1 dic 2020", ("2020-12-01", "day")),
    ("9-May-20", ("2020-05-09", "day")),            # ACLED, older exports
    ("09 May 2020", ("2020-05-09", "day")),         # ACLED, current exports
    ("February 12, 2019", ("2019-02-12", "day")),
    ("2019-02-12T10:00:00Z", ("2019-02-12", "day")),  # KML TimeStamp
    ("2019-02-12 10:00", ("2019-02-12", "day")),
])
def test_dates_people_write(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, code", [
    ("", "date_missing"), ("   ", "date_missing"), ("ayer", "date_unreadable"), ("31/02/2019", "date_unreadable"),
    ("13/2019", "date_unreadable"), ("12 febrero marzo 2019", "date_unreadable"), ("2019-13-01", "date_unreadable"),
])
def test_dates_that_are_not(text, code):
    with pytest.raises(ValueProblem) as info:
        parse_date(text)
    assert info.value.code == code


@pytest.mark.parametrize("text, expected", [
    ("", (None, None)), ("3", (3, 3)), ("0", (0, 0)), ("3.0", (3, 3)), ("14-24", (14, 24)), ("14 – 24", (14, 24)),
    ("14 a 24", (14, 24)), ("2 to 4", (2, 4)),
])
def test_fatalities(text, expected):
    assert parse_fatalities(text) == expected


@pytest.mark.parametrize("text, code", [
    ("-3", "fatalities_negative"), ("24-14", "fatalities_reversed"), ("unos 5", "fatalities_unreadable"),
])
def test_fatalities_rejected_or_unreadable(text, code):
    with pytest.raises(ValueProblem) as info:
        parse_fatalities(text)
    assert info.value.code == code


@pytest.mark.parametrize("text, expected", [("10,486", 10.486), ("-66.93", -66.93), ("", None), ("\u221266.9", -66.9)])
def test_numbers_with_decimal_comma(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("cell, expected", [
    ("'=1+1", "=1+1"), ("'+57", "+57"), ("'-66.93", "-66.93"), ("'@cmd", "@cmd"), ("'quoted'", "'quoted'"),
    ("plain", "plain"), ("''=x", "''=x"),
])
def test_the_exports_formula_guard_is_undone(cell, expected):
    assert unguard(cell) == expected


def test_only_http_links_are_sources():
    assert urls("see https://a.org/x | javascript:alert(1) | http://b.org") == ["https://a.org/x", "http://b.org"]


@pytest.mark.parametrize("name, data, fmt", [
    ("x.csv", b"lat,lon,date\n", "csv"),
    ("x.csv", b"event_id_cnty,event_date,latitude\n", "acled"),
    ("x.txt", b"\xef\xbb\xbfevent_id_cnty;event_date\n", "acled"),
    ("upload", b'{"type": "FeatureCollection"}', "geojson"),
    ("upload", b"<?xml version='1.0'?><kml/>", "kml"),
    ("upload", b"SQLite format 3\x00...", "gpkg"),
    ("upload", b"PAR1....", "geoparquet"),
    ("x.json", b"{}", "geojson"),
    ("x.KMZ", b"PK", "kmz"),
])
def test_format_detection(name, data, fmt):
    assert detect.detect(name, data) == fmt


def test_spreadsheets_are_refused_with_advice():
    with pytest.raises(FileRejected) as info:
        detect.detect("datos.xlsx", b"PK")
    assert "CSV" in str(info.value)


def _codes_in_source() -> set[str]:
    import re
    from pathlib import Path

    import territorio.imports as pkg

    pattern = re.compile(r'(?:Rejected|FileRejected|ValueProblem|warn)\(\s*"(\w+)"|Issue\([^,()]+, "(\w+)"')
    text = "\n".join(p.read_text() for p in Path(pkg.__file__).parent.glob("*.py"))
    return {a or b for a, b in pattern.findall(text)} | {"geometry_unreadable", "geometry_unsupported",
                                                         "date_end_unreadable"}


def test_every_import_message_reads_in_english_and_spanish():
    from territorio.i18n import TEXTS

    codes = _codes_in_source()
    assert len(codes) > 40
    for code in codes:
        entry = TEXTS.get(f"imp_{code}")
        assert entry and entry["en"] and entry["es"] and entry["en"] != entry["es"], code
