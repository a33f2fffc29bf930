"""What a page's address carries, for every page: its parameters read into the page's state plus notes about
the values it could not use, and that state written back as parameters. A bad value never fails a page: it
falls back to the default and comes back as a Note the page shows. Pages read `get_all(key)` (every value of
a key, as st.query_params.get_all gives them) and never parse their address themselves.

- the map: from, to (ISO dates, inclusive), area, type, actor (repeated keys; ids, names accepted and
  normalised to ids), min_fatalities, lang (en|es), lat, lon, zoom: `from_query` / `to_query`;
- the before/after study: date (ISO), window (months), designation (repeated): `study_state` / `study_query`;
- an area's profile: area (a pcode, a sector id or a name): `profile_state` / `profile_query`;
- the briefing: story, scene (1-based), notes=1, lang: `briefing_state`, `scene_index` / `briefing_query`;
- every page's incidents: dataset (a kept dataset's id), catalog=1 (the catalog mixed in): `dataset_state` /
  `dataset_query`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from territorio.catalog import dates
from territorio.catalog.model import Catalog, area_label, area_names
from territorio.i18n import LANGS, t
from territorio.i18n.text import fold, shorten
from territorio.map.view import VIEW_BOUNDS, MapView
from territorio.selection import filters
from territorio.selection.dataset import CATALOG_ONLY, DatasetChoice
from territorio.selection.filters import FilterSpec


@dataclass(frozen=True)
class ViewState:
    spec: FilterSpec
    lang: str = "en"
    view: MapView | None = None     # None: the map's own default framing


@dataclass(frozen=True)
class Note:
    """A URL value that was ignored, and why: `reason` names the url_<reason> text, said within url_note; a
    page with a sentence of its own for it names that text in `text` (said with the value cut short)."""
    param: str
    value: str
    reason: str
    extra: dict = field(default_factory=dict)
    text: str = ""

    def message(self, lang: str) -> str:
        if self.text:
            return t(self.text, lang, value=shorten(self.value), **self.extra)
        return t("url_note", lang, param=self.param, value=self.value, why=t(f"url_{self.reason}", lang, **self.extra))


GetAll = Callable[[str], list[str]]


def _one(get_all: GetAll, key: str) -> str | None:
    values = [v for v in get_all(key) if str(v).strip()]
    return str(values[-1]).strip() if values else None


def _date(get_all: GetAll, key: str, span: tuple[dt.date, dt.date], notes: list[Note]) -> dt.date | None:
    raw = _one(get_all, key)
    if raw is None:
        return None
    try:
        day = dates.parse_iso(raw, key)
    except dates.DateError:
        notes.append(Note(key, raw, "bad_date"))
        return None
    if not span[0] <= day <= span[1]:
        notes.append(Note(key, raw, "outside_span", {"start": span[0].isoformat(), "end": span[1].isoformat()}))
        return min(max(day, span[0]), span[1])
    return day


def _ids(get_all: GetAll, key: str, names: dict[str, str], notes: list[Note]) -> tuple[str, ...]:
    out: list[str] = []
    for raw in get_all(key):
        hit = names.get(fold(raw))
        if hit is None:
            notes.append(Note(key, str(raw), f"unknown_{key}"))
        elif hit not in out:
            out.append(hit)
    return tuple(out)


def _number(get_all: GetAll, key: str, bounds: tuple[float, float], notes: list[Note]) -> float | None:
    raw = _one(get_all, key)
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        notes.append(Note(key, raw, "bad_number"))
        return None
    if not bounds[0] <= value <= bounds[1]:
        notes.append(Note(key, raw, "out_of_range", {"low": bounds[0], "high": bounds[1]}))
        return None
    return value


def _view(get_all: GetAll, notes: list[Note]) -> MapView | None:
    got = {k: _number(get_all, k, VIEW_BOUNDS[k], notes) for k in ("lat", "lon", "zoom")}
    if got["lat"] is None or got["lon"] is None:
        if (got["lat"] is None) != (got["lon"] is None):
            notes.append(Note("lat/lon", "", "half_view"))
        return None
    zoom = got["zoom"] if got["zoom"] is not None else 12.0
    return MapView(got["lat"], got["lon"], zoom)


def _lang(get_all: GetAll, notes: list[Note]) -> str:
    raw = _one(get_all, "lang")
    if raw is None:
        return LANGS[0]
    if raw.lower() in LANGS:
        return raw.lower()
    notes.append(Note("lang", raw, "bad_lang"))
    return LANGS[0]


def from_query(get_all: GetAll, cat: Catalog, span: tuple[dt.date, dt.date], incidents=None
               ) -> tuple[ViewState, list[Note]]:
    """A ViewState from URL parameters (`get_all(key)` -> every value of that key), with notes on what
    was ignored. The types and actors of `incidents` (a kept dataset's own) are known besides the catalog's."""
    notes: list[Note] = []
    start, end = _date(get_all, "from", span, notes), _date(get_all, "to", span, notes)
    if start and end and end < start:
        notes.append(Note("to", end.isoformat(), "before_from"))
        end = None
    minimum = _number(get_all, "min_fatalities", (0, 10_000), notes)
    spec = FilterSpec(
        date_from=start or span[0], date_to=end or span[1],
        areas=_ids(get_all, "area", area_names(cat), notes),
        types=_ids(get_all, "type", filters.type_choices(cat, incidents), notes),
        actors=_ids(get_all, "actor", filters.actor_choices(cat, incidents), notes),
        min_fatalities=int(minimum or 0),
    )
    return ViewState(spec=spec, lang=_lang(get_all, notes), view=_view(get_all, notes)), notes


def to_query(state: ViewState, span: tuple[dt.date, dt.date] | None = None) -> dict[str, str | list[str]]:
    """URL parameters for a state: ids only, view rounded (about a metre). Dates equal to the data's
    span are left out when it is given (the page's own URL); without it every set date is written (a
    citation must reopen the same window when the data grows)."""
    spec, out = state.spec, {}
    if spec.date_from and (span is None or spec.date_from != span[0]):
        out["from"] = spec.date_from.isoformat()
    if spec.date_to and (span is None or spec.date_to != span[1]):
        out["to"] = spec.date_to.isoformat()
    for key, values in (("area", spec.areas), ("type", spec.types), ("actor", spec.actors)):
        if values:
            out[key] = list(values)
    if spec.min_fatalities:
        out["min_fatalities"] = str(spec.min_fatalities)
    out["lang"] = state.lang
    if state.view:
        out.update(lat=f"{state.view.lat:.5f}", lon=f"{state.view.lon:.5f}", zoom=f"{state.view.zoom:g}")
    return out


def pairs(query: dict[str, str | list[str]]) -> list[tuple[str, str]]:
    """Parameters as (key, value) pairs, a list repeating its key (area=a&area=b), for a link."""
    return [(key, v) for key, value in query.items() for v in (value if isinstance(value, list) else [value])]


def _last(get_all: GetAll, key: str, keep_empty: bool = False) -> str | None:
    """The key's last value as given (st.query_params.get does the same); None when absent (or empty, unless
    `keep_empty`)."""
    values = get_all(key)
    return values[-1] if values and (values[-1] or keep_empty) else None


# --- the before/after study ------------------------------------------------------------------------------

@dataclass(frozen=True)
class StudyState:
    date: dt.date                 # the policy date (the default when the address has none or a bad one)
    window: int                   # months before and after
    designations: tuple[str, ...] # known designation ids only


def study_state(get_all: GetAll, default_date: dt.date, windows: tuple[int, ...], known: set[str],
                default_window: int = 12) -> tuple[StudyState, list[Note]]:
    """The study's state from ?date=YYYY-MM-DD&window=N&designation=ID...; a window not among `windows` is the
    default without a note (the page offers only those)."""
    notes, day = [], default_date
    raw = _last(get_all, "date")
    if raw:
        try:
            day = dates.parse_iso(raw)
        except dates.DateError:
            notes.append(Note("date", raw, "bad_date", {"shown": default_date.isoformat()}, text="study_bad_date"))
    window = _last(get_all, "window") or ""
    asked = list(get_all("designation"))
    unknown = [d for d in asked if d not in known]
    if unknown:
        notes.append(Note("designation", ", ".join(unknown), "unknown_designation",
                          {"values": shorten(", ".join(unknown)), "known": ", ".join(sorted(known))},
                          text="study_bad_designation"))
    return StudyState(day, int(window) if window in {str(w) for w in windows} else default_window,
                      tuple(d for d in asked if d in known)), notes


def study_query(date: dt.date, window: int, designations) -> dict[str, str | list[str]]:
    """The study's own parameters (the page adds its language)."""
    return {"date": date.isoformat(), "window": str(window), "designation": list(designations)}


# --- an area's profile -------------------------------------------------------------------------------------

def profile_state(get_all: GetAll, cat: Catalog, default_area: str) -> tuple[str, list[Note]]:
    """The area (pcode or sector id) from ?area=, which may name it in any spelling `filters.resolve` accepts."""
    raw = _last(get_all, "area")
    if not raw:
        return default_area, []
    try:
        return filters.resolve(cat, areas=[raw]).areas[0], []
    except filters.UnknownValue:
        return default_area, [Note("area", raw, "unknown_area", {"shown": area_label(cat, default_area)},
                                   text="profile_bad_area")]


def profile_query(area: str) -> dict[str, str]:
    return {"area": area}


# --- the briefing ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BriefingState:
    story: str | None     # the story id asked for (the page falls back to its default)
    scene: str | None     # the scene number as given (1-based); see scene_index
    notes: bool           # the speaker-notes view


def briefing_state(get_all: GetAll) -> BriefingState:
    return BriefingState(_last(get_all, "story"), _last(get_all, "scene", keep_empty=True),
                         _last(get_all, "notes") == "1")


def scene_index(raw: str | None, scene_count: int) -> tuple[int | None, Note | None]:
    """The 0-based scene a 1-based ?scene= names, or None with a note when it names none of the story's."""
    if raw is None:
        return None, None
    try:
        n = int(raw)
    except ValueError:
        n = 0
    if 1 <= n <= scene_count:
        return n - 1, None
    return None, Note("scene", raw, "bad_scene", {"scene": shorten(raw)}, text="brief_bad_scene")


def briefing_query(story_id: str, index: int, lang: str, notes: bool) -> dict[str, str]:
    return {"story": story_id, "scene": str(index + 1), "lang": lang, **({"notes": "1"} if notes else {})}


# --- every page: which incidents ------------------------------------------------------------------------------

def dataset_state(get_all: GetAll, known: set[str]) -> tuple[DatasetChoice | None, list[Note]]:
    """The choice from ?dataset=ID&catalog=1; None when the address names none (the page keeps its own); the
    catalog with a note when the id is not among the `known` kept datasets (nothing a link says names a file)."""
    raw = _last(get_all, "dataset")
    if raw is None:
        return None, []
    if raw not in known:
        return CATALOG_ONLY, [Note("dataset", raw, "unknown_dataset", text="dataset_missing")]
    return DatasetChoice(raw, _last(get_all, "catalog") == "1"), []


def dataset_query(choice: DatasetChoice) -> dict[str, str]:
    """The choice's parameters: none for the catalog alone."""
    if choice.is_catalog:
        return {}
    return {"dataset": choice.dataset_id, **({"catalog": "1"} if choice.with_catalog else {})}
