"""What a shared link carries: filters, time window, language and map view, to and from URL parameters.

Parameters: from, to (ISO dates, inclusive), area, type, actor (repeated keys; ids, names accepted and
normalised to ids), min_fatalities, lang (en|es), lat, lon, zoom. A bad value never fails the page:
it falls back to the default and comes back as a Note the page shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from territorio.catalog import dates
from territorio.catalog.model import Catalog, actor_names, area_names, type_names
from territorio.i18n import LANGS, t
from territorio.i18n.text import fold
from territorio.map.view import VIEW_BOUNDS, MapView
from territorio.selection.filters import FilterSpec


@dataclass(frozen=True)
class ViewState:
    spec: FilterSpec
    lang: str = "en"
    view: MapView | None = None     # None: the map's own default framing


@dataclass(frozen=True)
class Note:
    """A URL value that was ignored, and why (a key of territorio.i18n.strings texts)."""
    param: str
    value: str
    reason: str
    extra: dict = field(default_factory=dict)

    def message(self, lang: str) -> str:
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


def from_query(get_all: GetAll, cat: Catalog, span: tuple[dt.date, dt.date]) -> tuple[ViewState, list[Note]]:
    """A ViewState from URL parameters (`get_all(key)` -> every value of that key), with notes on what
    was ignored."""
    notes: list[Note] = []
    start, end = _date(get_all, "from", span, notes), _date(get_all, "to", span, notes)
    if start and end and end < start:
        notes.append(Note("to", end.isoformat(), "before_from"))
        end = None
    minimum = _number(get_all, "min_fatalities", (0, 10_000), notes)
    spec = FilterSpec(
        date_from=start or span[0], date_to=end or span[1],
        areas=_ids(get_all, "area", area_names(cat), notes),
        types=_ids(get_all, "type", type_names(cat), notes),
        actors=_ids(get_all, "actor", actor_names(cat), notes),
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
