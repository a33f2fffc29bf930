"""The workspace keeps datasets between visits: written whole or not at all, listed, renamed, deleted, read back
with each row's provenance, and never corrupted by two saves at once."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from pathlib import Path

import pytest

from loaders import uploads, workspace
from territorio import imports
from territorio.selection.dataset import DatasetChoice, valid_id

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports"


def _result(name: str = "empty_type.csv"):
    return imports.read_path(FIXTURES / name, **uploads.context())


def _keep(base: Path, name: str = "Mis homicidios", licence: str = "") -> str:
    r = _result()
    sha = hashlib.sha256((FIXTURES / "empty_type.csv").read_bytes()).hexdigest()
    return workspace.keep(r, name=name, sha256=sha, licence=licence, base=base).id


def test_a_kept_dataset_is_listed_with_its_metadata_and_report(tmp_path):
    dataset_id = _keep(tmp_path, licence="CC BY 4.0")
    assert valid_id(dataset_id) and dataset_id.startswith("mis-homicidios-")
    [info] = workspace.listing(tmp_path)
    assert (info.name, info.file, info.licence, info.rows_loaded, info.rows_total) == \
        ("Mis homicidios", "empty_type.csv", "CC BY 4.0", 2, 2)
    assert info.sha256 == hashlib.sha256((FIXTURES / "empty_type.csv").read_bytes()).hexdigest()
    assert json.loads(workspace.report(dataset_id, tmp_path))["rows_loaded"] == 2
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(workspace.TEMP_PREFIX)]


def test_the_licence_is_unknown_unless_given(tmp_path):
    assert workspace.get(_keep(tmp_path), tmp_path).licence == "unknown"


def test_rows_read_back_carry_their_dataset_name_licence_and_import_date(tmp_path):
    dataset_id = _keep(tmp_path, licence="CC0")
    rows = workspace.incidents(dataset_id, tmp_path)
    assert list(rows.type) == ["homicidio", "unknown"]
    assert set(rows.dataset) == {dataset_id} and set(rows.dataset_name) == {"Mis homicidios"}
    assert set(rows.licence) == {"CC0"} and rows.imported_at.iloc[0] == workspace.get(dataset_id, tmp_path).imported_at


def test_joined_with_the_catalog_holds_both(tmp_path, cat):
    dataset_id = _keep(tmp_path)
    alone = workspace.joined(DatasetChoice(dataset_id), tmp_path)
    both = workspace.joined(DatasetChoice(dataset_id, with_catalog=True), tmp_path)
    assert len(alone) == 2 and len(both) == 2 + len(cat.incidents)
    assert set(both.dataset) == {dataset_id, "catalog"} and alone["pcode"].str.startswith("VE").all()


def test_rename_and_delete(tmp_path):
    dataset_id = _keep(tmp_path)
    workspace.rename(dataset_id, "  Homicidios   2019 ", tmp_path)
    assert workspace.get(dataset_id, tmp_path).name == "Homicidios 2019"
    workspace.delete(dataset_id, tmp_path)
    assert workspace.listing(tmp_path) == [] and list(tmp_path.iterdir()) == []
    with pytest.raises(workspace.DatasetNotFound, match="no kept dataset"):
        workspace.get(dataset_id, tmp_path)


@pytest.mark.parametrize("text", ["../etc", "/etc/passwd", "catalog", "x" * 300, "a-1234567", ""])
def test_an_id_never_names_a_file(tmp_path, text):
    _keep(tmp_path)
    with pytest.raises(workspace.DatasetNotFound):
        workspace.get(text, tmp_path)


def test_find_by_name_or_id(tmp_path):
    dataset_id = _keep(tmp_path, name="Morgue count")
    assert workspace.find("morgue COUNT", tmp_path).id == dataset_id == workspace.find(dataset_id, tmp_path).id


def test_a_half_written_folder_is_not_a_dataset(tmp_path):
    _keep(tmp_path)
    (tmp_path / f"{workspace.TEMP_PREFIX}abc").mkdir()
    (tmp_path / "half-1234abcd").mkdir()         # a valid id with no files: never listed
    assert len(workspace.listing(tmp_path)) == 1


def _save_many(base: str, name: str, n: int) -> list[str]:
    return [_keep(Path(base), name=f"{name} {i}") for i in range(n)]


def test_two_processes_saving_at_once_keep_every_dataset_whole(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        ids = pool.starmap(_save_many, [(str(tmp_path), "a", 6), (str(tmp_path), "b", 6)])
    kept = workspace.listing(tmp_path)
    assert sorted(i.id for i in kept) == sorted(ids[0] + ids[1]) and len(kept) == 12
    for info in kept:
        assert len(workspace.incidents(info.id, tmp_path)) == 2
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(workspace.TEMP_PREFIX)]


def test_renames_at_once_leave_one_whole_name(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    dataset_id = _keep(tmp_path)
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: workspace.rename(dataset_id, f"name {i}", tmp_path), range(40)))
    assert workspace.get(dataset_id, tmp_path).name.startswith("name ")
