"""The `territorio` command: help, version, data validation, and errors said in one line."""

import os
import shutil
import subprocess
import sys

import pytest

from territorio import __version__, settings
from territorio.cli import main as cli
from territorio.paths import REPO_ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "territorio.cli", *args], capture_output=True, text=True)


def test_version_names_code_and_data_versions():
    out = run("--version")
    assert out.returncode == 0
    from loaders.geodata import data_version
    assert f"territorio {__version__} (data {data_version()})" in out.stdout


def test_help_lists_the_commands():
    out = run("--help")
    assert out.returncode == 0
    for name in cli.COMMANDS:
        assert name in out.stdout


@pytest.mark.parametrize("args", [[], ["no-such-command"], ["serve", "--port", "notaport"]])
def test_wrong_command_line_exits_2(args):
    assert run(*args).returncode == 2


def test_data_validate_passes_on_the_embedded_data():
    out = run("data", "validate")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 problem(s)" in out.stdout


def test_installed_entry_point_works():
    import shutil
    exe = shutil.which("territorio", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "the territorio command is installed with the package"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "territorio" in out.stdout



# --- errors: one line each, no traceback ------------------------------------------------------------------

DAMAGES = {   # what is done to a copy of geodata/ -> (what the line says, a command that meets it)
    "no data package": (shutil.rmtree, "datapackage.json: missing", ["incidents", "--count"]),
    "incidents missing": (lambda root: (root / "incidents.csv").unlink(), "incidents.csv: missing",
                          ["study", "--date", "2015-07-13"]),
    "parishes garbled": (lambda root: (root / "parishes.geojson").write_bytes(b"\x00 not json"),
                         "parishes.geojson: not readable as geojson", ["render", "--out", "x.svg"]),
    "incidents not text": (lambda root: (root / "incidents.csv").write_bytes(b"\x00\x01\xff"),
                           "incidents.csv: not readable as csv", ["incidents", "--format", "geojson"]),
    "incidents other columns": (lambda root: (root / "incidents.csv").write_text("a,b\n1,2\n"),
                                "incidents.csv: values do not match the descriptor", ["render", "--out", "x.png"]),
}


def run_on(geodata, *args, **env):
    return subprocess.run([sys.executable, "-m", "territorio.cli", *args], capture_output=True, text=True,
                          cwd=geodata.parent, env={**os.environ, "TERRITORIO_GEODATA": str(geodata), **env})


@pytest.mark.parametrize("case", DAMAGES)
def test_damaged_data_is_one_line_naming_the_file_and_exit_2(tmp_path, case):
    damage, said, command = DAMAGES[case]
    root = tmp_path / "geodata"
    shutil.copytree(REPO_ROOT / "geodata", root)
    damage(root)
    out = run_on(root, *command)
    assert out.returncode == 2, out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith(f"territorio {command[0]}: data package: ") and said in out.stderr


def test_a_file_that_cannot_be_written_is_one_line_and_exit_2(tmp_path):
    out = run("render", "--out", str(tmp_path / "no-such-folder" / "map.png"))
    assert out.returncode == 2
    assert out.stderr == f"territorio render: {tmp_path / 'no-such-folder' / 'map.png'}: No such file or directory\n"


def test_territorio_debug_shows_the_traceback(tmp_path):
    out = run_on(tmp_path / "nothing-here", "incidents", "--count", **{settings.DEBUG.name: "1"})
    assert out.returncode != 0 and "Traceback" in out.stderr and "DataPackageError" in out.stderr


def test_a_reader_that_leaves_early_is_no_error():
    proc = subprocess.Popen([sys.executable, "-m", "territorio.cli", "incidents"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()                  # as `| head -1` does
    assert proc.wait(60) == 0
    assert proc.stderr.read() == b""
