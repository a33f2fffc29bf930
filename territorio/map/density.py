"""What the incidents layer draws when there are many: individual points while few enough are in the
selection (or in the current view), otherwise counts per hexagon computed here on the server.

Hexagons are pointy-top, in a local plane where a degree of longitude is shrunk by cos(latitude), so
they look regular on the map; their size follows the zoom (about 30 px across at any zoom).
Every mapped incident of the selection falls in exactly one hexagon: the counts add up to it (when the
view is known, only the hexagons around it are kept; the note still counts every mapped incident).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

POINT_LIMIT = 800          # individual points drawn at most (each carries its popup)
DEFAULT_ZOOM = 12.0
VIEW_PADDING = 0.5         # hexagons sent around the view: half a view's size on each side
HEX_KM_AT_ZOOM_12 = 0.6    # hexagon circumradius at zoom 12; halves with each zoom level in
KM_PER_DEG_LAT = 111.32
GRID_LAT0 = 10.48          # the local plane's latitude (Caracas): one hexagon grid for the catalog and every
                           # uploaded file, which stays put when the selection changes
SQRT3 = math.sqrt(3)


@dataclass(frozen=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float

    def padded(self, share: float) -> Bounds:
        dy, dx = (self.north - self.south) * share, (self.east - self.west) * share
        return Bounds(self.south - dy, self.west - dx, self.north + dy, self.east + dx)

    def contains(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        return (lat >= self.south) & (lat <= self.north) & (lon >= self.west) & (lon <= self.east)


@dataclass(frozen=True)
class Plan:
    mode: str                 # "points" or "hexagons"
    drawn: np.ndarray         # positions (into the joined frame) of the points drawn
    mapped: int               # mapped incidents in the selection
    in_view: int | None       # of those, in the current view (None: view unknown)
    cells: pd.DataFrame       # hexagons: q, r, n, lat, lon (centre); around the view when it is known
    radius_deg: float         # hexagon circumradius, in degrees of latitude
    lat0: float               # latitude of the local plane


def plan(lat: np.ndarray, lon: np.ndarray, chosen: np.ndarray, bounds: Bounds | None = None,
         zoom: float | None = None, limit: int = POINT_LIMIT, lat0: float = GRID_LAT0) -> Plan:
    """`chosen`: the selection's mapped incidents (a boolean mask over lat/lon)."""
    where = np.flatnonzero(chosen)
    radius = hex_radius_deg(zoom)
    in_view = None if bounds is None else where[bounds.contains(lat[where], lon[where])]
    if len(where) <= limit:
        return Plan("points", where, len(where), None if in_view is None else len(in_view), _no_cells(), radius, lat0)
    if in_view is not None and len(in_view) <= limit:
        return Plan("points", in_view, len(where), len(in_view), _no_cells(), radius, lat0)
    cells = hex_cells(lat[where], lon[where], radius, lat0)
    if bounds is not None:      # only the hexagons around the view are sent; a pan reruns the page
        cells = cells[bounds.padded(VIEW_PADDING).contains(cells["lat"].to_numpy(), cells["lon"].to_numpy())]
    return Plan("hexagons", where[:0], len(where), None if in_view is None else len(in_view), cells, radius, lat0)


def hex_radius_deg(zoom: float | None) -> float:
    z = min(max(DEFAULT_ZOOM if zoom is None else float(zoom), 9.0), 17.0)
    return HEX_KM_AT_ZOOM_12 * 2 ** (DEFAULT_ZOOM - round(z)) / KM_PER_DEG_LAT


def _no_cells() -> pd.DataFrame:
    return pd.DataFrame({"q": pd.Series(dtype="int64"), "r": pd.Series(dtype="int64"), "n": pd.Series(dtype="int64"),
                         "lat": pd.Series(dtype="float64"), "lon": pd.Series(dtype="float64")})


def hex_cells(lat: np.ndarray, lon: np.ndarray, radius: float, lat0: float) -> pd.DataFrame:
    """Counts per pointy-top hexagon (axial q, r) with each cell's centre, most crowded first."""
    if not len(lat):
        return _no_cells()
    x, y = lon * math.cos(math.radians(lat0)), lat
    q, r = _axial_round((SQRT3 / 3 * x - y / 3) / radius, (2 / 3 * y) / radius)
    cells = pd.DataFrame({"q": q, "r": r}).value_counts().rename("n").reset_index()
    cx, cy = radius * SQRT3 * (cells["q"] + cells["r"] / 2), radius * 1.5 * cells["r"]
    cells["lat"], cells["lon"] = cy, cx / math.cos(math.radians(lat0))
    return cells.sort_values(["n", "q", "r"], ascending=[False, True, True], ignore_index=True)


def _axial_round(q: np.ndarray, r: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The hexagon a fractional axial coordinate falls in (cube rounding)."""
    s = -q - r
    rq, rr, rs = np.round(q), np.round(r), np.round(s)
    dq, dr, ds = np.abs(rq - q), np.abs(rr - r), np.abs(rs - s)
    fix_q = (dq > dr) & (dq > ds)
    fix_r = ~fix_q & (dr > ds)
    rq = np.where(fix_q, -rr - rs, rq)
    rr = np.where(fix_r, -rq - rs, rr)
    return rq.astype(np.int64), rr.astype(np.int64)


def view_bounds(lat: float, lon: float, zoom: float, width_px: int = 1600, height_px: int = 700) -> Bounds:
    """The area a map of that size shows around a centre at a zoom (Web Mercator: 256 px tiles), for when
    the map has not reported its bounds yet (a link opened at a view). Generous in width."""
    deg_per_px = 360 / (256 * 2 ** float(zoom))
    half_w, half_h = width_px / 2 * deg_per_px, height_px / 2 * deg_per_px * math.cos(math.radians(lat))
    return Bounds(lat - half_h, lon - half_w, lat + half_h, lon + half_w)


def bounds_of(result: dict | None) -> Bounds | None:
    """The view st_folium reports ({'_southWest': {'lat', 'lng'}, '_northEast': ...}), if any."""
    b = (result or {}).get("bounds") or {}
    sw, ne = b.get("_southWest") or {}, b.get("_northEast") or {}
    try:
        return Bounds(float(sw["lat"]), float(sw["lng"]), float(ne["lat"]), float(ne["lng"]))
    except (KeyError, TypeError, ValueError):
        return None
