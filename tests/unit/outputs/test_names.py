"""File names say what a file shows: area, dates, language."""

import datetime as dt

import pytest

from territorio.outputs import names
from territorio.selection.filters import FilterSpec

D = dt.date


@pytest.mark.parametrize("spec, lang, ext, what, expected", [
    (FilterSpec(D(2019, 1, 1), D(2021, 12, 31), ("cota_905",)), "es", "png", "",
     "territorio_cota-905_2019-01-01_2021-12-31_es.png"),
    (FilterSpec(D(2019, 1, 1), D(2019, 1, 31)), "en", "csv", "", "territorio_caracas_2019-01-01_2019-01-31_en.csv"),
    (FilterSpec(areas=("VE010109",)), "en", "gpkg", "profile", "territorio_profile_ve010109_all-dates_en.gpkg"),
    (FilterSpec(D(2019, 1, 1), None, ("cota_905", "el_cementerio")), "en", "svg", "",
     "territorio_cota-905+el-cementerio_2019-01-01_end_en.svg"),
])
def test_file_names_say_area_dates_and_language(spec, lang, ext, what, expected):
    assert names.file_name(spec, lang, ext, what) == expected


def test_a_long_list_of_areas_is_cut_and_says_how_many_more():
    spec = FilterSpec(areas=tuple(f"VE0101{i:02d}" for i in range(20)))
    assert names.file_name(spec, "en", "png") == "territorio_ve010100+19-more_all-dates_en.png"


def test_the_cli_names_the_picture_when_given_a_folder_or_nothing(cli, tmp_path):
    done = cli("render", "--out", tmp_path, "--area", "Cota 905", "--from", "2019-01-01", "--to", "2021-12-31",
               "--lang", "es", "--format", "svg")
    assert done.code == 0, done.err
    assert (tmp_path / "territorio_cota-905_2019-01-01_2021-12-31_es.svg").exists()
    here = cli("render", "--area", "Cota 905", "--lang", "en", cwd=tmp_path)
    assert here.code == 0 and (tmp_path / "territorio_cota-905_all-dates_en.png").exists()
