"""The `territorio` command: help, version, data validation."""

import subprocess
import sys

import pytest

from territorio import __version__, cli


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
