"""What real files did to the importer (issue 15, items 6 and 7): each fixture read as the app reads it."""

from __future__ import annotations

import pytest

from loaders import uploads
from territorio import imports
from territorio.imports import FileRejected

from .test_read import FIXTURES


def read(name: str, **options):
    return imports.read_path(FIXTURES / name, **uploads.context(), **options)


def test_a_nul_byte_inside_a_field_is_stripped_and_the_rows_kept():
    r = read("nul_in_field.csv")
    assert (r.rows_total, r.rows_loaded, r.rows_rejected) == (2, 2, 0)
    assert list(r.incidents.title_en) == ["Synthetic clash", "Synthetic raid"]
    assert [(w.row, w.code, w.params) for w in r.warnings] == [(None, "nul_stripped", {"n": 1})]


def test_a_binary_file_is_still_not_text():
    with pytest.raises(FileRejected) as exc:
        read("binary.csv")
    assert exc.value.code == "not_text"


def test_dates_with_a_time_or_a_weekday_are_read():
    r = read("dates_with_time.csv")
    assert r.rows_rejected == 0
    assert list(r.incidents.date) == ["2021-07-09", "2021-07-09", "2020-03-07", "2017-10-10"]
    assert set(r.incidents.date_precision) == {"day"}


def test_a_header_with_no_rows_is_rejected_with_that_reason():
    with pytest.raises(FileRejected) as exc:
        read("header_only.csv")
    assert exc.value.code == "header_no_rows"
    assert str(exc.value) == "the file has a header but no rows"


def test_an_empty_type_loads_as_unknown_with_a_warning_and_own_types_stay_their_own():
    r = read("empty_type.csv")
    assert list(r.incidents.type) == ["homicidio", "unknown"]
    assert [(w.row, w.code) for w in r.warnings] == [(2, "type_empty")]


def test_a_type_map_maps_only_what_the_person_listed():
    r = read("dates_with_time.csv", type_map={"homicidio": "massacre"})
    assert list(r.incidents.type) == ["massacre", "massacre", "enfrentamiento", "enfrentamiento"]
    assert list(r.incidents.type_original) == ["homicidio", "homicidio", "enfrentamiento", "enfrentamiento"]


def test_a_file_without_dates_is_refused_unless_its_dating_is_chosen():
    with pytest.raises(FileRejected) as exc:
        read("undated.csv")
    assert exc.value.code == "no_date_column" and "undated" in str(exc.value)
    undated = read("undated.csv", undated=True)
    assert (undated.rows_loaded, undated.dating) == (6, "undated")
    assert set(undated.incidents.date_precision) == {"undated"} and set(undated.incidents.date) == {""}
    assert undated.to_dict()["dates"] == "undated"
    dated = read("undated.csv", file_date="2021-07")
    assert (set(dated.incidents.date), set(dated.incidents.date_precision)) == ({"2021-07"}, {"month"})
    assert dated.to_dict()["dates"] == "whole file dated 2021-07"
    with pytest.raises(FileRejected) as bad:
        read("undated.csv", file_date="yesterday")
    assert bad.value.code == "file_date_unreadable"


def test_own_types_are_listed_and_only_mapped_types_change():
    from territorio.imports import map_types, own_types

    r = read("dates_with_time.csv")
    known = uploads.context()["known_types"]
    assert own_types(r.incidents, known) == {"homicidio": 2, "enfrentamiento": 2}
    mapped = map_types(r.incidents, {"homicidio": "homicide", "enfrentamiento": "not-a-catalog-type"}, known)
    assert list(mapped.type) == ["homicide", "homicide", "enfrentamiento", "enfrentamiento"]
    assert map_types(r.incidents, {}, known) is r.incidents
