"""Rebuild every derived file in geodata/ and its descriptor, deterministically.

`territorio data build` and `python geodata/build.py` call `build_all`; `check` reports files
whose committed bytes differ from a fresh build (the CI guard on the data).
"""

from __future__ import annotations

from pathlib import Path

from territorio import datapackage, parish_build


def derived_files(shared: Path) -> dict[str, str]:
    """Every derived file, by its path inside geodata/, as text."""
    return dict(parish_build.build(shared))


def _with_descriptor(files: dict[str, str], geodata: Path) -> dict[str, str]:
    contents = {}
    for spec in datapackage.RESOURCES:
        path = spec["path"]
        text = files.get(path)
        contents[path] = text.encode("utf-8") if text is not None else (geodata / path).read_bytes()
    out = dict(files)
    out["datapackage.json"] = datapackage.dumps(datapackage.descriptor(contents))
    return out


def build_all(shared: Path, geodata: Path) -> list[str]:
    """Write every derived file; return the paths written."""
    files = _with_descriptor(derived_files(shared), geodata)
    for rel, text in files.items():
        target = geodata / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    return sorted(files)


def check(shared: Path, geodata: Path) -> list[str]:
    """Paths whose committed content differs from a fresh build (empty when all match)."""
    files = _with_descriptor(derived_files(shared), geodata)
    stale = []
    for rel, text in sorted(files.items()):
        target = geodata / rel
        if not target.exists() or target.read_bytes() != text.encode("utf-8"):
            stale.append(rel)
    return stale
