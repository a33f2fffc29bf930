"""Hostile files: zips that escape their folder or explode, XML entities, size limits; nothing written outside
a temporary folder."""

import io
import zipfile

import pytest

from territorio.imports import read, safety
from territorio.imports.report import FileRejected
from tests import FIXTURES


def zip_of(members: dict[str, bytes], link: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (0o120777 << 16)
            zf.writestr(info, "/etc/passwd")
    return buf.getvalue()


@pytest.mark.parametrize("name", ["../a.shp", "/etc/a.shp", "x/../../a.shp", "..\\a.shp", "C:/a.shp"])
def test_zip_paths_that_escape_are_refused(name):
    with pytest.raises(FileRejected) as info:
        safety.open_zip(zip_of({name: b"x"}), safety.Limits())
    assert info.value.code == "zip_unsafe_path"


def test_zip_symlinks_are_refused():
    with pytest.raises(FileRejected) as info:
        safety.open_zip(zip_of({}, link="layer.shp"), safety.Limits())
    assert info.value.code == "zip_unsafe_path"


def test_zip_total_and_ratio_and_members_are_capped():
    limits = safety.Limits(max_unzipped_bytes=1000, max_members=3)
    with pytest.raises(FileRejected) as info:
        safety.open_zip(zip_of({"a.shp": bytes(range(256)) * 8}), limits)
    assert info.value.code == "zip_too_big"
    with pytest.raises(FileRejected) as info:
        safety.open_zip(zip_of({f"{i}.txt": b"x" for i in range(4)}), limits)
    assert info.value.code == "zip_too_many"
    with pytest.raises(FileRejected) as info:
        safety.open_zip(zip_of({"a.shp": b"\0" * (3 * 1024 * 1024)}), safety.Limits())
    assert info.value.code == "zip_bomb"


def test_extraction_stays_in_its_folder(tmp_path):
    zf, infos = safety.open_zip(zip_of({"deep/dir/layer.shp": b"x"}), safety.Limits())
    out = safety.extract(zf, infos, tmp_path)
    assert out == [tmp_path / "layer.shp"] and list(tmp_path.iterdir()) == out


@pytest.mark.parametrize("doc", [
    b'<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "x">]><kml>&a;</kml>',
    b'<?xml version="1.0"?><!DOCTYPE kml SYSTEM "http://example.org/kml.dtd"><kml/>',
    b'<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml>&x;</kml>',
])
def test_xml_entities_and_dtds_are_refused(doc):
    with pytest.raises(FileRejected) as info:
        read(doc, "map.kml")
    assert info.value.code == "xml_entities"


def test_size_limit_from_the_environment(monkeypatch):
    monkeypatch.setenv("TERRITORIO_MAX_UPLOAD_MB", "0.001")
    with pytest.raises(FileRejected) as info:
        read(b"date,lat,lon\n" + b"2019,10.5,-66.9\n" * 200, "x.csv", limits=safety.Limits.from_env())
    assert info.value.code == "too_big"


@pytest.mark.parametrize("data, name", [
    (b"\x00\x01garbage", "x.parquet"), (b"PK\x03\x04broken", "x.zip"), (b"PK\x03\x04broken", "x.kmz"),
    (b"<kml><Placemark><Point><coordinates>1,2", "x.kml"), (b"<html/>", "x.kml"),
    (b'{"type":"Feature","geometry":{"type":"Point","coordinates":[1]},"properties":[]}', "x.geojson"),
])
def test_garbage_never_raises_anything_but_a_rejection(data, name):
    try:
        read(data, name)
    except FileRejected as exc:
        assert exc.message("en") and exc.message("es")


def test_damaged_fixtures_are_read_or_rejected_never_crash():
    """Every fixture cut short or with bytes flipped (fixed seed): a report that adds up, or one message."""
    import random

    rng = random.Random(6)
    fixtures = FIXTURES
    for path in sorted(fixtures.iterdir()):
        if path.suffix in (".py", ".md") or path.name == "bomb.zip":
            continue
        data = path.read_bytes()
        for _ in range(6):
            damaged = bytearray(data[: rng.randrange(len(data) + 1)])
            for _ in range(rng.randrange(4)):
                if damaged:
                    damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            try:
                r = read(bytes(damaged), path.name)
            except FileRejected as exc:
                assert exc.message("es")
            else:
                assert r.rows_total == r.rows_loaded + r.rows_rejected
