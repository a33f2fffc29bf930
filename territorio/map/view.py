"""What a view of the map is and what it asks to draw, with no folium: the URL state, the stories and the
pages name views and layers through this module without drawing anything.

A view is a centre and a zoom inside metropolitan Caracas; a LayerRequest names the data layers switched on
(in LAYERS order), the choropleth's measure, and the part of the map the reader last saw.
"""

from __future__ import annotations

from dataclasses import dataclass

CARACAS_CENTER = (10.47, -66.88)
DEFAULT_ZOOM = 12
MIN_ZOOM, MAX_ZOOM = 9, 18
# Where a map view may be (metropolitan Caracas and its surroundings).
VIEW_BOUNDS = {"lat": (9.9, 11.1), "lon": (-67.5, -66.2), "zoom": (MIN_ZOOM, MAX_ZOOM)}

LAYERS = ("choropleth", "control", "zones", "sectors", "incidents")   # the data layers, in drawing order
MEASURES = ("incidents", "fatalities")                                 # what the choropleth can count


@dataclass(frozen=True)
class MapView:
    lat: float
    lon: float
    zoom: float


@dataclass(frozen=True)
class LayerRequest:
    shown: tuple[str, ...]            # names from LAYERS that are switched on
    measure: str = "off"              # the choropleth's measure ("off": no choropleth)
    bounds: object = None             # the view the map last reported (map.density.Bounds), if any
    zoom: float | None = None

    def wants(self, name: str) -> bool:
        return self.measure != "off" if name == "choropleth" else name in self.shown
