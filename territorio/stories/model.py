"""Stories for briefings: a title and ordered scenes, each a map view with filters, layers, captions and sources.

A story is a YAML file `geodata/stories/<id>.yaml` (the stem is its id). Its schema is declared as data
(STORY_FIELDS, SCENE_FIELDS: field -> (kind, required)); each kind has one checker. Every error names the
file, the scene (1-based) and the field. Pure: no streamlit.

    title: {en: ..., es: ...}
    scenes:
      - caption: {en: ..., es: ...}          # required, both languages
        notes: {en: ..., es: ...}            # speaker notes (optional; either language may be blank)
        window: {from: "2015-07-01", to: "2015-07-31"}
        filters: {areas: [cota_905], types: [], actors: [], min_fatalities: 0}
        layers: [zones, sectors, incidents]  # names from territorio.map.view.LAYERS
        measure: incidents                   # choropleth measure, when layers has choropleth
        view: {lat: 10.486, lon: -66.93, zoom: 14}
        highlight: {areas: [cota_905], incidents: [CCS-010]}
        sources: [CCS-010]                   # incident / timeline ids; their links come from sources.csv
        expect_incidents: true               # the filters select at least one incident (checked by tests)
        outside_map: {en: ..., es: ...}      # a note for places outside the mapped parishes
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from territorio.catalog import dates
from territorio.i18n import LANGS
from territorio.map.view import LAYERS, MEASURES, VIEW_BOUNDS
from territorio.paths import geodata_dir
from territorio.selection.dataset import valid_id
from territorio.selection.filters import FilterSpec

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FILTER_LISTS = ("areas", "types", "actors")
HIGHLIGHT_LISTS = ("areas", "incidents")
MAX_TEXT = 2000


class StoryError(ValueError):
    """A story that cannot be used; `problems` holds every reason (file, scene, field)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Story:
    id: str
    title: dict          # {"en": ..., "es": ...}
    scenes: tuple        # of scene dicts, normalised (dates as ISO text, every optional key present)


# --- the schema, as data -------------------------------------------------------------------------------

STORY_FIELDS = {"title": ("text", True), "scenes": ("scenes", True)}
SCENE_FIELDS = {
    "caption": ("text", True),
    "notes": ("some_text", False),
    "window": ("window", True),
    "filters": ("filters", False),
    "layers": ("layers", True),
    "measure": ("measure", False),
    "view": ("view", True),
    "highlight": ("highlight", False),
    "sources": ("ids", False),
    "expect_incidents": ("bool", False),
    "outside_map": ("text", False),
    "dataset": ("dataset", False),        # a kept dataset's id: the scene's incidents are its (a page says when
    "with_catalog": ("bool", False),      # the workspace lacks it, and plays the scene on the catalog)
}


def _check_text(value) -> list[str]:
    if not isinstance(value, dict):
        return [f"must be a mapping with {' and '.join(LANGS)} texts"]
    out = [f"{lang}: missing or empty" for lang in LANGS
           if not isinstance(value.get(lang), str) or not value[lang].strip()]
    return out + _text_limits(value)


def _check_some_text(value) -> list[str]:
    """Texts in any of the languages (speaker notes: a presenter may write them in one only)."""
    if not isinstance(value, dict):
        return [f"must be a mapping with {' and/or '.join(LANGS)} texts"]
    out = [f"{lang}: not a text" for lang in LANGS if lang in value and not isinstance(value[lang], str)]
    return out + _text_limits(value)


def _text_limits(value: dict) -> list[str]:
    """What both kinds of text share: a length limit and known languages only."""
    out = [f"{lang}: longer than {MAX_TEXT} characters" for lang in LANGS
           if isinstance(value.get(lang), str) and len(value[lang]) > MAX_TEXT]
    return out + [f"{k}: unknown language (expected {', '.join(LANGS)})" for k in value if k not in LANGS]


def _iso(value) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dates.parse_iso(value.strip()).isoformat()
        except dates.DateError:
            return None
    return None


def _check_window(value) -> list[str]:
    if not isinstance(value, dict):
        return ["must be a mapping with from and to (ISO dates)"]
    out = [f"{k}: {value.get(k)!r} is not a date in the form YYYY-MM-DD" for k in ("from", "to")
           if _iso(value.get(k)) is None]
    out += [f"{k}: unknown key (expected from, to)" for k in value if k not in ("from", "to")]
    if not out and _iso(value["to"]) < _iso(value["from"]):
        out.append(f"to: {_iso(value['to'])} is before from {_iso(value['from'])}")
    return out


def _is_id_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _check_ids(value) -> list[str]:
    return [] if _is_id_list(value) else ["must be a list of ids"]


def _check_filters(value) -> list[str]:
    if not isinstance(value, dict):
        return ["must be a mapping (areas, types, actors, min_fatalities)"]
    out = [f"{k}: must be a list of ids" for k in FILTER_LISTS if k in value and not _is_id_list(value[k])]
    low = value.get("min_fatalities", 0)
    if isinstance(low, bool) or not isinstance(low, int) or low < 0:
        out.append(f"min_fatalities: {low!r} is not a whole number >= 0")
    out += [f"{k}: unknown key (expected {', '.join(FILTER_LISTS)}, min_fatalities)" for k in value
            if k not in (*FILTER_LISTS, "min_fatalities")]
    return out


def _check_layers(value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return [f"must be a list of layer names ({', '.join(LAYERS)})"]
    return [f"{v!r} is not a layer (expected one of {', '.join(LAYERS)})" for v in value if v not in LAYERS]


def _check_measure(value) -> list[str]:
    return [] if value in MEASURES else [f"{value!r} is not a measure (expected one of {', '.join(MEASURES)})"]


def _check_view(value) -> list[str]:
    if not isinstance(value, dict):
        return ["must be a mapping with lat, lon and zoom"]
    out = []
    for key, (low, high) in VIEW_BOUNDS.items():
        v = value.get(key)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not low <= v <= high:
            out.append(f"{key}: {v!r} is not a number between {low} and {high}")
    return out + [f"{k}: unknown key (expected lat, lon, zoom)" for k in value if k not in VIEW_BOUNDS]


def _check_highlight(value) -> list[str]:
    if not isinstance(value, dict):
        return ["must be a mapping (areas, incidents)"]
    out = [f"{k}: must be a list of ids" for k in HIGHLIGHT_LISTS if k in value and not _is_id_list(value[k])]
    return out + [f"{k}: unknown key (expected areas, incidents)" for k in value if k not in HIGHLIGHT_LISTS]


def _check_bool(value) -> list[str]:
    return [] if isinstance(value, bool) else ["must be true or false"]


def _check_dataset(value) -> list[str]:
    return [] if isinstance(value, str) and valid_id(value) else \
        ["must be a kept dataset's id, as `territorio datasets` lists it (letters, digits, dashes, 8 hex digits)"]


def _check_scenes(value) -> list[str]:
    if not isinstance(value, list) or not value:
        return ["must be a non-empty list of scenes"]
    return []   # each scene is checked field by field (validate)


CHECKS: dict[str, Callable[[object], list[str]]] = {
    "text": _check_text, "some_text": _check_some_text, "window": _check_window, "ids": _check_ids,
    "filters": _check_filters,
    "layers": _check_layers, "measure": _check_measure, "view": _check_view, "highlight": _check_highlight,
    "bool": _check_bool, "scenes": _check_scenes, "dataset": _check_dataset,
}


def _check_fields(data: dict, fields: dict, where: str) -> list[str]:
    out = [f"{where}{name}: missing" for name, (_kind, required) in fields.items() if required and name not in data]
    out += [f"{where}{name}: unknown field (expected one of {', '.join(fields)})"
            for name in data if name not in fields]
    for name, (kind, _required) in fields.items():
        if name in data:
            out += [f"{where}{name}: {msg}" for msg in CHECKS[kind](data[name])]
    return out


def _check_scene(scene, n: int, where: str) -> list[str]:
    here = f"{where}scene {n}: "
    if not isinstance(scene, dict):
        return [f"{here}must be a mapping of fields"]
    out = _check_fields(scene, SCENE_FIELDS, here)
    if "choropleth" in (scene.get("layers") or []) and "measure" not in scene:
        out.append(f"{here}measure: missing (the layers include choropleth; expected one of {', '.join(MEASURES)})")
    return out


def validate(data, name: str) -> list[str]:
    """Every problem of a parsed story, each naming the file, the scene (1-based) and the field."""
    where = f"{name}: "
    if not isinstance(data, dict):
        return [f"{where}a story must be a mapping with title and scenes"]
    out = _check_fields(data, STORY_FIELDS, where)
    if isinstance(data.get("scenes"), list):
        for n, scene in enumerate(data["scenes"], start=1):
            out += _check_scene(scene, n, where)
    return out


# --- reading -----------------------------------------------------------------------------------------

def parse(text: str, name: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise StoryError([f"{name}:{line} not valid YAML ({getattr(err, 'problem', None) or err})"]) from None


def _normal_scene(scene: dict) -> dict:
    filt = scene.get("filters") or {}
    return {
        "caption": dict(scene["caption"]), "notes": dict(scene.get("notes") or {}),
        "window": {"from": _iso(scene["window"]["from"]), "to": _iso(scene["window"]["to"])},
        "filters": {**{k: list(filt.get(k, [])) for k in FILTER_LISTS},
                    "min_fatalities": int(filt.get("min_fatalities", 0))},
        "layers": list(scene["layers"]), "measure": scene.get("measure"),
        "view": {k: float(scene["view"][k]) for k in ("lat", "lon", "zoom")},
        "highlight": {k: list((scene.get("highlight") or {}).get(k, [])) for k in HIGHLIGHT_LISTS},
        "sources": list(scene.get("sources") or []),
        "expect_incidents": bool(scene.get("expect_incidents", False)),
        "outside_map": dict(scene.get("outside_map") or {}),
        "dataset": str(scene.get("dataset") or ""), "with_catalog": bool(scene.get("with_catalog", False)),
    }


def from_data(data, story_id: str, name: str) -> Story:
    problems = validate(data, name)
    if problems:
        raise StoryError(problems)
    return Story(id=story_id, title=dict(data["title"]), scenes=tuple(_normal_scene(s) for s in data["scenes"]))


def load_text(text: str, story_id: str, name: str) -> Story:
    return from_data(parse(text, name), story_id, name)


def load(path: Path | str) -> Story:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise StoryError([f"{path.name}: cannot be read ({err})"]) from None
    return load_text(text, path.stem, path.name)


def stories_dir() -> Path:
    return geodata_dir() / "stories"


def shipped_ids(folder: Path | None = None) -> list[str]:
    return sorted(p.stem for p in (folder or stories_dir()).glob("*.yaml"))


def load_shipped(story_id: str, folder: Path | None = None) -> Story:
    folder = folder or stories_dir()
    if not ID_PATTERN.match(story_id or "") or story_id not in shipped_ids(folder):
        raise StoryError([f"no story with id {story_id!r} (known: {', '.join(shipped_ids(folder))})"])
    return load(folder / f"{story_id}.yaml")


@dataclass(frozen=True)
class Shelf:
    """The story files of a folder: the stories that load (id -> Story, in id order) and the files that do
    not (file name -> every problem, each naming the file and the line, or the scene and the field), so one
    bad file never keeps the others from playing."""
    folder: Path
    stories: dict
    broken: dict

    def problems_of(self, story_id: str) -> list[str]:
        return self.broken.get(f"{story_id}.yaml", [])


def load_folder(folder: Path | None = None) -> Shelf:
    folder = folder or stories_dir()
    good, broken = {}, {}
    for path in sorted(folder.glob("*.yaml")):
        if not ID_PATTERN.match(path.stem):
            broken[path.name] = [f"{path.name}: the file name is the story's id: lowercase letters, digits and '-'"]
            continue
        try:
            good[path.stem] = load(path)
        except StoryError as err:
            broken[path.name] = err.problems
    return Shelf(folder, good, broken)


def folder_signature(folder: Path | None = None) -> tuple:
    """What changes when a story file is added, removed or edited (to reload a cached Shelf)."""
    paths = sorted((folder or stories_dir()).glob("*.yaml"))
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths)


# --- using a scene -----------------------------------------------------------------------------------

def scene_spec(scene: dict) -> FilterSpec:
    f = scene["filters"]
    return FilterSpec(date_from=dt.date.fromisoformat(scene["window"]["from"]),
                      date_to=dt.date.fromisoformat(scene["window"]["to"]),
                      areas=tuple(f["areas"]), types=tuple(f["types"]), actors=tuple(f["actors"]),
                      min_fatalities=int(f["min_fatalities"]))


def scene_from_view(spec: FilterSpec, view, shown_layers, measure: str | None, captions: dict,
                    notes: dict | None = None, sources=()) -> dict:
    """A scene (as a story file holds it) from what a map page shows: filters, view (lat, lon, zoom or a
    MapView), visible layers and choropleth measure ("off" or None: no choropleth), captions per language."""
    lat, lon, zoom = (view.lat, view.lon, view.zoom) if hasattr(view, "lat") else view
    shown = [name for name in LAYERS if name in set(shown_layers) and name != "choropleth"]
    if measure in MEASURES:
        shown = ["choropleth", *shown]
    scene = {
        "caption": {lang: str(captions.get(lang, "")) for lang in LANGS},
        "window": {"from": spec.date_from.isoformat(), "to": spec.date_to.isoformat()},
        "filters": {"areas": list(spec.areas), "types": list(spec.types), "actors": list(spec.actors),
                    "min_fatalities": int(spec.min_fatalities)},
        "layers": shown,
        "view": {"lat": round(float(lat), 5), "lon": round(float(lon), 5), "zoom": round(float(zoom), 2)},
    }
    if measure in MEASURES:
        scene["measure"] = measure
    if notes and any(str(v).strip() for v in notes.values()):
        scene["notes"] = {lang: str(notes.get(lang, "")) for lang in LANGS}
    if sources:
        scene["sources"] = list(sources)
    return scene


def story_data(title: dict, scenes: list[dict]) -> dict:
    return {"title": {lang: str(title.get(lang, "")) for lang in LANGS}, "scenes": list(scenes)}


def to_yaml(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
