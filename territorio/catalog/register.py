"""A synthetic register of Caracas events in ACLED's export layout, for tests and benchmarks only: every row
says it is synthetic (event ids SYN..., notes "Synthetic event, not real"), and the same seed gives the same file.

It can carry a planted change, so a study run on it has a known answer: inside `areas` (sector ids or
pcodes), incidents happen `ratio` times as often after `date` as before; everywhere else the rate is flat.

    text = register.acled_csv(cat, register.Plan(n=3000, seed=1, areas=("cota_905",), ratio=3.0))
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

import numpy as np
import shapely

from territorio.catalog.model import Catalog

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
           "tags", "timestamp"]
EVENTS = [  # (event_type, sub_event_type, weight): ACLED's own vocabulary, not the catalog's
    ("Violence against civilians", "Attack", 5), ("Battles", "Armed clash", 3),
    ("Strategic developments", "Arrests", 1), ("Riots", "Mob violence", 1),
    ("Explosions/Remote violence", "Grenade", 0.3)]
ACTORS = ["Synthetic Gang A", "Synthetic Gang B", "Police Forces of Venezuela (synthetic)",
          "Military Forces of Venezuela (synthetic)", "Civilians (synthetic)"]


@dataclass(frozen=True)
class Plan:
    n: int = 3000                        # events in the whole file (about; the planted change sets the split)
    seed: int = 0
    areas: tuple[str, ...] = ()          # where the change is planted (sector ids or pcodes); () none
    date: dt.date = dt.date(2021, 7, 9)  # the first day of "after"
    ratio: float = 1.0                   # after / before, inside the areas (outside: 1)
    inside_share: float = 0.15           # of the events before the date, the share inside the areas
    first: dt.date = dt.date(2019, 1, 1)
    last: dt.date = dt.date(2023, 12, 31)


def _polygon(cat: Catalog, area: str):
    hit = cat.sectors[cat.sectors.sector_id == area]
    if not len(hit):
        hit = cat.parishes[cat.parishes.pcode == area]
    if not len(hit):
        raise ValueError(f"unknown area {area!r} for a planted change")
    return hit.geometry.iloc[0]


def _points_in(geom, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """n points drawn uniformly inside a polygon (rejection sampling in its bounding box)."""
    x0, y0, x1, y1 = geom.bounds
    lon, lat = np.empty(0), np.empty(0)
    shapely.prepare(geom)
    while len(lon) < n:
        x, y = rng.uniform(x0, x1, 4 * n + 16), rng.uniform(y0, y1, 4 * n + 16)
        keep = shapely.contains_xy(geom, x, y)
        lon, lat = np.append(lon, x[keep]), np.append(lat, y[keep])
    return lon[:n], lat[:n]


def _days(first: dt.date, last: dt.date, n: int, rng: np.random.Generator) -> np.ndarray:
    start = np.datetime64(first, "D")
    return start + rng.integers(0, (last - first).days + 1, n).astype("timedelta64[D]")


def _counts(plan: Plan) -> tuple[int, int, int]:
    """(outside, inside before, inside after): inside, the daily rate after the date is `ratio` times before."""
    before_days, after_days = (plan.date - plan.first).days, (plan.last - plan.date).days + 1
    inside_rate = plan.inside_share * plan.n / (before_days + after_days)   # events a day, before the date
    inside_before = round(inside_rate * before_days) if plan.areas else 0
    inside_after = round(inside_rate * plan.ratio * after_days) if plan.areas else 0
    return max(plan.n - round(inside_rate * (before_days + after_days)) if plan.areas else plan.n, 0), \
        inside_before, inside_after


def events(cat: Catalog, plan: Plan) -> list[dict[str, str]]:
    """The register's rows (ACLED columns -> text), in date order."""
    rng = np.random.default_rng(plan.seed)
    outside_n, before_n, after_n = _counts(plan)
    inside = shapely.union_all([_polygon(cat, a) for a in plan.areas]) if plan.areas else None
    rest = shapely.union_all(list(cat.parishes.geometry))
    if inside is not None:
        rest = rest.difference(inside)
    parts = [(_points_in(rest, outside_n, rng), _days(plan.first, plan.last, outside_n, rng))]
    if inside is not None:
        parts.append((_points_in(inside, before_n, rng),
                      _days(plan.first, plan.date - dt.timedelta(days=1), before_n, rng)))
        parts.append((_points_in(inside, after_n, rng), _days(plan.date, plan.last, after_n, rng)))
    lon = np.concatenate([p[0][0] for p in parts])
    lat = np.concatenate([p[0][1] for p in parts])
    days = np.concatenate([p[1] for p in parts])
    order = np.argsort(days, kind="stable")
    weights = np.array([w for *_, w in EVENTS])
    kinds = rng.choice(len(EVENTS), len(days), p=weights / weights.sum())
    tolls = rng.poisson(0.8, len(days))
    actors = rng.integers(0, len(ACTORS), (len(days), 2))
    return [_row(i, str(days[j]), kinds[j], tolls[j], actors[j], lon[j], lat[j]) for i, j in enumerate(order, 1)]


def _row(i: int, day: str, kind: int, toll: int, actors, lon: float, lat: float) -> dict[str, str]:
    event_type, sub_type, _ = EVENTS[kind]
    when = dt.date.fromisoformat(day)
    return {
        "event_id_cnty": f"SYNVEN{i:06d}", "event_date": when.strftime("%d %B %Y"), "year": str(when.year),
        "time_precision": "1", "disorder_type": "Political violence", "event_type": event_type,
        "sub_event_type": sub_type, "actor1": ACTORS[actors[0]], "assoc_actor_1": "", "inter1": "",
        "actor2": ACTORS[actors[1]] if actors[1] != actors[0] else "", "assoc_actor_2": "", "inter2": "",
        "interaction": "", "civilian_targeting": "", "iso": "862", "region": "South America",
        "country": "Venezuela", "admin1": "Capital District", "admin2": "Libertador", "admin3": "",
        "location": "Caracas", "latitude": f"{lat:.5f}", "longitude": f"{lon:.5f}", "geo_precision": "1",
        "source": "Synthetic Source", "source_scale": "National",
        "notes": f"Synthetic event {i}, not real: generated for tests and benchmarks.", "fatalities": str(toll),
        "tags": "synthetic", "timestamp": "1700000000",
    }


def acled_csv(cat: Catalog, plan: Plan) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(events(cat, plan))
    return buf.getvalue()
