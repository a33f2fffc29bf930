"""Importers over the fixture corpus (tests/fixtures/imports, synthetic): every format, good, awkward and
broken files, with their expected counts; rows in = rows loaded + rows rejected, always."""

from __future__ import annotations

import pytest

from loaders import uploads
from territorio import imports
from territorio.imports import FileRejected
from tests import FIXTURES

# file -> format, kind, total, loaded, rejected, rejection codes (in row order), warning codes (a set)
CASES = {
    "good_en.csv": ("csv", "incidents", 5, 5, 0, [], set()),
    "awkward_es.csv": ("csv", "incidents", 6, 6, 0, [], {"unknown_columns"}),
    "bom_xy.csv": ("csv", "incidents", 3, 3, 0, [], set()),
    "broken_rows.csv": ("csv", "incidents", 12, 4, 8,
                        ["date_missing", "date_unreadable", "date_future", "coords_off_globe", "coords_swapped",
                         "duplicate", "fatalities_negative", "coords_unreadable"],
                        {"outside_caracas", "no_coordinates", "fatalities_unreadable"}),
    "hostile.csv": ("csv", "incidents", 1, 1, 0, [], set()),
    "acled_current.csv": ("acled", "incidents", 6, 4, 2, ["date_unreadable", "duplicate"], set()),
    "acled_old.csv": ("acled", "incidents", 3, 3, 0, [], set()),
    "good_points.geojson": ("geojson", "incidents", 4, 4, 0, [], set()),
    "single_feature.geojson": ("geojson", "incidents", 1, 1, 0, [], set()),
    "broken.geojson": ("geojson", "incidents", 5, 2, 3, ["geometry_unreadable", "not_a_point", "date_missing"],
                       {"no_coordinates"}),
    "areas.geojson": ("geojson", "areas", 4, 3, 1, ["not_a_polygon"], {"polygon_repaired", "outside_caracas"}),
    "legacy_crs_2202.geojson": ("geojson", "incidents", 2, 2, 0, [], {"reprojected"}),
    "points.gpkg": ("gpkg", "incidents", 4, 3, 1, ["date_missing"], {"other_layers"}),
    "areas_regven.gpkg": ("gpkg", "areas", 2, 2, 0, [], {"reprojected"}),
    "points_psad56.zip": ("shapefile", "incidents", 3, 3, 0, [], {"reprojected"}),
    "areas_regven.zip": ("shapefile", "areas", 2, 2, 0, [], {"reprojected"}),
    "mymaps.kml": ("kml", "incidents", 4, 3, 1, ["geometry_unsupported"], set()),
    "mymaps.kmz": ("kmz", "incidents", 4, 3, 1, ["geometry_unsupported"], set()),
    "areas.kml": ("kml", "areas", 2, 2, 0, [], set()),
    "points.parquet": ("geoparquet", "incidents", 4, 3, 1, ["date_future"], set()),
    "areas.parquet": ("geoparquet", "areas", 2, 2, 0, [], set()),
    "nul_in_field.csv": ("csv", "incidents", 2, 2, 0, [], {"nul_stripped"}),
    "dates_with_time.csv": ("csv", "incidents", 4, 4, 0, [], set()),
    "empty_type.csv": ("csv", "incidents", 2, 2, 0, [], {"type_empty"}),
}

# file -> the code of its rejection as a whole
REJECTED_FILES = {
    "empty.csv": "empty",
    "binary.csv": "not_text",
    "no_date_column.csv": "no_date_column",
    "undated.csv": "no_date_column",
    "header_only.csv": "header_no_rows",
    "not_features.json": "geojson_not_features",
    "truncated.geojson": "json_unreadable",
    "broken.gpkg": "geo_unreadable",
    "noprj_utm.zip": "no_crs_projected",
    "traversal.zip": "zip_unsafe_path",
    "bomb.zip": "zip_bomb",
    "no_shp.zip": "zip_no_shp",
    "billion_laughs.kml": "xml_entities",
    "xxe.kml": "xml_entities",
}


def read(name: str, **options):
    """A fixture read as the app reads it (with the catalog's context), in this process: how each reader reads is
    what is tested here; that the bounded child process gives the same is test_bounded's (0.3 s a read)."""
    return imports.read_path(FIXTURES / name, **uploads.context(), **options)


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_counts_and_reasons(name):
    fmt, kind, total, loaded, rejected, reasons, warnings = CASES[name]
    r = read(name)
    assert (r.format, r.kind, r.rows_total, r.rows_loaded, r.rows_rejected) == (fmt, kind, total, loaded, rejected)
    assert r.rows_total == r.rows_loaded + r.rows_rejected
    assert [i.code for i in r.rejected] == reasons
    assert {i.code for i in r.warnings} == warnings


@pytest.mark.parametrize("name", sorted(REJECTED_FILES))
def test_unreadable_files_get_one_clear_message(name):
    with pytest.raises(FileRejected) as info:
        read(name)
    assert info.value.code == REJECTED_FILES[name]
    assert info.value.message("en") and info.value.message("es") != info.value.message("en")


def test_every_fixture_is_in_a_table():
    listed = set(CASES) | set(REJECTED_FILES)
    present = {p.name for p in FIXTURES.iterdir() if p.suffix not in (".py", ".md")}
    assert present == listed


def test_rejections_name_file_row_and_field():
    r = read("broken_rows.csv")
    reasons = {i.row: i.message(r.file) for i in r.rejected}
    assert reasons[3] == "broken_rows.csv row 3: date 'ayer' is not a date"
    assert reasons[7] == "broken_rows.csv row 7: exact duplicate of row 1"
    assert "look swapped" in reasons[6]
    assert "fila 3" in r.rejected[1].message(r.file, "es")


def test_fix_swapped_loads_the_swapped_row_with_a_warning():
    r = read("broken_rows.csv", fix_swapped=True)
    assert (r.rows_loaded, r.rows_rejected) == (5, 7)
    row = r.incidents.set_index("row").loc[6]
    assert (row.lat, row.lon) == (10.5, -66.91)
    assert any(w.code == "coords_swapped_fixed" and w.row == 6 for w in r.warnings)


def test_awkward_spanish_csv_values():
    inc = read("awkward_es.csv").incidents.set_index("row")
    assert list(inc.date) == ["2019-02-12", "2019-02", "2017", "2020-03-12", "2018-03", "2021-12-01"]
    assert list(inc.date_precision) == ["day", "month", "year", "day", "month", "day"]
    assert (inc.loc[1, "fatalities_min"], inc.loc[1, "fatalities_max"]) == (14, 24)
    assert (inc.loc[6, "fatalities_min"], inc.loc[6, "fatalities_max"]) == (2, 4)
    assert inc.loc[4, "title_en"] == '=HYPERLINK("http://example.org")'   # the export's guard "'" stripped
    assert inc.loc[6, "title_en"] == "Año y mes en letras, ñandú"          # Latin-1 decoded
    assert inc.loc[5, "sources"] == "https://example.org/b | https://example.org/c"
    assert inc.loc[1, "lat"] == pytest.approx(10.5, abs=0.01)               # decimal comma


def test_acled_keeps_time_and_geo_precision():
    inc = read("acled_current.csv").incidents.set_index("id")
    assert (inc.loc["SYN0001", "date"], inc.loc["SYN0001", "date_precision"]) == ("2020-05-09", "day")
    assert (inc.loc["SYN0002", "date"], inc.loc["SYN0002", "date_end"]) == ("2020-05-17", "2020-05-23")
    assert "time_precision 2" in inc.loc["SYN0002", "date_end_note"]
    assert (inc.loc["SYN0003", "date"], inc.loc["SYN0003", "date_precision"]) == ("2020-06", "month")
    assert list(inc.location_precision) == ["acled_geo_1", "acled_geo_2", "acled_geo_3", "acled_geo_1"]
    assert inc.loc["SYN0001", "actors_en"] == "Synthetic Gang A | Civilians (Venezuela)"
    assert inc.loc["SYN0001", "summary_en"] == "Synthetic note 1. [ACLED source: Synthetic Outlet]"
    old = read("acled_old.csv").incidents
    assert list(old.date) == ["2020-05-09", "2020-05-09", "2019-11-30"]


def test_kml_reads_extended_data_and_timestamps():
    inc = read("mymaps.kml").incidents
    assert list(inc.date) == ["2019-02-12", "2019-03-01", "2019-03"]
    assert list(inc.title_en) == ["Hecho sintético 1", "Hecho sintético 2", "Hecho sintético 3"]
    assert (inc.fatalities_min.iloc[2], inc.fatalities_max.iloc[2]) == (1, 3)
    assert read("mymaps.kmz").incidents[["date", "lat", "lon"]].equals(inc[["date", "lat", "lon"]])


def test_psad56_gets_its_datum_shift_and_regven_almost_none():
    """The same UTM numbers read as PSAD56 and as REGVEN land a few hundred metres apart."""
    from pyproj import Transformer

    psad = read("points_psad56.zip").incidents
    x, y = Transformer.from_crs(4326, 24819, always_xy=True).transform(psad.lon.iloc[0], psad.lat.iloc[0])
    as_regven = Transformer.from_crs(2202, 4326, always_xy=True).transform(x, y)
    shift_m = ((as_regven[0] - psad.lon.iloc[0]) * 109_500) ** 2 + ((as_regven[1] - psad.lat.iloc[0]) * 110_600) ** 2
    assert 150 < shift_m ** 0.5 < 800
    gj = read("legacy_crs_2202.geojson").incidents
    assert gj.lat.iloc[0] == pytest.approx(10.5, abs=0.01) and gj.lon.iloc[0] == pytest.approx(-66.91, abs=0.01)


def test_repaired_polygon_is_valid():
    areas = read("areas.geojson").areas
    assert areas.geometry.is_valid.all()
    assert list(areas.row) == [1, 2, 3]


def test_kind_can_be_forced():
    r = read("good_points.geojson", kind="areas")
    assert (r.kind, r.rows_loaded, r.rows_rejected) == ("areas", 0, 4)
    assert {i.code for i in r.rejected} == {"not_a_polygon"}
    with pytest.raises(FileRejected) as info:
        read("areas.geojson", kind="incidents")
    assert info.value.code == "no_date_column"


def test_size_limit_is_configurable():
    from territorio.imports import Limits

    with pytest.raises(FileRejected) as info:
        read("good_en.csv", limits=Limits(max_bytes=100))
    assert info.value.code == "too_big"


def test_end_dates_are_checked_too():
    from territorio.imports import read

    data = b"date,date_end,lat,lon\n2019-02-12,2019-02-14,10.5,-66.9\n2019-02-12,luego,10.5,-66.9\n" \
           b"2019-02-12,2019-02-01,10.5,-66.9\n"
    r = read(data, "spans.csv")
    assert [i.code for i in r.rejected] == ["date_end_unreadable", "date_end_before"]
    assert r.incidents.date_end.tolist() == ["2019-02-14"]
    assert r.rejected[0].message(r.file) == "spans.csv row 2: end date 'luego' is not a date"


def test_the_oldest_acled_spellings_are_understood():
    from territorio.imports import read

    data = (b"EVENT_ID_CNTY,EVENT_DATE,TIME_PRECIS,ACTOR1,ALLY_ACTOR_1,LATITUDE,LONGITUDE,GEO_PRECIS,FATALITIES,GWNO\n"
            b"SYN1,15/03/2016,3,Synthetic Group,Synthetic Ally,10.5,-66.9,2,1,101\n")
    r = read(data, "acled_1997_2016.csv")
    inc = r.incidents.iloc[0]
    assert (r.format, inc.date, inc.date_precision, inc.location_precision) == \
        ("acled", "2016-03", "month", "acled_geo_2")
    assert inc.actors_en == "Synthetic Group | Synthetic Ally" and not r.warnings
