"""The `territorio` command: help, version, data validation, and errors said in one line. Run in this process
through the `cli` fixture (tests/conftest.py); two tests start it as a program: the installed entry point,
and a reader that leaves early (a pipe closing under a real process)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.geodata import DataPackageError, data_version
from territorio import __version__, settings
from territorio.cli import main
from territorio.paths import REPO_ROOT


def test_version_names_code_and_data_versions(cli):
    out = cli("--version")
    assert out.code == 0
    assert f"territorio {__version__} (data {data_version()})" in out.out


def test_help_lists_the_commands(cli):
    out = cli("--help")
    assert out.code == 0
    for name in main.COMMANDS:
        assert name in out.out


@pytest.mark.parametrize("args", [[], ["no-such-command"], ["serve", "--port", "notaport"]])
def test_wrong_command_line_exits_2(cli, args):
    assert cli(*args).code == 2


@pytest.mark.parametrize("command", [*main.COMMANDS, "story list", "story validate", "story export"])
def test_every_command_has_its_help(cli, command):
    out = cli(*command.split(), "--help")
    assert out.code == 0 and out.out.startswith("usage: territorio ") and not out.err


def test_data_validate_passes_on_the_embedded_data(cli):
    out = cli("data", "validate")
    assert out.code == 0, out.out + out.err
    assert "0 problem(s)" in out.out


def test_installed_entry_point_works():
    """The one test of the program as installed: the console script pyproject.toml declares."""
    exe = shutil.which("territorio", path=str(Path(sys.executable).parent))
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


@pytest.mark.parametrize("case", DAMAGES)
def test_damaged_data_is_one_line_naming_the_file_and_exit_2(cli, tmp_path, case):
    damage, said, command = DAMAGES[case]
    root = tmp_path / "geodata"
    shutil.copytree(REPO_ROOT / "geodata", root)
    damage(root)
    out = cli(*command, env={settings.GEODATA.name: root}, cwd=tmp_path)
    assert out.code == 2, out.err
    assert out.err.count("\n") == 1 and "Traceback" not in out.err
    assert out.err.startswith(f"territorio {command[0]}: data package: ") and said in out.err


def test_a_file_that_cannot_be_written_is_one_line_and_exit_2(cli, tmp_path):
    out = cli("render", "--out", tmp_path / "no-such-folder" / "map.png")
    assert out.code == 2
    assert out.err == f"territorio render: {tmp_path / 'no-such-folder' / 'map.png'}: No such file or directory\n"


def test_territorio_debug_lets_the_error_through_with_its_traceback(cli, tmp_path):
    with pytest.raises(DataPackageError):
        cli("incidents", "--count", env={settings.GEODATA.name: tmp_path / "nothing-here", settings.DEBUG.name: "1"})


def test_a_reader_that_leaves_early_is_no_error():
    """`territorio incidents | head -1`: the pipe closes under a running program (needs a real process)."""
    proc = subprocess.Popen([sys.executable, "-m", "territorio.cli", "incidents"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()                  # as `| head -1` does
    assert proc.wait(60) == 0
    assert proc.stderr.read() == b""
