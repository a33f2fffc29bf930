"""`territorio story list | validate FILE | export ID --out FILE.html [--lang en|es]`.

Exit codes as for every command: 0 done, 1 the story was rejected (reasons on stderr), 2 a wrong command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from territorio.stories import model as stories


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="story_action", metavar="ACTION", required=True)
    sub.add_parser("list", help="the stories shipped in geodata/stories (id, scenes, title)")
    v = sub.add_parser("validate", help="check a story file: its schema, then its ids against the catalog")
    v.add_argument("file", metavar="FILE", help="a story YAML file")
    e = sub.add_parser("export", help="one self-contained HTML file that plays the story offline")
    e.add_argument("story_id", metavar="ID", help="a shipped story's id (see `territorio story list`) or a YAML file")
    e.add_argument("--out", required=True, metavar="FILE.html", help="the HTML file to write")
    e.add_argument("--lang", choices=["en", "es"], default="en", help="language of captions and labels")


def _catalog():
    from loaders import catalog as catalog_loader
    from territorio.catalog import join

    cat = catalog_loader.load()
    return cat, join.join(cat)


def _fail(problems: list[str]) -> int:
    for p in problems:
        print(p, file=sys.stderr)
    return 1


def _list(_args) -> int:
    shelf = stories.load_folder()
    rows = {sid: f"{sid}\t{len(story.scenes)} scenes\t{story.title['en']}" for sid, story in shelf.stories.items()}
    rows.update({name.removesuffix(".yaml"): f"{name.removesuffix('.yaml')}\tINVALID\t{problems[0]}"
                 for name, problems in shelf.broken.items()})
    for story_id in sorted(rows):
        print(rows[story_id])
    return 0


def _checked(story: stories.Story, name: str) -> list[str]:
    from territorio.stories import scenes

    cat, joined = _catalog()
    return scenes.catalog_problems(cat, joined, story, name)


def _validate(args) -> int:
    path = Path(args.file)
    try:
        story = stories.load(path)
    except stories.StoryError as err:
        return _fail(err.problems)
    problems = _checked(story, path.name)
    if problems:
        return _fail(problems)
    print(f"{path.name}: valid ({len(story.scenes)} scenes)")
    return 0


def _export(args) -> int:
    from loaders import geodata
    from territorio.stories import export as story_export
    from territorio.stories import scenes

    try:
        path = Path(args.story_id)
        story = stories.load(path) if path.suffix in (".yaml", ".yml") else stories.load_shipped(args.story_id)
    except stories.StoryError as err:
        return _fail(err.problems)
    cat, joined = _catalog()
    problems = scenes.reference_problems(cat, story, story.id)
    if problems:
        return _fail(problems)
    page = story_export.export_html(cat, joined, geodata.read("municipalities"), story, args.lang,
                                    geodata.data_version())
    try:
        Path(args.out).write_text(page, encoding="utf-8")
    except OSError as err:
        return _fail([f"{args.out}: cannot be written ({err})"])
    print(f"wrote {args.out}: {len(story.scenes)} scenes, {len(page.encode('utf-8')) // 1024} KiB, plays offline")
    return 0


ACTIONS = {"list": _list, "validate": _validate, "export": _export}


def run(args: argparse.Namespace) -> int:
    return ACTIONS[args.story_action](args)
