"""FilterSpec: what a person asked to see, as a frozen value (from widgets, the URL or the CLI),
and the vectorised mask it selects over joined incidents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from territorio.catalog import dates
from territorio.catalog.model import Catalog, actor_family, actor_names, area_names, type_names
from territorio.i18n.text import fold


class UnknownValue(ValueError):
    """A name or id that matches nothing, said with what was expected."""


@dataclass(frozen=True)
class FilterSpec:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    areas: tuple[str, ...] = ()    # pcodes and sector ids
    types: tuple[str, ...] = ()    # type keys
    actors: tuple[str, ...] = ()   # actor ids
    min_fatalities: int = 0        # compared with the upper figure of a range


def _resolve(values, names: dict[str, str], what: str, cat: Catalog | None = None) -> tuple[str, ...]:
    out = []
    for v in values:
        hit = names.get(fold(v))
        if hit is None:
            raise UnknownValue(f"unknown {what} {v!r} ({_known(v, names, cat)})")
        if hit not in out:
            out.append(hit)
    return tuple(out)


def _known(value: str, names: dict[str, str], cat: Catalog | None) -> str:
    """What was meant, said by name: areas whose names contain the text typed ('Valle' -> El Valle), else
    every name; other values list their ids."""
    if cat is None:
        known = sorted(set(names.values()))
        return f"known: {', '.join(known[:40])}{' ...' if len(known) > 40 else ''}"
    from territorio.catalog.model import area_label

    labels = {a: f"{area_label(cat, a)} ({a})" for a in dict.fromkeys(names.values())}
    near = [label for label in labels.values() if fold(value) and fold(value) in fold(label)]
    if near:
        return "did you mean: " + "; ".join(sorted(near))
    return "known: " + "; ".join(sorted(labels.values()))


def own_names(incidents: pd.DataFrame | None, column: str) -> dict[str, str]:
    """Folded value -> value of the types (column 'type') or actors ('actor_ids', lists "a | b") that the
    incidents worked on hold: an imported file's own types and actors are values of their own."""
    if incidents is None or column not in incidents:
        return {}
    values = pd.unique(incidents[column].fillna("").astype(str))
    if column == "actor_ids":
        values = {a.strip() for v in values for a in v.split("|")}
    return {fold(v): v for v in values if str(v).strip()}


def type_choices(cat: Catalog, incidents: pd.DataFrame | None) -> dict[str, str]:
    """Every name a type filter understands: the catalog's keys and labels, and the incidents' own types."""
    return {**own_names(incidents, "type"), **type_names(cat)}


def actor_choices(cat: Catalog, incidents: pd.DataFrame | None) -> dict[str, str]:
    return {**own_names(incidents, "actor_ids"), **actor_names(cat)}


def resolve(cat: Catalog, *, date_from=None, date_to=None, areas=(), types=(), actors=(), min_fatalities=0,
            incidents: pd.DataFrame | None = None) -> FilterSpec:
    """A spec from what people type: names or ids, with or without accents; ISO dates. The types and actors of
    `incidents` (an imported dataset's own) are known besides the catalog's."""
    start = dates.parse_iso(date_from, "from date") if isinstance(date_from, str) else date_from
    end = dates.parse_iso(date_to, "to date") if isinstance(date_to, str) else date_to
    if start and end and end < start:
        raise dates.DateError(f"to date {end} is before from date {start}")
    if min_fatalities < 0:
        raise UnknownValue(f"minimum fatalities {min_fatalities} is negative")
    return FilterSpec(start, end, _resolve(areas, area_names(cat), "area", cat),
                      _resolve(types, type_choices(cat, incidents), "type"),
                      _resolve(actors, actor_choices(cat, incidents), "actor"), int(min_fatalities))


def _has_any(column: pd.Series, wanted: set[str]) -> np.ndarray:
    """Rows whose "a | b" list names any wanted id; each distinct list is split once, not each row."""
    codes, lists = pd.factorize(column.fillna(""))
    hits = np.array([bool(wanted & {a.strip() for a in str(v).split("|")}) for v in lists] + [False])
    return hits[codes]    # code -1 (missing) takes the final False


@dataclass(frozen=True)
class Selection:
    mask: np.ndarray           # incidents matching the spec
    uncertain: np.ndarray      # of those, the ones whose dates straddle the window's edges


def apply(cat: Catalog, joined: pd.DataFrame, spec: FilterSpec) -> Selection:
    in_window, uncertain = dates.window_mask(joined["date_lo"].to_numpy(), joined["date_hi"].to_numpy(),
                                             spec.date_from, spec.date_to)
    mask = in_window
    if spec.areas:
        wanted = set(spec.areas)
        mask = mask & (joined["pcode"].isin(wanted) | joined["sector_id"].isin(wanted)).to_numpy()
    if spec.types:
        mask = mask & joined["type"].isin(set(spec.types)).to_numpy()
    if spec.actors:
        family = set().union(*(actor_family(cat, a) for a in spec.actors))
        mask = mask & _has_any(joined["actor_ids"], family)
    if spec.min_fatalities > 0:
        mask = mask & (joined["fatalities_max"].fillna(-1) >= spec.min_fatalities).to_numpy(bool)
    return Selection(mask=mask, uncertain=mask & uncertain)
