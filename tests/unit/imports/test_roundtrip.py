"""Our own exports come back unchanged, and imported incidents work with join and filters like the catalog's."""

import json

import pandas as pd
import pytest

from loaders import catalog as catalog_loader
from loaders import uploads
from territorio import imports
from territorio.catalog import join
from territorio.imports.validate import INCIDENT_COLUMNS
from territorio.outputs import export
from territorio.selection import filters
from tests import FIXTURES

SAME = ["id", "date", "date_end", "date_precision", "fatalities_min", "fatalities_max", "lat", "lon"]


@pytest.fixture(scope="module")
def exported():
    cat = catalog_loader.load()
    joined = join.join(cat)
    sel = filters.apply(cat, joined, filters.FilterSpec())
    return export.table(cat, joined, sel.mask, sel.uncertain, "en")


def guard(text: str) -> str:
    """What a formula-guarding CSV export does to cells starting with = + - @."""
    frame = pd.read_csv(__import__("io").StringIO(text), dtype=str, keep_default_na=False)
    frame = frame.map(lambda v: "'" + v if v[:1] in ("=", "+", "-", "@") else v)
    return frame.to_csv(index=False, lineterminator="\n")


def same_rows(frame: pd.DataFrame, exported: pd.DataFrame) -> None:
    got = frame[SAME].reset_index(drop=True)
    want = exported[SAME].reset_index(drop=True).astype(got.dtypes.to_dict())
    pd.testing.assert_frame_equal(got.fillna({"date_end": ""}), want.fillna({"date_end": ""}), check_dtype=False)


@pytest.mark.parametrize("fmt, name", [("csv", "export.csv"), ("geojson", "export.geojson"),
                                       ("guarded", "export.csv")])
def test_exports_round_trip(fmt, name, exported, tmp_path):
    text = export.to_geojson(exported) if fmt == "geojson" else export.to_csv(exported)
    path = tmp_path / name
    path.write_text(guard(text) if fmt == "guarded" else text, encoding="utf-8")
    r = imports.read_path(path, **uploads.context())
    assert (r.rows_total, r.rows_loaded, r.rows_rejected) == (len(exported), len(exported), 0)
    assert not [w for w in r.warnings if w.code == "unknown_columns"]
    same_rows(r.incidents, exported)
    assert list(r.incidents.type) == list(exported.type)          # catalog type keys kept
    assert list(r.incidents.sources) == list(exported.sources)


def test_cli_exports_round_trip(cli, tmp_path):
    for fmt in ("csv", "geojson"):
        out = cli("incidents", "--format", fmt)
        path = tmp_path / f"all.{fmt}"
        path.write_text(out.out, encoding="utf-8")
        again = cli("incidents", "--data", str(path), "--format", fmt)
        assert again.code == 0, again.err
        assert again.out.count("CCS-") == out.out.count("CCS-") > 40


def test_imported_frame_has_the_catalogs_columns_and_types():
    cat = catalog_loader.load()
    inc = imports.read_path(FIXTURES / "awkward_es.csv", **uploads.context()).incidents
    extra = ["dataset", "row"]
    assert list(inc.columns) == list(cat.incidents.columns) + extra == INCIDENT_COLUMNS + extra
    for col in cat.incidents.columns:
        assert str(inc[col].dtype) == str(cat.incidents[col].dtype), col


def test_join_and_filters_work_on_imported_incidents_unchanged():
    cat = catalog_loader.load()
    inc = imports.read_path(FIXTURES / "broken_rows.csv", **uploads.context()).incidents
    joined = join.join(cat, incidents=inc)
    assert list(joined.row) == [1, 9, 10, 11]
    assert joined.set_index("row").loc[1, "pcode"].startswith("VE01")
    assert not joined.set_index("row").loc[10, "mapped"]
    spec = filters.resolve(cat, date_from="2019-02-01", date_to="2019-02-28", min_fatalities=1)
    sel = filters.apply(cat, joined, spec)
    assert list(joined[sel.mask].id) == ["B-01"]
    table = export.table(cat, joined, sel.mask, sel.uncertain, "es")
    assert table.title.tolist() == ["good row"]
    both = pd.concat([cat.incidents.assign(dataset="catalog", row=0), inc], ignore_index=True)
    assert len(join.join(cat, incidents=both)) == len(cat.incidents) + len(inc)


def test_cli_validate_report(cli):
    out = cli("validate", str(FIXTURES / "broken_rows.csv"))
    assert out.code == 0
    report = json.loads(out.out)
    assert {k: report[k] for k in ("file", "format", "kind", "rows_total", "rows_loaded", "rows_rejected")} == {
        "file": "broken_rows.csv", "format": "csv", "kind": "incidents", "rows_total": 12, "rows_loaded": 4,
        "rows_rejected": 8}
    assert report["rejected"][0] == {"row": 2, "code": "date_missing", "reason": "broken_rows.csv row 2: date is "
                                                                                 "missing"}
    assert {"row", "code", "message"} <= set(report["warnings"][0])
    fixed = json.loads(cli("validate", "--fix-swapped", str(FIXTURES / "broken_rows.csv")).out)
    assert fixed["rows_loaded"] == 5


@pytest.mark.parametrize("args, code", [
    (["validate", str(FIXTURES / "bomb.zip")], 1),
    (["validate", str(FIXTURES / "no-such-file.csv")], 1),
    (["validate", "--kind", "areas", str(FIXTURES / "areas.kml")], 0),
    (["validate", "--kind", "lines", str(FIXTURES / "areas.kml")], 2),
    (["validate"], 2),
    (["validate", "--max-mb", "0.0001", str(FIXTURES / "good_en.csv")], 1),
    (["incidents", "--with-catalog"], 2),
    (["incidents", "--data", str(FIXTURES / "xxe.kml")], 1),
    (["incidents", "--data", str(FIXTURES / "areas.kml")], 1),
])
def test_cli_exit_codes(cli, args, code):
    out = cli(*args)
    assert out.code == code, out.out + out.err
    assert "Traceback" not in out.err
    if code == 1 and args[0] == "validate":
        assert json.loads(out.out)["error"]


def test_cli_incidents_with_catalog_adds_the_files_rows(cli):
    alone = int(cli("incidents", "--count").out)
    both = cli("incidents", "--data", str(FIXTURES / "good_en.csv"), "--with-catalog", "--count")
    assert int(both.out) == alone + 5


def test_serve_data_passes_the_file_to_the_dashboard(cli, monkeypatch):
    from territorio.cli import main

    calls = []
    monkeypatch.setattr(main.subprocess, "call", lambda cmd, cwd, env: calls.append(env) or 0)
    assert cli("serve", "--data", FIXTURES / "good_en.csv").code == 0
    assert calls[0]["TERRITORIO_DATA"] == str((FIXTURES / "good_en.csv").resolve())
    assert cli("serve", "--data", FIXTURES / "xxe.kml").code == 1
    assert len(calls) == 1, "a file rejected as a whole does not start the server"
