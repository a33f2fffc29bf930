"""The `territorio` command: a second face over the same domain calls the pages make.

Subcommands are declared in COMMANDS (name -> (help, add_arguments, run)).
Exit codes: 0 done, 1 the input or data was rejected (or an unexpected error), 2 the command could not run:
a wrong command line, or a file it needs is missing or unreadable. An error is one line on stderr, never a
traceback (TERRITORIO_DEBUG=1 shows it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

from territorio import __version__, settings
from territorio.cli import datasets as datasets_cli
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
    p.add_argument("--address", help="address to bind (default 127.0.0.1, this machine only; 0.0.0.0 opens it "
                                      "to the network, see docs/SERVING.md)")
    p.add_argument("--data", metavar="FILE",
                   help="also load FILE (CSV, ACLED, GeoJSON, ...) into every session, as if uploaded")
    p.add_argument("--synthetic", type=int, metavar="N",
                   help="benchmarks only: show N generated incidents instead of the catalog's (a banner says so)")
    p.add_argument("--seed", type=int, default=0, help="with --synthetic: the generator's seed (default 0)")


def _serve(args: argparse.Namespace) -> int:
    env = os.environ.copy()
    if args.data:
        result = datasets_cli.read_file(args.data, "serve")
        if result is None:
            return 1
        env[settings.DATA.name] = str(Path(args.data).resolve())
    if args.synthetic is not None:
        if args.synthetic < 1:
            print("territorio serve: --synthetic needs a positive number of incidents", file=sys.stderr)
            return 2
        env[settings.SYNTHETIC.name] = f"{args.synthetic}:{args.seed}"
    cmd = [sys.executable, "-m", "ui.server", "--server.port", str(args.port),
           *(["--server.address", args.address] if args.address else []), "--browser.gatherUsageStats", "false"]
    print(f"Territorio: serving on http://{args.address or 'localhost'}:{args.port}/ (Ctrl+C to stop)", flush=True)
    if args.address and args.address not in ("127.0.0.1", "localhost", "::1"):
        print(f"Territorio: open beyond this machine; visitors must use a name in {settings.ALLOWED_HOSTS.name} or "
              f"{settings.PUBLIC_URL.name} (docs/SERVING.md)", flush=True)
    try:
        return subprocess.call(cmd, cwd=REPO_ROOT, env=env)
    except KeyboardInterrupt:
        return 0


# --- data ----------------------------------------------------------------------------------------

def _data_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=["build", "validate"],
                   help="build: rebuild geodata/ from ../shared; validate: check every file against datapackage.json")
    p.add_argument("--check", action="store_true", help="with build: only report files that differ from a fresh build")
    p.add_argument("--refresh-facts", action="store_true",
                   help="with build: first copy ../shared/facts into geodata/sources (unchanged)")


def _data(args: argparse.Namespace) -> int:
    if args.action == "validate":
        return _data_validate()
    from territorio.build import catalog as catalog_build
    from territorio.build import geodata as geodata_build
    from territorio.build import parishes as parish_build

    if args.refresh_facts:
        if not (shared_dir() / "facts").exists():
            print(f"territorio data build: {shared_dir() / 'facts'} not found", file=sys.stderr)
            return 1
        for rel in geodata_build.refresh_facts(shared_dir(), geodata_dir()):
            print(f"copied geodata/{rel}")
    try:
        return _build(args, geodata_build)
    except (catalog_build.CatalogBuildError, parish_build.SourceDataError) as exc:
        print(f"territorio data build: {exc}", file=sys.stderr)
        return 1


def _build(args: argparse.Namespace, geodata_build) -> int:
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


# --- incidents -----------------------------------------------------------------------------------

def _incidents_args(p: argparse.ArgumentParser) -> None:
    _filter_args(p)
    p.add_argument("--format", choices=["csv", "geojson", "gpkg"], default="csv",
                   help="csv and geojson go to stdout unless --out; gpkg needs --out")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--lang", choices=["en", "es"], default="en", help="language of titles and summaries")
    p.add_argument("--count", action="store_true", help="print only the number of matching incidents")
    datasets_cli.data_options(p)


def _filter_args(p: argparse.ArgumentParser) -> None:
    """The filter options shared by `incidents` and `render`."""
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day, ISO (inclusive)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day, ISO (inclusive)")
    p.add_argument("--area", action="append", default=[], metavar="ID|NAME", help="parish or sector (repeatable)")
    p.add_argument("--type", action="append", default=[], metavar="KEY", help="incident type (repeatable)")
    p.add_argument("--actor", action="append", default=[], metavar="ID|NAME",
                   help="actor; a leader also matches his group (repeatable)")
    p.add_argument("--min-fatalities", type=int, default=0, metavar="N",
                   help="at least N killed (upper figure of a range)")


def _incidents(args: argparse.Namespace) -> int:
    from territorio.outputs import export
    from territorio.selection import filters

    if args.format == "gpkg" and not args.out and not args.count:
        print("territorio incidents: --format gpkg writes a binary file; name it with --out FILE.gpkg",
              file=sys.stderr)
        return 2
    chosen = _selection(args, "incidents")
    if isinstance(chosen, int):
        return chosen
    cat, joined, spec = chosen
    if args.count:
        print(int(filters.apply(cat, joined, spec).mask.sum()))
        return 0
    if args.format == "gpkg":
        export.write_gpkg(cat, joined, spec, args.out, args.lang)
        return 0
    _emit(export.FORMATS[args.format][2](cat, joined, spec, args.lang), args.out)
    return 0


def _selection(args: argparse.Namespace, command: str, synthetic: tuple[int, int] | None = None):
    """(catalog, the incidents --data chooses or the synthetic ones, the filter spec), or the exit code after
    saying what is wrong."""
    from loaders import catalog as catalog_loader

    cat = catalog_loader.load()
    joined = catalog_loader.joined(synthetic) if synthetic else datasets_cli.chosen(args, command)
    if isinstance(joined, int):
        return joined
    spec = _spec(cat, args, command, joined)
    return 2 if spec is None else (cat, joined, spec)


def _spec(cat, args: argparse.Namespace, command: str, joined=None):
    """The FilterSpec from the filter options, or None after saying what is wrong. The types and actors of the
    incidents worked on (`joined`) count as known besides the catalog's."""
    from territorio.catalog import dates
    from territorio.selection import filters

    try:
        return filters.resolve(cat, date_from=args.date_from, date_to=args.date_to, areas=args.area,
                               types=args.type, actors=args.actor, min_fatalities=args.min_fatalities,
                               incidents=joined)
    except (filters.UnknownValue, dates.DateError) as exc:
        print(f"territorio {command}: {exc}", file=sys.stderr)
        return None


def _emit(text: str, out: str | None) -> None:
    """Text to FILE, or to stdout."""
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


# --- study ---------------------------------------------------------------------------------------

def _study_args(p: argparse.ArgumentParser) -> None:
    from territorio.analysis.study import WINDOWS

    p.add_argument("--date", required=True, metavar="DATE", help="the policy date, ISO (first day of 'after')")
    p.add_argument("--window", type=int, choices=WINDOWS, default=12, help="months before and after (default 12)")
    p.add_argument("--designation", action="append", default=[], metavar="ID",
                   help="designation whose area counts as inside (repeatable; default: all)")
    p.add_argument("--lang", choices=["en", "es"], default="en", help="language of the sentences")
    p.add_argument("--json", action="store_true", help="print the counts and estimate as JSON")
    datasets_cli.data_options(p)


def _study(args: argparse.Namespace) -> int:
    import json

    from loaders import catalog as catalog_loader
    from territorio.analysis import study
    from territorio.catalog import dates
    from territorio.selection.dataset import name_of

    cat = catalog_loader.load()
    try:
        spec = study.StudySpec(dates.parse_iso(args.date, "--date"), args.window, tuple(args.designation))
        study.inside_areas(cat, spec.designations)
    except (dates.DateError, study.StudyError) as exc:
        print(f"territorio study: {exc}", file=sys.stderr)
        return 2
    joined = datasets_cli.chosen(args, "study")
    if isinstance(joined, int):
        return joined
    result = study.run(cat, joined, spec)
    sentences = study.describe(result, args.lang, name_of(joined))
    if args.json:
        print(json.dumps({**result.to_dict(), "caveat": sentences[-1]}, ensure_ascii=False, indent=1))
        return 0
    print(study.counts_table(result).to_string(index=False))
    print("\n".join(sentences))
    return 0


# --- render --------------------------------------------------------------------------------------

def _render_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="FILE.png|FILE.svg|FOLDER",
                   help="picture to write (format from the name); a folder, or nothing (the current one), gets a "
                        "name saying the area, dates and language: territorio_cota-905_2019-01-01_2021-12-31_es.png")
    p.add_argument("--format", choices=["png", "svg"], default="png", help="format when --out names a folder")
    _filter_args(p)
    p.add_argument("--lang", choices=["en", "es"], default="en", help="language of the title, legend and notes")
    p.add_argument("--synthetic", type=int, metavar="N",
                   help="benchmarks only: draw N generated incidents instead of the catalog's (the picture says so)")
    p.add_argument("--seed", type=int, default=0, help="with --synthetic: the generator's seed (default 0)")
    datasets_cli.data_options(p)


def _render(args: argparse.Namespace) -> int:
    from pathlib import Path

    from loaders import geodata
    from territorio.i18n import t
    from territorio.i18n.numbers import fmt_int
    from territorio.outputs import names, picture, provenance

    folder = Path(args.out) if args.out and Path(args.out).is_dir() else (Path(".") if not args.out else None)
    fmt = args.format if folder is not None else Path(args.out).suffix.lower().lstrip(".")
    if fmt not in picture.FORMATS:
        print(f"territorio render: {args.out}: the name must end in .png or .svg", file=sys.stderr)
        return 2
    if args.synthetic is not None and args.synthetic < 1:
        print("territorio render: --synthetic needs a positive number of incidents", file=sys.stderr)
        return 2
    if args.synthetic is not None and args.data:
        print("territorio render: --synthetic and --data are two different sources of incidents: choose one",
              file=sys.stderr)
        return 2
    synthetic = None if args.synthetic is None else (args.synthetic, args.seed)
    chosen = _selection(args, "render", synthetic)
    if isinstance(chosen, int):
        return chosen
    cat, joined, spec = chosen
    sentence = None if synthetic is None else " ".join((
        t("synthetic_banner", args.lang, n=fmt_int(synthetic[0], args.lang), seed=synthetic[1]),
        provenance.filter_sentence(cat, spec, args.lang)))
    pic = picture.render_map(cat, joined, spec, args.lang, fmt,
                            municipalities=geodata.read("municipalities"), sentence=sentence)
    out = folder / names.file_name(spec, args.lang, fmt) if folder is not None else Path(args.out)
    out.write_bytes(pic.data)
    print(f"wrote {out}: {pic.shown} incidents drawn, {pic.not_drawn} not drawn")
    return 0


# --- validate (imports) ---------------------------------------------------------------------------



def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="CSV, ACLED export, GeoJSON, GeoPackage, zipped Shapefile, "
                   "KML/KMZ or GeoParquet")
    p.add_argument("--kind", choices=["incidents", "areas"], help="what the file holds (detected when not given)")
    p.add_argument("--fix-swapped", action="store_true",
                   help="swap back latitude/longitude that look swapped (a warning each) instead of rejecting")
    p.add_argument("--max-mb", type=float, metavar="MB",
                   help=f"size limit (default {settings.MAX_UPLOAD_MB.default}, or {settings.MAX_UPLOAD_MB.name})")


def _validate(args: argparse.Namespace) -> int:
    import dataclasses

    from loaders import uploads
    from territorio.imports import FileRejected, Limits, error_json

    limits = Limits.from_env()   # every TERRITORIO_* limit; --max-mb overrides the size one alone
    if args.max_mb:
        limits = dataclasses.replace(limits, max_bytes=int(args.max_mb * 1024 * 1024))
    try:
        result = uploads.read_path(args.file, kind=args.kind, fix_swapped=args.fix_swapped, limits=limits)
    except FileRejected as exc:
        sys.stdout.write(error_json(Path(args.file).name, exc))
        return 1
    sys.stdout.write(result.to_json())
    return 0


def _story_args(p: argparse.ArgumentParser) -> None:
    from territorio.cli import story as story_cli

    story_cli.add_arguments(p)


def _story(args: argparse.Namespace) -> int:
    from territorio.cli import story as story_cli

    return story_cli.run(args)


# --- publish and animate -----------------------------------------------------------------------

def _publish_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write (made if missing)")
    _filter_args(p)
    p.add_argument("--lang", choices=["en", "es"], default="en", help="the language the page opens in")
    p.add_argument("--title", default="", help="the page's title (default: the map's)")
    datasets_cli.data_options(p)
    p.add_argument("--synthetic", type=int, metavar="N",
                   help="benchmarks only: publish N generated incidents instead of the catalog's (the page says so)")
    p.add_argument("--seed", type=int, default=0, help="with --synthetic: the generator's seed (default 0)")


def _publish(args: argparse.Namespace) -> int:
    from pathlib import Path

    from loaders import geodata
    from territorio.publish import folder, payload

    if args.synthetic is not None and (args.synthetic < 1 or args.data):
        print("territorio publish: --synthetic needs a positive number of incidents and no --data", file=sys.stderr)
        return 2
    chosen = _selection(args, "publish", None if args.synthetic is None else (args.synthetic, args.seed))
    if isinstance(chosen, int):
        return chosen
    cat, joined, spec = chosen
    data = payload.build(cat, joined, spec, args.lang, geodata.read("municipalities"), title=args.title,
                         synthetic=args.synthetic is not None)
    sizes = folder.write(data, Path(args.out))
    print(f"wrote {args.out}: {len(sizes)} files, {sum(sizes.values()) / 1e6:.2f} MB "
          f"({len(joined)} incidents; open index.html, or read README.txt to put it on a website)")
    return 0


def _animate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="FILE.gif|FILE.mp4", help="video to write (format from the name)")
    _filter_args(p)
    p.add_argument("--step", choices=["week", "month", "year"], default="month",
                   help="one frame per step (default month)")
    p.add_argument("--size", default="1280x720", metavar="WxH", help="frame size in pixels (default 1280x720)")
    p.add_argument("--lang", choices=["en", "es"], default="en", help="language of the legend, dates and counts")
    datasets_cli.data_options(p)


def _animate(args: argparse.Namespace) -> int:
    import time
    from pathlib import Path

    from loaders import geodata
    from territorio.outputs import animation

    fmt = Path(args.out).suffix.lower().lstrip(".")
    try:
        if fmt not in animation.FORMATS:
            raise animation.AnimationError(f"{args.out}: the name must end in .gif or .mp4")
        size = animation.parse_size(args.size)
    except animation.AnimationError as exc:
        print(f"territorio animate: {exc}", file=sys.stderr)
        return 2
    chosen = _selection(args, "animate")
    if isinstance(chosen, int):
        return chosen
    cat, joined, spec = chosen
    started = time.perf_counter()
    video = animation.render(cat, joined, spec, args.lang, fmt, args.step, size,
                             geodata.read("municipalities"))
    Path(args.out).write_bytes(video.data)
    first, last = video.windows[0], video.windows[-1]
    print(f"wrote {args.out}: {len(video.windows)} frames ({first[0]} to {last[1]}, one per {args.step}), "
          f"{len(video.data) / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
    return 0


# --- bench ---------------------------------------------------------------------------------------


def _bench_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--incidents", type=int, default=100_000, metavar="N", help="synthetic incidents (default 100000)")
    p.add_argument("--steps", type=int, default=30, metavar="K", help="random filter changes and time steps (>= 20)")
    p.add_argument("--seed", type=int, default=0, help="seed of the data and of the steps (default 0)")
    p.add_argument("--baseline-sizes", default="10000,20000", metavar="N,N",
                   help="incidents for the MarkerCluster baseline (default 10000,20000; empty: none)")
    p.add_argument("--no-first-paint", action="store_true", help="skip the browser measure of the first paint")
    p.add_argument("--first-paint-runs", type=int, default=3, metavar="K",
                   help="fresh servers the first paint is measured on; the median is reported (default 3)")
    p.add_argument("--sessions", type=int, nargs="?", const=10, metavar="K",
                   help="instead: K simultaneous headless Chromium viewers (default 10) against --url, "
                        "or against a fresh server on --incidents")
    p.add_argument("--url", help="with --sessions: a running app")
    p.add_argument("--server-pid", type=int, help="with --sessions --url: the server's process id (for its memory)")
    p.add_argument("--duration", type=float, default=60, metavar="S", help="with --sessions: seconds (default 60)")
    p.add_argument("--publish", action="store_true",
                   help="instead: the published explorer (territorio publish) of the catalog and of --incidents "
                        "synthetic ones in Chromium: sizes, time to interactive, slider step redraw")
    p.add_argument("--viewer", action="store_true",
                   help="instead: one Chromium viewer steps and plays the map, at the catalog's size and at "
                        "--incidents: step to redrawn (p50, p95), Play's frames a second, server CPU per update, "
                        "beside a calibration run")
    p.add_argument("--app", metavar="DIR", help="with --viewer: serve this checkout of the app instead (e.g. an "
                                                  "older commit, to compare in one sitting)")
    p.add_argument("--play-seconds", type=float, default=30, metavar="S", help="with --viewer: Play held (default 30)")
    p.add_argument("--pace", type=int, default=8, metavar="N",
                   help="with --viewer: Play's pace in steps a second, where the app offers it (default 8)")
    p.add_argument("--no-catalog", action="store_true", help="with --viewer: only the synthetic size")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--data", metavar="FILE_OR_ID",
                   help="instead of synthetic incidents: a file (imported and kept in a temporary workspace) or a "
                        "kept dataset's id or name; the same figures, plus its cold read and join")


def _bench(args: argparse.Namespace) -> int:
    import json

    if args.incidents < 1 or args.steps < 1 or args.first_paint_runs < 1:
        print("territorio bench: --incidents, --steps and --first-paint-runs must be positive", file=sys.stderr)
        return 2
    try:
        sizes = tuple(int(s) for s in args.baseline_sizes.split(",") if s.strip())
    except ValueError:
        print(f"territorio bench: --baseline-sizes {args.baseline_sizes!r} is not a list of numbers", file=sys.stderr)
        return 2
    say = (lambda _m: None) if args.json else (lambda m: print(m, file=sys.stderr, flush=True))
    if args.publish:
        from benchmarks import publish

        out = publish.run(args.incidents, args.seed, args.first_paint_runs, args.steps, say)
    elif args.sessions is not None or args.viewer:
        out = _bench_sessions(args) if args.sessions is not None else _bench_viewer(args, say)
        if out is None:
            return 1
    else:
        from benchmarks import run

        out = _bench_run(run, args, sizes, say)
        if out is None:
            return 2
    print(json.dumps(out, indent=1) if args.json else "\n".join(f"{k}: {v}" for k, v in out.items()))
    return 1 if out.get("errors") else 0


def _bench_run(run, args: argparse.Namespace, sizes: tuple[int, ...], say):
    from loaders import workspace

    try:
        return run.run(run.Options(args.incidents, args.steps, args.seed, sizes,
                                   0 if args.no_first_paint else args.first_paint_runs, args.data), say)
    except workspace.DatasetNotFound as exc:
        print(f"territorio bench: {exc}", file=sys.stderr)
        return None


def _bench_viewer(args: argparse.Namespace, say):
    from benchmarks import browser, viewer

    if not browser.chromium():
        print("territorio bench --viewer: chromium is not installed", file=sys.stderr)
        return None
    if args.app and not (Path(args.app) / "app.py").is_file():
        print(f"territorio bench --viewer: --app {args.app}: no app.py there", file=sys.stderr)
        return None
    sizes = ([] if args.no_catalog else [None]) + [args.incidents]
    return viewer.run(sizes, str(Path(args.app).resolve()) if args.app else None, args.steps, args.play_seconds,
                      args.pace, args.seed, say)


def _bench_sessions(args: argparse.Namespace):
    from benchmarks import browser

    if not browser.chromium():
        print("territorio bench --sessions: chromium is not installed", file=sys.stderr)
        return None
    if args.url:
        return browser.sessions(args.url, args.sessions, args.duration, args.server_pid)
    with browser.server(args.incidents, args.seed) as (url, pid):
        return {"incidents": args.incidents, **browser.sessions(url, args.sessions, args.duration, pid)}


COMMANDS: dict[str, tuple[str, Callable, Callable]] = {
    "serve": ("start the dashboard (as `streamlit run app.py` would)", _serve_args, _serve),
    "data": ("rebuild or validate the embedded data package", _data_args, _data),
    "incidents": ("list the catalog's incidents matching filters (csv or geojson on stdout)",
                  _incidents_args, _incidents),
    "validate": ("check a file to import: every row loaded or rejected with a reason (JSON report on stdout)",
                 _validate_args, _validate),
    "study": ("incidents before vs after a policy date, inside vs outside the designated areas",
              _study_args, _study),
    "render": ("the map of the filtered incidents as a PNG or SVG picture (offline)", _render_args, _render),
    "story": ("briefing stories: list them, validate a story file, export one as an offline HTML file",
              _story_args, _story),
    "publish": ("the map for readers as static files (index.html, embed.html, data, README) for any web host",
                _publish_args, _publish),
    "animate": ("the playback as a GIF or MP4 video, one frame per week, month or year (offline)",
                _animate_args, _animate),
    "import": ("keep a file's incidents as a dataset in the workspace (TERRITORIO_WORKSPACE); prints its id",
               datasets_cli.import_args, datasets_cli.import_run),
    "datasets": ("the workspace's kept datasets: list (id, name, rows, imported at), delete ID, report ID",
                 datasets_cli.datasets_args, datasets_cli.datasets_run),
    "profile": ("an area's profile: incidents, fatalities range, per year, by type, by actor, rate where a "
                "population figure exists", datasets_cli.profile_args, datasets_cli.profile_run),

    "bench": ("benchmark the map page on synthetic incidents (server step, payload, memory, first paint)",
              _bench_args, _bench),
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




def _failure(command: str, exc: Exception) -> tuple[str, int]:
    """One line that says what failed, and the exit code."""
    from loaders.geodata import DataPackageError

    if isinstance(exc, DataPackageError):
        return f"territorio {command}: data package: {exc}", 2
    if isinstance(exc, OSError) and exc.filename:
        return f"territorio {command}: {exc.filename}: {exc.strerror or type(exc).__name__}", 2
    return (f"territorio {command}: unexpected error ({type(exc).__name__}: {exc}); "
            f"{settings.DEBUG.name}=1 shows the traceback"), 1


def _run(command: str, args: argparse.Namespace) -> int:
    try:
        return COMMANDS[command][2](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:          # the reader left (`| head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        if settings.DEBUG.raw() == "1":
            raise
        line, code = _failure(command, exc)
        print(" ".join(line.split()), file=sys.stderr)
        return code


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if not args.command:
        p.print_help()
        return 2
    return _run(args.command, args)


if __name__ == "__main__":
    sys.exit(main())
