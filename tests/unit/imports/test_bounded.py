"""The bounded import (territorio.imports.bounded): a child process ended at its time limit, capped in memory,
its temporary folder removed whatever happens; the settings that set its limits."""

import multiprocessing.util
import os
import tempfile
import time
from pathlib import Path

import pytest

from territorio.imports import FileRejected, Limits, bounded, read
from territorio.imports.safety import MB
from tests import FIXTURES
from tests.fixtures.imports import hostile

# Targets for the child: module-level, so the child imports them by name.

def hang_with_a_temporary_copy(pid_file: str) -> None:
    """What a stuck reader looks like: a copy of the upload in a temporary folder, then no end."""
    with tempfile.TemporaryDirectory(prefix=bounded.TEMP_PREFIX) as tmp:
        (Path(tmp) / "upload.gpkg").write_bytes(b"SQLite format 3\x00")
        Path(pid_file).write_text(str(os.getpid()))
        while True:
            time.sleep(1)


def die(code: int) -> None:
    os._exit(code)


def sleep_then(seconds: float, value):
    time.sleep(seconds)
    return value


@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    """Where this test's imports put their temporary folders (not the machine's shared /tmp)."""
    root = tmp_path / "tmp"
    root.mkdir()
    multiprocessing.util.get_temp_dir()   # the fork server's socket folder, made once per process: not in this
    monkeypatch.setattr(tempfile, "tempdir", str(root))   # long path (a Unix socket's name has 107 bytes at most)
    return root


def leftovers(root: Path) -> list[Path]:
    """Import folders left behind (the fork server's own socket folder, pymp-*, is multiprocessing's)."""
    return list(root.glob(f"{bounded.TEMP_PREFIX}*"))


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def rejection(*args, **kwargs) -> FileRejected:
    with pytest.raises(FileRejected) as info:
        bounded.run(*args, **kwargs)
    return info.value


def test_a_stuck_import_is_ended_at_its_time_limit_and_leaves_no_temporary_files(temp_root, tmp_path):
    pid_file = tmp_path / "pid"
    started = time.monotonic()
    exc = rejection(hang_with_a_temporary_copy, (str(pid_file),), {}, Limits(max_seconds=1.5))
    took = time.monotonic() - started
    assert exc.code == "time_limit" and "1.5 seconds" in exc.message("en") and "TERRITORIO_IMPORT_SECONDS" in str(exc)
    assert "1.5 segundos" in exc.message("es")
    assert 1.5 <= took < 1.5 + 5          # ended at its limit (plus the kill and clean-up), not left running
    assert not alive(int(pid_file.read_text()))
    assert not leftovers(temp_root)


def test_a_real_read_over_its_time_limit_is_stopped(temp_root):
    data = hostile.csv_rows_bomb(150_000)    # under the row cap; takes seconds to read and validate
    with pytest.raises(FileRejected) as info:
        bounded.read(data, "slow.csv", limits=Limits(max_seconds=0.3))
    assert info.value.code == "time_limit"
    assert not leftovers(temp_root)


def test_an_import_over_its_memory_limit_is_stopped_with_a_message(temp_root):
    with pytest.raises(FileRejected) as info:
        bounded.read(hostile.csv_rows_bomb(150_000), "big.csv", limits=Limits(max_memory_mb=64))
    assert info.value.code in ("memory_limit", "reader_died")   # MemoryError said, or a library that aborts
    assert "64 MB" in info.value.message("en") and "TERRITORIO_IMPORT_MEMORY_MB" in info.value.message("es")
    assert not leftovers(temp_root)


def test_a_reader_that_dies_is_said_not_raised(temp_root):
    exc = rejection(die, (3,), {}, Limits())
    assert exc.code == "reader_died" and "exit 3" in exc.message("en")
    assert not leftovers(temp_root)


def test_a_caller_that_stops_waiting_ends_the_child(temp_root, tmp_path):
    """Streamlit stops a script by raising inside an st call: on_wait's update. The child must go with it."""
    pid_file = tmp_path / "pid"

    class Stop(Exception):
        pass

    def on_wait(elapsed):
        if pid_file.exists():
            raise Stop

    with pytest.raises(Stop):
        bounded.run(hang_with_a_temporary_copy, (str(pid_file),), {}, Limits(max_seconds=30), on_wait)
    assert not alive(int(pid_file.read_text()))
    assert not leftovers(temp_root)


def test_on_wait_hears_the_seconds_while_the_child_works():
    heard = []
    assert bounded.run(sleep_then, (1.0, "done"), {}, Limits(), heard.append) == "done"
    assert len(heard) >= 2 and heard == sorted(heard) and heard[-1] < 1.5


def test_the_bounded_import_gives_what_the_in_process_one_gives(temp_root):
    for fixture in ("broken_rows.csv", "areas_regven.gpkg", "mymaps.kmz", "points_psad56.zip", "areas.parquet"):
        data = (FIXTURES / fixture).read_bytes()
        here, there = read(data, fixture), bounded.read(data, fixture)
        assert there.to_dict() == here.to_dict()
        assert there.frame.drop(columns="geometry", errors="ignore").equals(
            here.frame.drop(columns="geometry", errors="ignore"))
        if "geometry" in here.frame:
            assert there.frame.geometry.geom_equals_exact(here.frame.geometry, 1e-9).all()
    assert not leftovers(temp_root)


def test_rejections_come_back_with_their_code_and_values():
    with pytest.raises(FileRejected) as info:
        bounded.read_path(FIXTURES / "traversal.zip")
    assert info.value.code == "zip_unsafe_path" and info.value.message("es").startswith("el elemento")
    with pytest.raises(FileRejected) as info:
        bounded.read(b"x" * 200, "x.csv", limits=Limits(max_bytes=100))   # refused before any child starts
    assert info.value.code == "too_big"


# --- the settings ------------------------------------------------------------------------------------

def test_every_limit_has_a_setting(monkeypatch):
    values = {"TERRITORIO_MAX_UPLOAD_MB": "2", "TERRITORIO_MAX_ROWS": "1000", "TERRITORIO_MAX_COLUMNS": "40",
              "TERRITORIO_MAX_VERTICES": "5000", "TERRITORIO_IMPORT_SECONDS": "2.5",
              "TERRITORIO_IMPORT_MEMORY_MB": "512"}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    assert Limits.from_env() == Limits(max_bytes=2 * MB, max_rows=1000, max_columns=40, max_vertices=5000,
                                       max_seconds=2.5, max_memory_mb=512)


@pytest.mark.parametrize("value", ["", "many", "0", "-5"])
def test_a_setting_that_is_not_a_positive_number_keeps_the_default(monkeypatch, value):
    monkeypatch.setenv("TERRITORIO_MAX_ROWS", value)
    assert Limits.from_env().max_rows == Limits().max_rows == 200_000



def test_a_relative_path_names_the_file_from_where_the_caller_stands(monkeypatch):
    """The child works in its own temporary folder: `territorio validate file.csv` must still find file.csv."""
    monkeypatch.chdir(FIXTURES)
    result = bounded.read_path("acled_current.csv")
    assert result.rows_total > 0 and result.rows_total == result.rows_loaded + result.rows_rejected
