"""The `territorio` command: a second face over the same domain calls the pages make.

Subcommands are declared in COMMANDS (name -> (help, add_arguments, run)).
Exit codes: 0 done, 1 the input or data was rejected, 2 a wrong command line.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from typing import Callable

from territorio import __version__
from territorio.paths import REPO_ROOT, geodata_dir, shared_dir


def _data_version() -> str:
    from loaders.geodata import DataPackageError, data_version

    try:
        return data_version()
    except DataPackageError:
        return "unknown (geodata/datapackage.json missing)"


# --- serve ---------------------------------------------------------------------------------------

def _serve_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    p.add_argument("--address", default="localhost", help="address to bind (default localhost)")


def _serve(args: argparse.Namespace) -> int:
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "app.py"),
           "--server.port", str(args.port), "--server.address", args.address,
           "--browser.gatherUsageStats", "false"]
    print(f"Territorio: serving on http://{args.address}:{args.port}/ (Ctrl+C to stop)", flush=True)
    try:
        return subprocess.call(cmd, cwd=REPO_ROOT, env=os.environ.copy())
    except KeyboardInterrupt:
        return 0


# --- data ----------------------------------------------------------------------------------------

def _data_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=["build", "validate"],
                   help="build: rebuild geodata/ from ../shared; validate: check every file against datapackage.json")
    p.add_argument("--check", action="store_true", help="with build: only report files that differ from a fresh build")


def _data(args: argparse.Namespace) -> int:
    if args.action == "validate":
        return _data_validate()
    from territorio import geodata_build

    if not (shared_dir() / "data").exists():
        print(f"territorio data build: {shared_dir()} not found (the build needs the reference data)", file=sys.stderr)
        return 1
    if args.check:
        stale = geodata_build.check(shared_dir(), geodata_dir())
        for rel in stale:
            print(f"geodata/{rel}: differs from a fresh build")
        print("geodata is up to date" if not stale else f"{len(stale)} file(s) out of date")
        return 1 if stale else 0
    for rel in geodata_build.build_all(shared_dir(), geodata_dir()):
        print(f"wrote geodata/{rel}")
    return 0


def _data_validate() -> int:
    from loaders.geodata import DataPackageError, check_resource, descriptor

    try:
        names = [r["name"] for r in descriptor()["resources"]]
    except DataPackageError as exc:
        print(f"territorio data validate: {exc}", file=sys.stderr)
        return 1
    problems = [p for name in names for p in check_resource(name)]
    for p in problems:
        print(p)
    print(f"{len(names)} resources checked, {len(problems)} problem(s)")
    return 1 if problems else 0


COMMANDS: dict[str, tuple[str, Callable, Callable]] = {
    "serve": ("start the dashboard (as `streamlit run app.py` would)", _serve_args, _serve),
    "data": ("rebuild or validate the embedded data package", _data_args, _data),
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="territorio",
        description="Territorio: a sourced map of territorial control and violence in Caracas.",
    )
    p.add_argument("--version", action="version",
                   version=f"territorio {__version__} (data {_data_version()})")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_, add_args, _run) in COMMANDS.items():
        add_args(sub.add_parser(name, help=help_, description=help_))
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if not args.command:
        p.print_help()
        return 2
    return COMMANDS[args.command][2](args)


if __name__ == "__main__":
    sys.exit(main())
