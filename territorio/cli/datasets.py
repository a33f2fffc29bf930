"""The workspace from the command line: `territorio import FILE`, `territorio datasets [delete ID]`, and the
`--data FILE_OR_ID [--with-catalog]` option every analysis command shares (`data_options`, `chosen`).

Exit codes as for every command: 0 done, 1 the input was rejected, 2 a wrong command line or an unknown id.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from pathlib import Path


def data_options(p: argparse.ArgumentParser, what: str = "incidents") -> None:
    """--data FILE_OR_ID, --with-catalog, and how a file without dates is read (--undated, --file-date)."""
    p.add_argument("--data", metavar="FILE_OR_ID",
                   help=f"the {what} of a kept dataset (its id or name, see `territorio datasets`) or of a file "
                        "read now, instead of the catalog's")
    p.add_argument("--with-catalog", action="store_true", help="with --data: the dataset's incidents and the catalog's")
    dating_options(p, "--file-date")


def dating_options(p: argparse.ArgumentParser, flag: str = "--date") -> None:
    """How a file with no date column is read (territorio.imports: undated, or one date for the whole file)."""
    group = p.add_mutually_exclusive_group()
    group.add_argument("--undated", action="store_true",
                       help="a file with no date column: load its rows as undated (mapped and counted, never in a "
                            "time window)")
    group.add_argument(flag, dest="file_date", metavar="DATE",
                       help="a file with no date column: this date or period (2021-07-09, 2021-07, 2021) for "
                            "every row")


def dating(args: argparse.Namespace) -> dict:
    """The importer's options for a file without dates, from --undated / --date."""
    if getattr(args, "undated", False):
        return {"undated": True}
    if getattr(args, "file_date", None):
        return {"file_date": args.file_date}
    return {}


def chosen(args: argparse.Namespace, command: str):
    """The joined incidents --data/--with-catalog name, or the exit code after saying why (2: a wrong command
    line or an unknown id; 1: a file rejected). A path that exists is read now (not kept); any other text names
    a kept dataset."""
    from loaders import workspace
    from territorio.selection.dataset import DatasetChoice

    if args.with_catalog and not args.data:
        print(f"territorio {command}: --with-catalog needs --data FILE_OR_ID", file=sys.stderr)
        return 2
    if not args.data:
        return workspace.joined(DatasetChoice())
    if Path(args.data).is_file():
        return _file_joined(args, command)
    try:
        info = workspace.find(args.data)
    except workspace.DatasetNotFound as exc:
        print(f"territorio {command}: {exc}", file=sys.stderr)
        return 2
    return workspace.joined(DatasetChoice(info.id, args.with_catalog))


def _file_joined(args: argparse.Namespace, command: str):
    from loaders import catalog as catalog_loader
    from loaders import workspace
    from territorio.catalog import join
    from territorio.selection import dataset as ds

    result = read_file(args.data, command, **dating(args))
    if result is None:
        return 1
    if result.kind != "incidents":
        print(f"territorio {command}: {args.data} holds areas, not incidents", file=sys.stderr)
        return 1
    if result.rows_rejected:
        print(f"territorio {command}: {result.rows_rejected} row(s) of {result.file} rejected; "
              f"`territorio validate {args.data}` says why", file=sys.stderr)
    info = ds.DatasetInfo(id=result.dataset, name=result.dataset, file=result.file, sha256="",
                          imported_at=dt.date.today().isoformat(), licence=getattr(args, "licence", None)
                          or ds.UNKNOWN_LICENCE)
    own = join.join(catalog_loader.load(), incidents=ds.stamp(result.incidents, info))
    return ds.combine(workspace.stamped_catalog() if args.with_catalog else None, own)


def read_file(path: str, command: str, **options):
    """An imported file, or None after saying on stderr why it was rejected as a whole."""
    from loaders import uploads
    from territorio.imports import FileRejected

    try:
        return uploads.read_path(path, **options)
    except FileRejected as exc:
        print(f"territorio {command}: {Path(path).name}: {exc}", file=sys.stderr)
        return None


# --- territorio import ---------------------------------------------------------------------------------------

def import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="CSV, ACLED export, GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ "
                   "or GeoParquet of incidents")
    p.add_argument("--name", help="the dataset's name (default: the file's name)")
    p.add_argument("--kind", choices=["incidents"], default="incidents",
                   help="what the file holds; only incidents are kept as datasets")
    p.add_argument("--licence", default="", help="the data's licence, as its owner states it (default: unknown)")
    p.add_argument("--fix-swapped", action="store_true",
                   help="swap back latitude/longitude that look swapped (a warning each) instead of rejecting")
    dating_options(p)


def import_run(args: argparse.Namespace) -> int:
    from loaders import workspace

    result = read_file(args.file, "import", kind=args.kind, fix_swapped=args.fix_swapped, **dating(args))
    if result is None:
        return 1
    sha = hashlib.sha256(Path(args.file).read_bytes()).hexdigest()
    info = workspace.keep(result, name=args.name or Path(args.file).stem, sha256=sha, licence=args.licence,
                          dates=result.dating)
    print(f"kept {info.rows_loaded} of {info.rows_total} rows ({info.rows_rejected} rejected) as "
          f"{info.name!r}; dates: {info.dates}", file=sys.stderr)
    print(info.id)
    return 0


# --- territorio datasets -------------------------------------------------------------------------------------

def datasets_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", nargs="?", choices=["list", "delete", "report"], default="list",
                   help="list (default), delete ID, or report ID (the import report as JSON)")
    p.add_argument("dataset", nargs="?", metavar="ID", help="with delete or report: the dataset's id")
    p.add_argument("--json", action="store_true", help="with list: the datasets as JSON")


def datasets_run(args: argparse.Namespace) -> int:
    import json

    from loaders import workspace

    if args.action == "list":
        kept = workspace.listing()
        if args.json:
            print(json.dumps([i.to_dict() for i in kept], ensure_ascii=False, indent=1))
        else:
            print("\t".join(("id", "name", "rows", "imported_at")))
            for i in kept:
                print("\t".join((i.id, i.name, str(i.rows_loaded), i.imported_at)))
        return 0
    if not args.dataset:
        print(f"territorio datasets {args.action}: name the dataset's id", file=sys.stderr)
        return 2
    try:
        if args.action == "report":
            sys.stdout.write(workspace.report(args.dataset))
            return 0
        info = workspace.delete(args.dataset)
    except workspace.DatasetNotFound as exc:
        print(f"territorio datasets {args.action}: {exc}", file=sys.stderr)
        return 2
    print(f"deleted {info.id} ({info.name})")
    return 0


# --- territorio profile ----------------------------------------------------------------------------------------

def profile_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--area", required=True, metavar="ID|NAME", help="a parish or sector, by id or name")
    p.add_argument("--lang", choices=["en", "es"], default="en", help="language of labels and sentences")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    data_options(p)


def profile_run(args: argparse.Namespace) -> int:
    import json

    from loaders import catalog as catalog_loader
    from territorio.analysis import profile
    from territorio.selection import filters

    cat = catalog_loader.load()
    try:
        area = filters.resolve(cat, areas=[args.area]).areas[0]
    except filters.UnknownValue as exc:
        print(f"territorio profile: {exc}", file=sys.stderr)
        return 2
    joined = chosen(args, "profile")
    if isinstance(joined, int):
        return joined
    prof = profile.build(cat, joined, area, args.lang)
    figures = prof.to_dict(cat, args.lang)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return 0
    print(f"{prof.name} ({prof.kind}, {prof.area_id})")
    print(profile.counts_sentence(prof, args.lang).replace("**", ""))
    for sentence in profile.population_sentences(prof, args.lang)[:2]:
        if sentence:
            print(sentence.replace("**", ""))
    print("per year: " + ", ".join(f"{y}: {n}" for y, n in figures["per_year"].items()))
    print("by type: " + ", ".join(f"{r['label']}: {r['incidents']}" for r in figures["by_type"]))
    print("by actor: " + ", ".join(f"{r['label']}: {r['incidents']}" for r in figures["by_actor"]))
    if prof.undated:
        print(f"undated (counted apart): {prof.undated}")
    return 0
