"""What the map draws for one view: the data layers as feature groups that st_folium swaps over a constant
base map, and `page_layers`, the one assembly the map page and `territorio bench` both call (so the
benchmark measures the page itself). Briefing scenes go through `data_groups` too.

Layers come in territorio.map.view.LAYERS order (choropleth, control, zones, sectors, incidents), then any
extra groups (an uploaded file, a scene's highlights), then the legend of everything shown.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass

import folium
import numpy as np
import pandas as pd

from territorio.catalog import asof, dates
from territorio.catalog.model import Catalog
from territorio.i18n import t
from territorio.map import incidents, layers, popups, templates
from territorio.map.legend import LegendSection, base_legend, legend_group
from territorio.map.view import LAYERS, LayerRequest
from territorio.selection import filters
from territorio.selection.dataset import CATALOG

Layer = tuple[folium.FeatureGroup, LegendSection]


def _builders(cat: Catalog, joined: pd.DataFrame, mask: np.ndarray, held: asof.Standing, req: LayerRequest,
              lang: str, points: np.ndarray | None = None):
    """Each layer's builder; the choropleth counts every selected incident (`mask`), the incidents layer draws
    the catalog's look for `points` (default: the same)."""
    points = mask if points is None else points
    day_label = dates.format_date(held.day.isoformat(), "day", lang)
    return {
        "choropleth": lambda: layers.choropleth_layer(cat.parishes, layers.parish_values(joined, mask, req.measure),
                                                      req.measure, lang),
        "control": lambda: (kept(("control", cat, held.key, lang), "control",
                                 lambda: layers.control_group(cat, held.control, lang)),
                            layers.control_legend(cat, held.control, day_label, lang)),
        "zones": lambda: (kept(("zones", cat, held.key, lang), "zones", lambda: layers.zone_group(held.zones, lang)),
                          layers.zone_legend(held.zones, day_label, lang)),
        "sectors": lambda: (kept(("sectors", cat, lang), "sectors", lambda: layers.sector_layer(cat.sectors, lang)[0]),
                            layers.sector_layer_legend(lang)),
        "incidents": lambda: incidents.incident_layer(
            cat, joined, points, lambda rows: popups.incident_popups(cat, rows, lang), lang, req.bounds, req.zoom),
    }


def upload_layers(frames: dict[str, pd.DataFrame], req: LayerRequest, lang: str) -> list[tuple[str, Layer]]:
    """Each uploaded file's incidents to draw (name -> frame, already filtered) as a named extra layer for
    data_groups: drawn at any size like the catalog's, in the file's own look."""
    return [(f"upload{i}", incidents.upload_layer(frame, lambda rows: popups.imported_popups(rows, lang), name, lang,
                                                  req.bounds, req.zoom))
            for i, (name, frame) in enumerate(frames.items()) if len(frame)]


KEPT_GROUPS = 256            # area drawings kept: sectors per language, zones and control per state
_KEPT: dict[tuple, folium.FeatureGroup] = {}
_KEPT_LOCK = threading.Lock()


def kept(key: tuple, name: str, build) -> folium.FeatureGroup:
    """An area layer's drawing made once per content (`key`: what it shows, e.g. the state of the peace
    zones and the language) and handed out as a copy (well under a millisecond) carrying `kept_key`: whoever
    renders it may change it (st_folium renames what it renders), the kept one stays as made. Peace zones and
    control change a few times in ten years, sectors never: a Play step no longer rebuilds them, and the map
    frame renders each once per key (ui/mapframe.py)."""
    with _KEPT_LOCK:
        group = _KEPT.get(key)
    if group is None:
        group = build()
        stable_ids(group, name)
        with _KEPT_LOCK:
            group = _KEPT.setdefault(key, group)
            while len(_KEPT) > KEPT_GROUPS:
                _KEPT.pop(next(iter(_KEPT)))
    handed = copy.deepcopy(group)
    handed.kept_key = key
    return handed


def clear_kept() -> None:
    """Forget the kept drawings (tests that compare two fresh renderings)."""
    with _KEPT_LOCK:
        _KEPT.clear()


def stable_ids(element, prefix: str) -> None:
    """Give an element and everything inside it ids that depend on its place, not on chance.

    folium names every element with a random id, so the same layer renders as different JS on every
    rerun; st_folium then swaps it out, closing popups and folding spread-out clusters each time the
    map reports a click or a pan. With stable ids an unchanged layer is left alone."""
    counter = iter(range(1_000_000))

    def visit(el) -> None:
        el._id = f"{prefix}{next(counter):x}"
        children = list(getattr(el, "_children", {}).values())
        for child in children:
            visit(child)
        if children:   # templates name some children by their key in this dict
            el._children = type(el._children)((child.get_name(), child) for child in children)
        for attr in ("html", "header", "script"):
            inner = getattr(el, attr, None)
            if inner is not None and hasattr(inner, "_children") and inner is not el:
                visit(inner)

    visit(element)


def data_groups(cat: Catalog, joined: pd.DataFrame, mask: np.ndarray, held: asof.Standing, req: LayerRequest,
                lang: str, extra: list[tuple[str, Layer]] = (), points: np.ndarray | None = None
                ) -> list[folium.FeatureGroup]:
    """Feature groups (stable ids) for the selection `mask` (its catalog points: `points`), what `held` on its
    day (zones and control), the extra named layers, and one legend."""
    templates.install()
    builders = _builders(cat, joined, mask, held, req, lang, points)
    named = [(name, builders[name]()) for name in LAYERS if req.wants(name)] + list(extra)
    groups, sections = [], [base_legend(lang)]
    for name, (group, section) in named:
        if not hasattr(group, "kept_key"):         # a kept drawing has its ids already
            stable_ids(group, name)
        groups.append(group)
        sections.append(section)
    legend = legend_group(t("legend", lang), sections)
    stable_ids(legend, "legend")
    return [*groups, legend]


@dataclass(frozen=True)
class PageLayers:
    """What the map page draws for a view, and what it computed on the way (the page reuses both)."""
    selection: filters.Selection    # the incidents the spec selects
    held: asof.Standing             # the peace zones and control on the window's last day
    groups: list                    # the feature groups for st_folium, legend last


def page_layers(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, req: LayerRequest, lang: str,
                uploads: dict[str, pd.DataFrame] | None = None) -> PageLayers:
    """The map page's data layers for `spec`: the selection, what held on its last day, and every layer the
    request shows, with each uploaded file's drawn incidents (name -> frame) when incidents are shown."""
    selection = filters.apply(cat, joined, spec)
    held = asof.standing(cat, spec.date_to)
    points, own = split_datasets(joined, selection.mask)
    frames = {**own, **(uploads or {})}
    extra = upload_layers(frames, req, lang) if frames and req.wants("incidents") else []
    return PageLayers(selection, held, data_groups(cat, joined, selection.mask, held, req, lang, extra=extra,
                                                   points=points))


def split_datasets(joined: pd.DataFrame, mask: np.ndarray) -> tuple[np.ndarray, dict[str, pd.DataFrame]]:
    """(the selected rows drawn in the catalog's look, kept dataset's name -> its selected mapped rows): a kept
    dataset's incidents are drawn in the imported look, named by their dataset in the legend."""
    if "dataset_name" not in joined:
        return mask, {}
    own = (joined["dataset"] != CATALOG).to_numpy(bool)
    if not own.any():
        return mask, {}
    chosen = joined[mask & own & joined["mapped"].to_numpy(bool)]
    return mask & ~own, {str(name): rows for name, rows in chosen.groupby("dataset_name", sort=False)}
