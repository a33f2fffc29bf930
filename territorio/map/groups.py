"""The map's data layers for one view, as the feature groups st_folium swaps over a constant base map:
the same assembly for the map page and for briefing scenes.

Layers come in territorio.map.view.LAYERS order (choropleth, control, zones, sectors, incidents), then any
extra groups (an uploaded file, a scene's highlights), then the legend of everything shown.
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
import numpy as np
import pandas as pd

from territorio.catalog import asof, dates
from territorio.catalog.model import Catalog, sources_by_event
from territorio.i18n import t
from territorio.map import basemap, incidents, layers, popups
from territorio.map.legend import LegendSection

Layer = tuple[folium.FeatureGroup, LegendSection]


@dataclass(frozen=True)
class LayerRequest:
    shown: tuple[str, ...]            # names from layers.LAYERS that are switched on
    measure: str = "off"              # the choropleth's measure ("off": no choropleth)
    bounds: object = None             # the view the map last reported (aggregate.Bounds), if any
    zoom: float | None = None

    def wants(self, name: str) -> bool:
        return self.measure != "off" if name == "choropleth" else name in self.shown


def _builders(cat: Catalog, joined: pd.DataFrame, mask: np.ndarray, held: asof.Standing, req: LayerRequest,
              lang: str):
    day_label = dates.format_date(held.day.isoformat(), "day", lang)
    type_labels = dict(zip(cat.event_types.key, cat.event_types[f"label_{lang}"]))
    by_event = sources_by_event(cat)
    return {
        "choropleth": lambda: layers.choropleth_layer(cat.parishes, layers.parish_values(joined, mask, req.measure),
                                                      req.measure, lang),
        "control": lambda: layers.control_layer(cat, held.control, day_label, lang),
        "zones": lambda: layers.zone_layer(held.zones, day_label, lang),
        "sectors": lambda: layers.sector_layer(cat.sectors, lang),
        "incidents": lambda: incidents.incident_layer(
            joined, mask, lambda rows: popups.incident_popups(rows, by_event, type_labels, lang), type_labels, lang,
            req.bounds, req.zoom),
    }


def upload_layers(frames: dict[str, pd.DataFrame], req: LayerRequest, lang: str) -> list[tuple[str, Layer]]:
    """Each uploaded file's incidents to draw (name -> frame, already filtered) as a named extra layer for
    data_groups: drawn at any size like the catalog's, in the file's own look."""
    return [(f"upload{i}", incidents.upload_layer(frame, lambda rows: popups.imported_popups(rows, lang), name, lang,
                                                    req.bounds, req.zoom))
            for i, (name, frame) in enumerate(frames.items()) if len(frame)]


def data_groups(cat: Catalog, joined: pd.DataFrame, mask: np.ndarray, held: asof.Standing, req: LayerRequest,
                lang: str, extra: list[tuple[str, Layer]] = ()) -> list[folium.FeatureGroup]:
    """Feature groups (stable ids) for the selection `mask`, what `held` on its day (zones and control),
    the extra named layers, and one legend."""
    builders = _builders(cat, joined, mask, held, req, lang)
    named = [(name, builders[name]()) for name in layers.LAYERS if req.wants(name)] + list(extra)
    groups, sections = [], [basemap.base_legend(lang)]
    for name, (group, section) in named:
        layers.stable_ids(group, name)
        groups.append(group)
        sections.append(section)
    legend = layers.legend_group(t("legend", lang), sections)
    layers.stable_ids(legend, "legend")
    return [*groups, legend]
