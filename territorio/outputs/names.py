"""File names that say what a file shows: the area, the dates and the language, e.g.
territorio_cota-905_2019-01-01_2021-12-31_es.png (every page download and the CLI's default)."""

from __future__ import annotations

import re

from territorio.selection.filters import FilterSpec

ALL_AREAS = "caracas"
MAX_AREA_CHARS = 60      # several areas are joined with '+'; a long list is cut and says how many more


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "area"


def area_part(areas: tuple[str, ...]) -> str:
    if not areas:
        return ALL_AREAS
    part = "+".join(_slug(a) for a in areas)
    if len(part) <= MAX_AREA_CHARS:
        return part
    return f"{_slug(areas[0])}+{len(areas) - 1}-more"


def file_name(spec: FilterSpec, lang: str, ext: str, what: str = "") -> str:
    """territorio[_what]_<areas>_<from>_<to>_<lang>.<ext>; `what` names a page's own view (profile, study)."""
    dates = ([spec.date_from.isoformat() if spec.date_from else "start", spec.date_to.isoformat() if spec.date_to
              else "end"] if spec.date_from or spec.date_to else ["all-dates"])
    parts = ["territorio", _slug(what) if what else "", area_part(tuple(spec.areas)), *dates, lang]
    return "_".join(p for p in parts if p) + f".{ext}"
