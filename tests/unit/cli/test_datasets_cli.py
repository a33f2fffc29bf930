"""`territorio import`, `territorio datasets`, `territorio profile` and `--data FILE_OR_ID [--with-catalog]` on the
analysis commands, on a synthetic ACLED-layout register kept in a workspace of the test's own."""

from __future__ import annotations

import json

import pytest

from territorio.catalog import register

PLANTED = register.Plan(n=3000, seed=1, areas=("cota_905",), ratio=3.0)


@pytest.fixture
def register_file(tmp_path, cat):
    path = tmp_path / "acled_caracas_synthetic.csv"
    path.write_text(register.acled_csv(cat, PLANTED), encoding="utf-8")
    return path


@pytest.fixture
def ws(tmp_path):
    return {"TERRITORIO_WORKSPACE": tmp_path / "ws"}


def test_import_keeps_the_file_and_prints_its_id(cli, ws, register_file):
    kept = cli("import", register_file, "--name", "ACLED Caracas (synthetic)", "--licence", "CC BY 4.0", env=ws)
    assert kept.code == 0, kept.err
    dataset_id = kept.out.strip()
    listed = cli("datasets", env=ws)
    assert listed.out.splitlines()[0] == "id\tname\trows\timported_at"
    row = listed.out.splitlines()[1].split("\t")
    assert row[:3] == [dataset_id, "ACLED Caracas (synthetic)", str(len(register.events(_cat(), PLANTED)))]
    report = json.loads(cli("datasets", "report", dataset_id, env=ws).out)
    assert report["rows_total"] == report["rows_loaded"] + report["rows_rejected"]
    assert cli("datasets", "delete", dataset_id, env=ws).code == 0
    assert cli("datasets", env=ws).out.splitlines()[1:] == []


def _cat():
    from loaders import catalog

    return catalog.load()


def test_counts_by_id_by_name_and_with_the_catalog(cli, ws, register_file, cat):
    dataset_id = cli("import", register_file, "--name", "Registro", env=ws).out.strip()
    rows = len(register.events(cat, PLANTED))
    assert cli("incidents", "--data", dataset_id, "--count", env=ws).out.strip() == str(rows)
    assert cli("incidents", "--data", "registro", "--count", env=ws).out.strip() == str(rows)
    both = cli("incidents", "--data", dataset_id, "--with-catalog", "--count", env=ws).out.strip()
    assert int(both) == rows + len(cat.incidents)
    by_file = cli("incidents", "--data", register_file, "--count", env=ws).out.strip()
    assert by_file == str(rows)


def test_an_imported_type_is_a_filter_value_of_its_own(cli, ws, register_file):
    dataset_id = cli("import", register_file, env=ws).out.strip()
    clash = cli("incidents", "--data", dataset_id, "--type", "battles: armed clash", "--count", env=ws)
    assert clash.code == 0 and 0 < int(clash.out) < 3000
    catalog_type = cli("incidents", "--data", dataset_id, "--type", "homicide", "--count", env=ws)
    assert catalog_type.out.strip() == "0"


def test_exported_rows_carry_their_dataset_licence_and_import_date(cli, ws, register_file):
    import csv
    import io

    dataset_id = cli("import", register_file, "--name", "Mine", "--licence", "CC0", env=ws).out.strip()
    out = cli("incidents", "--data", dataset_id, "--with-catalog", "--from", "2019-01-01", "--to", "2019-03-31",
              env=ws).out
    rows = list(csv.DictReader(io.StringIO(out)))
    mine = [r for r in rows if r["dataset"] == "Mine"]
    theirs = [r for r in rows if r["dataset"] == "Territorio catalog"]
    assert mine and theirs
    assert {(r["licence"], r["data_version"]) for r in mine} == {("CC0", "")} and mine[0]["imported_at"]
    assert all(r["licence"].startswith("Catalog:") and r["data_version"] and not r["imported_at"] for r in theirs)


def test_the_study_recovers_a_planted_threefold_rise(cli, ws, register_file):
    dataset_id = cli("import", register_file, env=ws).out.strip()
    out = cli("study", "--date", "2021-07-09", "--designation", "pz_cota_905", "--data", dataset_id, "--json",
              env=ws)
    result = json.loads(out.out)
    est = result["estimate"]
    assert set(result) >= {"cells", "estimate"} and est["reason"] == "ok"
    assert est["low"] <= 3.0 <= est["high"] and 2.0 < est["ratio"] < 4.5
    assert result["cells"]["inside"]["after"]["incidents"] > 2 * result["cells"]["inside"]["before"]["incidents"]


def test_the_study_interval_covers_one_when_nothing_changed(cli, ws, tmp_path, cat):
    path = tmp_path / "null.csv"
    path.write_text(register.acled_csv(cat, register.Plan(n=3000, seed=2, areas=("cota_905",), ratio=1.0)))
    est = json.loads(cli("study", "--date", "2021-07-09", "--designation", "pz_cota_905", "--data", path, "--json",
                         env=ws).out)["estimate"]
    assert est["reason"] == "ok" and est["low"] <= 1.0 <= est["high"]


def test_profile_figures_as_json_match_the_counts(cli, ws, register_file):
    dataset_id = cli("import", register_file, env=ws).out.strip()
    prof = json.loads(cli("profile", "--area", "Cota 905", "--data", dataset_id, "--json", env=ws).out)
    count = cli("incidents", "--data", dataset_id, "--area", "cota_905", "--count", env=ws).out.strip()
    assert prof["incidents"] == int(count) == sum(prof["per_year"].values()) == sum(
        r["incidents"] for r in prof["by_type"])
    assert prof["fatalities"]["min"] <= prof["fatalities"]["max"]
    parish = json.loads(cli("profile", "--area", "El Paraíso", "--data", dataset_id, "--json", env=ws).out)
    assert parish["population"] and parish["per_100000"]["incidents"] > 0


def test_an_area_error_lists_names(cli):
    out = cli("profile", "--area", "Valle")
    assert out.code == 2 and "El Valle" in out.err and "did you mean" in out.err
    out = cli("incidents", "--area", "Nowhere at all", "--count")
    assert out.code == 2 and "Cota 905" in out.err and "El Paraíso" in out.err


def test_an_unknown_dataset_says_which_exist(cli, ws, register_file):
    cli("import", register_file, "--name", "Kept one", env=ws)
    out = cli("incidents", "--data", "nothing-like-it", "--count", env=ws)
    assert out.code == 2 and "no kept dataset 'nothing-like-it'" in out.err and "Kept one" in out.err


def test_a_file_without_dates_is_imported_undated_or_with_one_date(cli, ws):
    from pathlib import Path

    fixture = Path(__file__).parents[2] / "fixtures" / "imports" / "undated.csv"
    refused = cli("import", fixture, env=ws)
    assert refused.code == 1 and "undated" in refused.err
    undated = cli("import", fixture, "--undated", env=ws).out.strip()
    dated = cli("import", fixture, "--date", "2021-07", env=ws).out.strip()
    assert json.loads(cli("datasets", "report", undated, env=ws).out)["dates"] == "undated"
    assert cli("incidents", "--data", undated, "--count", env=ws).out.strip() == "0"   # in no time window
    assert cli("incidents", "--data", dated, "--from", "2021-07-01", "--to", "2021-07-31", "--count",
               env=ws).out.strip() == "6"
    prof = json.loads(cli("profile", "--area", "El Valle", "--data", undated, "--json", env=ws).out)
    assert prof["incidents"] == 0 and prof["undated"] >= 0


def test_bench_on_a_file_and_on_a_kept_dataset_gives_the_same_figures(cli, ws, tmp_path, cat):
    path = tmp_path / "small.csv"
    path.write_text(register.acled_csv(cat, register.Plan(n=800, seed=5)), encoding="utf-8")
    rows = len(register.events(cat, register.Plan(n=800, seed=5)))
    common = ["--json", "--no-first-paint", "--steps", "20", "--baseline-sizes", "200"]
    by_file = cli("bench", "--data", path, *common, env=ws)
    assert by_file.code == 0, by_file.err
    figures = json.loads(by_file.out)
    assert figures["incidents"] == rows and figures["import_s"] > 0 and figures["steps"] == 20
    assert figures["load_join_s"] >= figures["read_s"] >= 0 and figures["baseline"]["200"]["incidents"] == 200
    assert cli("datasets", env=ws).out.splitlines()[1:] == []       # the file was kept in a workspace of its own
    dataset_id = cli("import", path, env=ws).out.strip()
    kept = json.loads(cli("bench", "--data", dataset_id, *common, env=ws).out)
    assert kept["dataset"] == dataset_id and kept["incidents"] == rows and "import_s" not in kept
    assert cli("bench", "--data", "no-such-dataset", *common, env=ws).code == 2
