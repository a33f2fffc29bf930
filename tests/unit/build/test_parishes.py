"""The parish layer: loads, matches its descriptor, 32 parishes that tile without overlapping."""

import itertools
import json

import pytest
import shapely

from loaders import geodata
from territorio.build import geodata as geodata_build
from territorio.build import parishes as parish_build
from territorio.paths import geodata_dir

UTM19N = 32619


@pytest.fixture(scope="module")
def parishes():
    return geodata.read("parishes")


def test_there_are_32_parishes_22_in_libertador(parishes):
    assert len(parishes) == 32
    assert parishes.pcode.is_unique
    counts = parishes.municipality.value_counts().to_dict()
    assert counts == {"Libertador": 22, "Sucre": 5, "Baruta": 3, "Chacao": 1, "El Hatillo": 1}


def test_parishes_do_not_overlap(parishes):
    metric = parishes.to_crs(UTM19N).geometry
    worst = max(a.intersection(b).area for a, b in itertools.combinations(metric, 2))
    assert worst < 1.0  # square metres: shared borders only


def test_every_geometry_is_a_valid_polygon(parishes):
    assert set(parishes.geom_type) == {"Polygon"}
    assert parishes.is_valid.all()


@pytest.mark.parametrize("hdx,clean", sorted(parish_build.NAME_FIXES.items()))
def test_names_are_cleaned(parishes, hdx, clean):
    assert clean in set(parishes.name)
    assert hdx not in set(parishes.name)
    assert hdx in set(parishes.name_hdx)


def test_label_points_fall_inside_their_parish(parishes):
    for row in parishes.itertuples():
        assert row.geometry.contains(shapely.Point(row.label_lon, row.label_lat)), row.name


def test_municipal_outlines_are_the_parishes_dissolved(parishes):
    munis = geodata.read("municipalities")
    assert sorted(munis.name) == ["Baruta", "Chacao", "El Hatillo", "Libertador", "Sucre"]
    for row in munis.itertuples():
        members = parishes[parishes.municipality_pcode == row.municipality_pcode]
        assert len(members) == row.parishes
        union = shapely.union_all(members.geometry.values)
        assert row.geometry.symmetric_difference(union).area < 1e-9, row.name


def test_known_point_falls_in_el_paraiso(parishes):
    # SOURCE.md: lon -66.935, lat 10.485 (Cota 905 area) is in El Paraíso.
    hit = parishes[parishes.contains(shapely.Point(-66.935, 10.485))]
    assert hit.name.tolist() == ["El Paraíso"]


@pytest.mark.parametrize("name", ["parishes", "municipalities"])
def test_resource_matches_its_descriptor(name):
    assert geodata.check_resource(name) == []


def test_descriptor_check_catches_a_broken_file(tmp_path):
    for f in geodata_dir().iterdir():
        if f.is_file():
            (tmp_path / f.name).write_bytes(f.read_bytes())
    data = json.loads((tmp_path / "parishes.geojson").read_text())
    data["features"][0]["properties"]["pcode"] = "XX"
    data["features"][1]["properties"]["pcode"] = data["features"][2]["properties"]["pcode"]
    (tmp_path / "parishes.geojson").write_text(json.dumps(data))
    problems = geodata.check_resource("parishes", tmp_path)
    assert any("row 1: pcode 'XX' does not match" in p for p in problems)
    assert any("row 3: pcode" in p and "repeats row 2" in p for p in problems)
    assert any("hash differs" in p for p in problems)


def test_descriptor_lists_every_data_file():
    desc = geodata.descriptor()
    assert desc["version"]
    listed = {r["path"] for r in desc["resources"]}
    on_disk = {p.relative_to(geodata_dir()).as_posix() for p in geodata_dir().rglob("*")
               if p.suffix in {".geojson", ".csv", ".gpkg", ".parquet"}}
    assert on_disk <= listed, f"not described in datapackage.json: {sorted(on_disk - listed)}"
    for res in desc["resources"]:
        assert res["licenses"] and res["sources"], res["name"]


def test_build_reproduces_committed_files_byte_for_byte(shared):
    assert geodata_build.check(shared, geodata_dir()) == []


def test_catalog_build_is_up_to_date_without_shared(tmp_path):
    """A contributor with no ../shared rebuilds the catalog from geodata/ alone (parishes kept as committed)."""
    assert geodata_build.check(tmp_path / "no-shared", geodata_dir()) == []


def test_coordinates_have_fixed_precision():
    text = (geodata_dir() / "parishes.geojson").read_text()
    decimals = {len(n.split(".")[1]) for n in __import__("re").findall(r"-?\d+\.\d+", text.split('"features"')[1])}
    assert max(decimals) <= parish_build.PRECISION
