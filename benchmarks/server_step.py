"""Everything the map page computes on one rerun (a filter change or a time step), done here without a
browser, so it can be timed: the filter, the summary and its sentence, every data layer (incidents as
the page draws them, with popups for the points drawn), the legend, the JS string st_folium sends for
each feature group, and the timeline chart's data and spec."""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass

import numpy as np
import pandas as pd
from streamlit.logger import get_logger

get_logger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel("ERROR")   # "no ScriptRunContext"
from streamlit_folium import _get_feature_group_string, _get_header, _get_html, _get_map_string  # noqa: E402

from territorio.analysis import timeline
from territorio.catalog.model import Catalog
from territorio.map import basemap, density, groups, incidents
from territorio.map.view import MEASURES, LayerRequest
from territorio.selection import describe, filters


@dataclass(frozen=True)
class Step:
    spec: filters.FilterSpec
    measure: str                            # choropleth: "off" or a measure
    bounds: density.Bounds | None         # the view reported by the map (None: as opened)
    zoom: float | None


@dataclass(frozen=True)
class StepCost:
    ms: float
    payload_kb: float
    chart_spec_ms: float   # of which: writing and serialising the timeline's Vega-Lite spec
    mode: str        # how incidents were drawn: points or hexagons


def random_steps(cat: Catalog, joined: pd.DataFrame, count: int, seed: int) -> list[Step]:
    """Filter changes and time steps as a person makes them: windows of a week to all years, sometimes a
    type, an area, an actor or a minimum toll, sometimes zoomed in on a busy place; every other step moves
    the previous window on by its own length (playback)."""
    rng = np.random.default_rng(seed)
    lo, hi = joined["date_lo"].min(), joined["date_hi"].max()
    first, last = pd.Timestamp(lo).date(), pd.Timestamp(hi).date()
    types = sorted(set(joined["type"]))
    areas = list(cat.sectors.sector_id) + list(cat.parishes.pcode)
    steps: list[Step] = []
    for i in range(count):
        if i % 2 and steps:
            prev = steps[-1].spec
            length = prev.date_to - prev.date_from + dt.timedelta(days=1)
            start = prev.date_from + length if prev.date_to + length <= last else first
            spec = filters.FilterSpec(start, start + length - dt.timedelta(days=1), prev.areas, prev.types,
                                      prev.actors, prev.min_fatalities)
            steps.append(Step(spec, steps[-1].measure, steps[-1].bounds, steps[-1].zoom))
            continue
        days = int(rng.choice([7, 31, 92, 365, (last - first).days + 1]))
        start = first + dt.timedelta(days=int(rng.integers(0, max(1, (last - first).days - days + 2))))
        spec = filters.FilterSpec(
            start, min(last, start + dt.timedelta(days=days - 1)),
            areas=tuple(rng.choice(areas, size=1)) if rng.random() < 0.2 else (),
            types=tuple(rng.choice(types, size=int(rng.integers(1, 3)), replace=False)) if rng.random() < 0.3 else (),
            actors=tuple(rng.choice(list(cat.actors.actor_id), size=1)) if rng.random() < 0.15 else (),
            min_fatalities=int(rng.choice([1, 2, 5])) if rng.random() < 0.15 else 0)
        measure = str(rng.choice(["off", "off", *MEASURES]))
        steps.append(Step(spec, measure, *_view(cat, rng)))
    return steps


def _view(cat: Catalog, rng) -> tuple[density.Bounds | None, float | None]:
    """As opened (no bounds yet), or zoomed in on a sector."""
    if rng.random() < 0.5:
        return None, None
    c = cat.sectors.geometry.iloc[int(rng.integers(0, len(cat.sectors)))].representative_point()
    zoom = float(rng.choice([14, 15, 16]))
    half = 0.02 * 2 ** (14 - zoom)
    return density.Bounds(c.y - half * 0.6, c.x - half, c.y + half * 0.6, c.x + half), zoom


def _base_map_kb(cat: Catalog, municipalities, lang: str) -> float:
    """What st_folium sends for the base map on every rerun (the same at any N; the component keeps it
    mounted while it is unchanged)."""
    m = basemap.caracas_map(cat.parishes, municipalities, basemap.MapOptions(lang=lang))
    m.get_root().render()
    m.render()
    return round(sum(len(s) for s in (_get_html(m), _get_header(m), _get_map_string(m))) / 1024, 1)


SHOWN = ("control", "zones", "sectors", "incidents")   # the layers the map page shows by default


class Page:
    """The map page's per-rerun work, with what does not change between reruns made once (as on the page:
    the catalog, the joined frame and the base map live for the server or the session)."""

    def __init__(self, cat: Catalog, joined: pd.DataFrame, municipalities, lang: str = "en"):
        self.cat, self.joined, self.lang = cat, joined, lang
        self.base = basemap.caracas_map(cat.parishes, municipalities, basemap.MapOptions(lang=lang),
                                        focus=basemap.focus_bounds(cat, joined))
        self.span = (pd.Timestamp(joined["date_lo"].min()).date(), pd.Timestamp(joined["date_hi"].max()).date())
        self.base_map_kb = _base_map_kb(cat, municipalities, lang)

    def run(self, step: Step) -> StepCost:
        t0 = time.perf_counter()
        feature_groups, mode = self._layers(step)
        payload = sum(len(_get_feature_group_string(g, self.base, idx=i)) for i, g in enumerate(feature_groups))
        monthly, marks = self._chart_data(step.spec)
        t1 = time.perf_counter()
        self._chart_spec(step.spec, monthly, marks)
        t2 = time.perf_counter()
        return StepCost((t2 - t0) * 1000, payload / 1024, (t2 - t1) * 1000, mode)

    def _layers(self, step: Step):
        """What the page builds per rerun around the map: its data layers through the page's own assembly
        (territorio.map.groups.page_layers), then the selection's summary and sentence."""
        cat, joined, lang, spec = self.cat, self.joined, self.lang, step.spec
        drawn = groups.page_layers(cat, joined, spec, LayerRequest(SHOWN, step.measure, step.bounds, step.zoom), lang)
        describe.sentence(cat, spec, describe.summarise(joined, drawn.selection), lang)
        hexagons = any(isinstance(c, incidents.Hexagons) for g in drawn.groups for c in g._children.values())
        return drawn.groups, "hexagons" if hexagons else "points"

    def _chart_data(self, spec: filters.FilterSpec) -> tuple[timeline.Monthly, pd.DataFrame]:
        """The chart's counts, its policy dates and its summary line, as the page makes them (once each)."""
        cat, joined, lang = self.cat, self.joined, self.lang
        all_dates = filters.apply(cat, joined, filters.FilterSpec(None, None, spec.areas, spec.types, spec.actors,
                                                                  spec.min_fatalities))
        monthly = timeline.monthly(joined, all_dates.mask)
        marks = timeline.policy_marks(cat, lang)
        timeline.summary(monthly, marks, (spec.date_from, spec.date_to), 0, lang)
        return monthly, marks

    def _chart_spec(self, spec: filters.FilterSpec, monthly: timeline.Monthly, marks: pd.DataFrame) -> None:
        json.dumps(timeline.timeline_spec(self.cat, monthly, marks, self.span, (spec.date_from, spec.date_to),
                                          self.lang))
