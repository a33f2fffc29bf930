"""Exports of a view: CSV, GeoJSON and GeoPackage hold the same rows, with provenance; CSV is formula-safe."""

import csv
import io
import json

import geopandas as gpd
import pandas as pd
import pytest

from territorio.outputs import export
from territorio.selection import filters


@pytest.fixture(scope="module")
def spec(cat):
    return filters.resolve(cat, date_from="2015-01-01", date_to="2021-12-31")


def read_all(cat, joined, spec, tmp_path):
    """Each format written to a file and read back by GeoPandas."""
    (tmp_path / "v.csv").write_text(export.csv_view(cat, joined, spec, "en"), encoding="utf-8")
    (tmp_path / "v.geojson").write_text(export.geojson_view(cat, joined, spec, "en"), encoding="utf-8")
    export.write_gpkg(cat, joined, spec, tmp_path / "v.gpkg", "en")
    return {
        "csv": gpd.read_file(tmp_path / "v.csv"),
        "geojson": gpd.read_file(tmp_path / "v.geojson"),
        "gpkg": gpd.read_file(tmp_path / "v.gpkg", layer="incidents"),
    }


def test_every_format_opens_in_geopandas_with_the_same_rows_and_provenance(cat, joined, spec, tmp_path):
    expected = list(export.selection_table(cat, joined, spec).id)
    assert 5 < len(expected) < len(cat.incidents), "the filter selects a strict subset"
    for fmt, frame in read_all(cat, joined, spec, tmp_path).items():
        assert list(frame["id"]) == expected, fmt
        for col in export.PROVENANCE_COLUMNS:
            assert col in frame.columns, (fmt, col)
        assert set(frame["data_version"]) == {cat.version}, fmt
        assert frame["filter"].iloc[0].startswith("Incidents, 1 Jan 2015 – 31 Dec 2021"), fmt
        assert "OCHA / INE Venezuela" in frame["licence"].iloc[0], fmt
        assert frame["sources"].str.startswith("http").all(), fmt


def test_geojson_and_gpkg_carry_metadata_once(cat, joined, spec, tmp_path):
    doc = json.loads(export.geojson_view(cat, joined, spec, "es"))
    assert doc["metadata"]["data_version"] == cat.version
    assert doc["metadata"]["filter"].startswith("Incidentes, 1 ene 2015")
    export.write_gpkg(cat, joined, spec, tmp_path / "v.gpkg", "es")
    meta = dict(gpd.read_file(tmp_path / "v.gpkg", layer="provenance")[["key", "value"]].values)
    assert meta["data_version"] == cat.version and "OCHA / INE Venezuela" in meta["attribution"]


def test_unmapped_incidents_are_exported_without_geometry(cat, joined, spec, tmp_path):
    frame = read_all(cat, joined, spec, tmp_path)["gpkg"]
    unmapped = export.selection_table(cat, joined, spec)["lat"].isna()
    assert unmapped.any()
    assert list(frame.geometry.isna()) == list(unmapped)


@pytest.fixture
def hostile(joined):
    """SYNTHETIC: the catalog's rows with spreadsheet formulas put into text cells (never real data)."""
    out = joined.copy()
    out.loc[out.index[0], "title_en"] = "=HYPERLINK(\"http://evil\")"
    out.loc[out.index[1], "summary_en"] = "+1 dead"
    out.loc[out.index[2], "summary_en"] = "-cmd|' /C calc'!A0"
    out.loc[out.index[3], "actor_ids"] = "@SUM(1)"
    return out


def test_csv_neutralises_formula_cells_but_not_numbers(cat, hostile):
    text = export.csv_view(cat, hostile, filters.FilterSpec(), "en")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(hostile), "a single header and one row per incident"
    cells = {r["id"]: r for r in rows}
    ids = list(hostile.id)
    assert cells[ids[0]]["title"] == "'=HYPERLINK(\"http://evil\")"
    assert cells[ids[1]]["summary"] == "'+1 dead"
    assert cells[ids[2]]["summary"].startswith("'-cmd")
    assert cells[ids[3]]["actor_ids"] == "'@SUM(1)"
    lons = [r["lon"] for r in rows if r["lon"]]
    assert lons and all(float(v) < 0 for v in lons), "negative longitudes stay numbers (no leading ')"


@pytest.mark.parametrize("value, expected", [("=1+1", "'=1+1"), ("+58", "'+58"), ("-x", "'-x"), ("@a", "'@a"),
                                             ("Cota 905", "Cota 905"), ("", ""), ("a=b", "a=b")])
def test_neutralise_table(value, expected):
    out = export.neutralise_formulas(pd.DataFrame({"text": [value], "num": [-66.9]}))
    assert out["text"].iloc[0] == expected
    assert out["num"].iloc[0] == -66.9


def test_cli_gpkg_needs_out(cli):
    out = cli("incidents", "--format", "gpkg")
    assert out.code == 2 and "--out" in out.err


@pytest.mark.parametrize("fmt", ["csv", "geojson", "gpkg"])
def test_cli_writes_each_format_to_a_file(cli, cat, joined, fmt, tmp_path):
    path = tmp_path / f"out.{fmt}"
    out = cli("incidents", "--area", "Cota 905", "--format", fmt, "--out", str(path))
    assert out.code == 0, out.err
    spec = filters.resolve(cat, areas=["Cota 905"])
    frame = gpd.read_file(path, layer="incidents") if fmt == "gpkg" else gpd.read_file(path)
    assert list(frame["id"]) == list(export.selection_table(cat, joined, spec).id)
    assert "area: Cota 905" in frame["filter"].iloc[0]
