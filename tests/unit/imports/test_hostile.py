"""Hostile files from the security review (issue 13), built by tests/fixtures/imports/hostile.py: each format is
read by its own reader only, nothing in an upload names another file or address, and every cap holds, in
this process (territorio.imports.read) and through the bounded import (a child process)."""

import http.server
import sqlite3
import threading

import pytest

from territorio.imports import FileRejected, Limits, bounded, read
from tests import FIXTURES
from tests.fixtures.imports import hostile

SECRET = "SECRET-ROW-13"
READERS = {"in process": read, "bounded": bounded.read}


def rejection(data: bytes, name: str, how: str = "in process", **options) -> FileRejected:
    with pytest.raises(FileRejected) as info:
        READERS[how](data, name, **options)
    return info.value


@pytest.fixture
def secret(tmp_path) -> str:
    """A CSV outside the upload that a VRT would read into the preview."""
    path = tmp_path / "secret.csv"
    path.write_text(f"date,lat,lon,title\n2019-02-12,10.5,-66.9,{SECRET}\n")
    return str(path)


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802  (http.server's name)
        Recorder.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def listener():
    """A local HTTP server on a free port that records every request it gets."""
    Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# --- each format by its own reader -------------------------------------------------------------------

@pytest.mark.parametrize("how", sorted(READERS))
@pytest.mark.parametrize("build, name, code", [
    (hostile.vrt_as_gpkg, "x.gpkg", "wrong_format"),
    (hostile.vrt_as_shp_zip, "x.zip", "wrong_format"),
])
def test_a_vrt_posing_as_gpkg_or_shp_is_refused_and_reads_nothing(build, name, code, how, secret):
    exc = rejection(build(secret), name, how)
    assert exc.code == code
    assert SECRET not in exc.message("en") and secret not in exc.message("en")


def test_a_vrt_naming_system_files_is_refused():
    for data, name in [(hostile.vrt_as_gpkg("CSV:/etc/passwd"), "x.gpkg"),
                       (hostile.vrt_as_shp_zip("CSV:/etc/passwd"), "a.zip")]:
        exc = rejection(data, name)
        assert exc.code == "wrong_format" and "root" not in exc.message("en")


@pytest.mark.parametrize("how", sorted(READERS))
def test_a_vrt_naming_a_url_sends_no_request(listener, how):
    for data, name in [(hostile.vrt_as_gpkg(f"/vsicurl/{listener}/x.csv"), "x.gpkg"),
                       (hostile.vrt_as_shp_zip(f"/vsicurl/{listener}/x.csv"), "x.zip"),
                       (hostile.vrt_as_gpkg(f"GeoJSON:{listener}/x.geojson"), "y.gpkg")]:
        assert rejection(data, name, how).code == "wrong_format"
    assert Recorder.requests == []


def test_gdal_itself_is_kept_off_the_network(listener):
    """The second line: should a path ever reach GDAL, its network is closed (the listener proves it is up)."""
    import urllib.request

    import pyogrio

    from territorio.imports import geo

    geo._offline()
    for source in [f"/vsicurl/{listener}/a.csv", f"GeoJSON:{listener}/b.geojson"]:
        with pytest.raises(Exception):
            pyogrio.read_info(source)
    assert Recorder.requests == []
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{listener}/c", timeout=5)
    assert Recorder.requests == ["/c"]


def test_a_shapefile_is_opened_only_after_its_magic_is_checked():
    zipped = (FIXTURES / "points_psad56.zip").read_bytes()
    assert read(zipped, "p.zip").rows_loaded == 3
    header = (9994).to_bytes(4, "big") + bytes(24) + (1000).to_bytes(4, "little") + bytes(68)
    for member in ("a.shp", "a.shx"):
        parts = {"a.shp": header, "a.shx": header, "a.dbf": b""}
        parts[member] = b"<OGRVRTDataSource/>".ljust(100)
        exc = rejection(hostile.zip_bytes(parts), "a.zip")
        assert exc.code == "wrong_format" and member in exc.message("en")


@pytest.mark.parametrize("how", sorted(READERS))
def test_a_recursive_view_is_refused_before_a_row_is_read(how):
    # within 20 s the refusal is for what the layer is, not the clock stopping a read that never ends
    exc = rejection(hostile.recursive_view_gpkg(), "view.gpkg", how, **({"limits": Limits(max_seconds=20)}
                                                                        if how == "bounded" else {}))
    assert exc.code == "gpkg_not_table" and "'bomb'" in exc.message("en") and "vista" in exc.message("es")


def edited_gpkg(tmp_path, *sql: str) -> bytes:
    path = tmp_path / "edited.gpkg"
    path.write_bytes((FIXTURES / "points.gpkg").read_bytes())
    with sqlite3.connect(path) as db:
        for statement in sql:
            db.execute(statement)
    db.close()
    return path.read_bytes()


def test_a_gpkg_layer_with_computed_columns_is_refused(tmp_path):
    data = edited_gpkg(tmp_path, "ALTER TABLE incidents ADD COLUMN echo TEXT AS (upper(title))")
    assert rejection(data, "g.gpkg").code == "gpkg_not_table"


def test_a_gpkg_without_feature_layers_is_refused_and_other_layers_are_never_read(tmp_path):
    attributes = edited_gpkg(tmp_path, "UPDATE gpkg_contents SET data_type = 'attributes'")
    assert rejection(attributes, "a.gpkg").code == "gpkg_no_features"
    # a second layer that is a recursive view is named, never opened
    data = edited_gpkg(tmp_path, hostile.RECURSIVE_VIEW.replace("FROM base", "FROM incidents"),
                       "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('bomb', 'features', "
                       "'bomb')")
    result = read(data, "p.gpkg")
    assert result.rows_total == 4
    assert [(w.code, w.params["others"]) for w in result.warnings if w.code == "other_layers"] == [("other_layers",
                                                                                                    "other, bomb")]


def test_a_gpkg_is_read_like_gdal_reads_it():
    """Columns without the feature id, values as written, the CRS from gpkg_spatial_ref_sys."""
    points = read((FIXTURES / "points.gpkg").read_bytes(), "points.gpkg")
    assert (points.rows_total, points.rows_loaded, points.rows_rejected) == (4, 3, 1)
    assert not [w for w in points.warnings if w.code == "unknown_columns"]
    areas = read((FIXTURES / "areas_regven.gpkg").read_bytes(), "areas.gpkg")
    assert [w.params for w in areas.warnings if w.code == "reprojected"] == [{"crs": "REGVEN / UTM zone 19N"}]
    assert areas.areas.geometry.total_bounds[0] == pytest.approx(-66.91, abs=0.01)


def test_geoparquet_crs_must_be_projjson():
    import io
    import json

    import pyarrow.parquet as pq

    table = pq.read_table(FIXTURES / "points.parquet")
    geo = json.loads(table.schema.metadata[b"geo"])
    geo["columns"]["geometry"]["crs"] = "+init=/etc/passwd:x"
    buf = io.BytesIO()
    pq.write_table(table.replace_schema_metadata({**table.schema.metadata, b"geo": json.dumps(geo).encode()}), buf)
    exc = rejection(buf.getvalue(), "p.parquet")
    assert exc.code == "geo_unreadable" and "PROJJSON" in exc.message("en")


# --- bombs -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("how", sorted(READERS))
def test_bombs_at_the_default_limits(how):
    """Each stopped by the cap it breaks, before the work it would cost (the review's figures in brackets)."""
    cases = [
        (hostile.parquet_rows_bomb(), "rows.parquet", "too_many_rows"),             # 12 KB: 54 s, 1.9 GB
        (hostile.parquet_cells_bomb(), "cells.parquet", "unpacks_too_big"),         # 2 KB: 4.1 GB once read
        (hostile.csv_columns_bomb(), "columns.csv", "too_many_columns"),            # 30 s, 1.3 GB
        (hostile.csv_rows_bomb(Limits().max_rows + 1), "rows.csv", "too_many_rows"),
    ]
    for data, name, code in cases:
        assert rejection(data, name, how).code == code, name


@pytest.mark.parametrize("build, name", [
    (lambda n: hostile.kmz_placemarks_bomb(n), "pm.kmz"),
    (lambda n: hostile.csv_rows_bomb(n), "rows.csv"),
    (lambda n: hostile.parquet_rows_bomb(n), "rows.parquet"),
])
def test_row_bombs_stop_at_the_row_cap(build, name):
    assert read(build(50), name, limits=Limits(max_rows=50)).rows_total == 50
    exc = rejection(build(51), name, limits=Limits(max_rows=50))
    assert exc.code == "too_many_rows" and "TERRITORIO_MAX_ROWS" in exc.message("en")
    assert "50" in exc.message("es")


def test_a_vertex_bomb_stops_at_the_vertex_cap():
    assert read(hostile.geojson_vertices_bomb(999), "v.geojson", limits=Limits(max_vertices=1000)).rows_loaded == 1
    exc = rejection(hostile.geojson_vertices_bomb(1000), "v.geojson", limits=Limits(max_vertices=1000))
    assert exc.code == "too_many_vertices" and "TERRITORIO_MAX_VERTICES" in exc.message("en")


# --- every cap, every format, at its edge --------------------------------------------------------------

FORMATS = [  # fixture, its rows, its columns (geometry apart), its vertices (points 1 each; lines are not read)
    ("good_en.csv", 5, 6, 0), ("acled_current.csv", 6, 31, 0), ("good_points.geojson", 4, 4, 4),
    ("points.gpkg", 4, 4, 4), ("points_psad56.zip", 3, 4, 3), ("mymaps.kml", 4, 5, 3), ("mymaps.kmz", 4, 5, 3),
    ("points.parquet", 4, 4, 4), ("areas.geojson", 4, 1, 16),
]


@pytest.mark.parametrize("fixture, rows, columns, vertices", FORMATS)
def test_each_cap_admits_its_limit_and_refuses_one_more(fixture, rows, columns, vertices):
    data = (FIXTURES / fixture).read_bytes()
    exact = Limits(max_rows=rows, max_columns=columns, max_vertices=max(vertices, 1))
    assert read(data, fixture, limits=exact).rows_total == rows
    for cap, value, code in [("max_rows", rows, "too_many_rows"), ("max_columns", columns, "too_many_columns"),
                             ("max_vertices", vertices, "too_many_vertices")]:
        if value:
            assert rejection(data, fixture, limits=Limits(**{cap: value - 1})).code == code, cap


# --- the command line goes through the same bounded import -----------------------------------------------

def test_territorio_validate_refuses_hostile_files_with_one_json_error(cli, tmp_path, secret):
    import json

    (tmp_path / "x.gpkg").write_bytes(hostile.vrt_as_gpkg(secret))
    (tmp_path / "rows.csv").write_bytes(hostile.csv_rows_bomb(4))
    for name, code in [("x.gpkg", "wrong_format"), ("rows.csv", "too_many_rows")]:
        out = cli("validate", tmp_path / name, env={"TERRITORIO_MAX_ROWS": "3"})
        assert out.code == 1 and not out.err, out.err
        report = json.loads(out.out)
        assert report["code"] == code and SECRET not in out.out
