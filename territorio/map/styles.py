"""How everything drawn looks: colours, palettes, sizes and colour classes, declared as data with no folium,
so the interactive map, the pictures (outputs.picture), the timeline chart and the offline story share them.

Every palette is colour-blind safe: Okabe-Ito for incident types, ColorBrewer GnBu for the choropleth, Paul
Tol's sets for peace zones and controlling groups, viridis and Greys for hexagons.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from territorio.catalog.model import Catalog, type_label
from territorio.i18n.numbers import fmt_int

# --- the base map: a neutral basemap so the data layers stand out ------------------------------------

BASEMAP_STYLE = {
    "background": "#e9e6df",
    "parish": {"color": "#7a7a7a", "weight": 1, "fillColor": "#fbfaf7", "fillOpacity": 0.9},
    "parish_hover": {"color": "#111111", "weight": 2.5, "fillColor": "#fff7d6", "fillOpacity": 0.95},
    "municipality": {"color": "#3b3b3b", "weight": 2.5, "fill": False, "interactive": False},
}
SECTOR_STYLE = {"color": "#5b3a8c", "weight": 2.5, "dashArray": "7 5", "fill": False}

# --- incidents ---------------------------------------------------------------------------------------

# Incident colours: the Okabe-Ito palette (safe for the common colour-vision deficiencies); killings by the
# police take Paul Tol's muted wine, a colour-blind-safe colour Okabe-Ito's eight do not have.
TYPE_COLORS = {
    "massacre": "#D55E00", "homicide": "#E69F00", "clash_armed_groups": "#CC79A7", "curfew": "#F0E442",
    "clash_security": "#0072B2", "security_operation": "#56B4E9", "killing_of_leader": "#009E73",
    "attack_on_security_forces": "#000000", "killing_of_officer": "#000000", "attack_on_official": "#000000",
    "protest": "#999999", "police_killing": "#882255",
}
OTHER_TYPE_COLOR = "#666666"
# An incident backed by one outlet only (not independently confirmed): its circle gets a dashed outline.
SINGLE_SOURCE_DASH = "4 3"
# A dataset's own types (not the catalog's): Paul Tol's light set (colour-blind safe), in the order of their
# names; beyond eight, the neutral grey above.
OWN_TYPE_COLORS = ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00"]
# An uploaded file's incidents: dotted dark rings around a white fill, never mistaken for the catalog's.
UPLOAD_STYLE = {"color": "#111111", "weight": 2.5, "dashArray": "2 3", "fill": True, "fill_color": "#ffffff",
                "fill_opacity": 0.75}


def incident_radius(fatalities_max) -> float:
    """Area grows with the toll: 6 px for none or unknown, about 18 px for 15 killed."""
    n = 0 if fatalities_max is None or pd.isna(fatalities_max) else int(fatalities_max)
    return 6 + 3 * math.sqrt(n)


def type_colors(present: set[str]) -> dict[str, str]:
    """The colour of each type present: the catalog's own, then a dataset's own types from OWN_TYPE_COLORS."""
    own = sorted(k for k in present if k not in TYPE_COLORS)
    return {**{k: TYPE_COLORS[k] for k in present if k in TYPE_COLORS},
            **{k: OWN_TYPE_COLORS[i] if i < len(OWN_TYPE_COLORS) else OTHER_TYPE_COLOR for i, k in enumerate(own)}}


def type_colour_rows(cat: Catalog, lang: str, present: set[str]) -> list[tuple[str, str]]:
    """(colour, label) per colour of the types present: types sharing a colour share a row, in
    TYPE_COLORS order, then a dataset's own types."""
    by_color: dict[str, list[str]] = {}
    colors = type_colors(present)
    for key in [k for k in TYPE_COLORS if k in present] + sorted(present - set(TYPE_COLORS)):
        by_color.setdefault(colors[key], []).append(type_label(cat, key, lang))
    return [(color, " / ".join(labels)) for color, labels in by_color.items()]


@dataclass(frozen=True)
class HexStyle:
    colors: tuple[str, ...]   # one per class, light = few
    stroke: str
    weight: float
    dash: str | None          # Leaflet dashArray
    scale: float              # share of the cell drawn (1: the whole cell)
    fill_opacity: float
    tips: tuple[str, str]     # text keys: one incident, {n} incidents


# Catalog: viridis (colour-blind safe, reads in greyscale), not the choropleth's blues.
HEX_COLORS = ["#fde725", "#7ad151", "#22a884", "#2a788e", "#414487"]
CATALOG_HEXAGONS = HexStyle(tuple(HEX_COLORS), "#555555", 0.5, None, 1.0, 0.8, ("agg_tip_one", "agg_tip"))
# An uploaded file: ColorBrewer Greys (no hue, so never mistaken for the catalog's), dotted like its rings,
# drawn at 60 % of the cell so the catalog's hexagon in the same cell stays visible around it.
UPLOAD_HEXAGONS = HexStyle(("#d9d9d9", "#bdbdbd", "#969696", "#636363", "#252525"), "#111111", 0.75, None, 0.6, 0.9,
                           ("upload_agg_tip_one", "upload_agg_tip"))

# --- areas -------------------------------------------------------------------------------------------

# Choropleth: ColorBrewer GnBu (sequential, colour-blind safe); "none recorded" keeps the basemap's paper.
CHOROPLETH_COLORS = ["#ccebc5", "#a8ddb5", "#7bccc4", "#43a2ca", "#0868ac"]
NONE_RECORDED = {"fillColor": "#fbfaf7", "fillOpacity": 0.0}

# Controlling groups: Paul Tol's muted palette (colour-blind safe), warm hues first so they do not read as
# the blue-green choropleth; in the order the claims name them.
GROUP_COLORS = ["#CC6677", "#DDCC77", "#882255", "#999933", "#88CCEE", "#44AA99"]
CONFIDENCE_OPACITY = {"assessed": 0.55, "claimed": 0.35, "disputed": 0.2}

# Peace-zone status -> hatch colour (Paul Tol's colour-blind-safe set), angle and outline; the hatch
# patterns are defined once in the base map and applied by CSS to paths of class zone-<status>.
ZONE_STYLES = {
    "in_force": {"color": "#117733", "angle": 45, "dashed": False},
    "disputed": {"color": "#332288", "angle": -45, "dashed": True},
    "suspended": {"color": "#AA4499", "angle": 45, "dashed": True},
    "ended": {"color": "#555555", "angle": -45, "dashed": True},
}

# A briefing scene's highlights: black outlines and rings over everything else.
HIGHLIGHT_STYLE = {"color": "#000000", "weight": 5, "fill": False, "opacity": 0.9}
HIGHLIGHT_RING = {"color": "#000000", "weight": 4, "fill": False, "radius": 22}


def group_colors(cat: Catalog) -> dict[str, str]:
    """A stable colour per controlling group, in the order the claims name them."""
    groups = list(dict.fromkeys(cat.claims["group_id"]))
    return {g: GROUP_COLORS[i % len(GROUP_COLORS)] for i, g in enumerate(groups)}


# --- colour classes (choropleth and hexagons) ----------------------------------------------------------

def class_breaks(max_value: int, classes: int = len(CHOROPLETH_COLORS)) -> list[int]:
    """Lower bounds of up to `classes` classes over 1..max_value: 1, then steps of nice sizes."""
    if max_value <= classes:
        return list(range(1, max(max_value, 1) + 1))
    step = max_value / classes
    nice = min((m * 10 ** e for e in range(0, 7) for m in (1, 2, 5) if m * 10 ** e >= step))
    return [1] + [nice * k for k in range(1, classes) if nice * k <= max_value]


def class_of(value, breaks: list[int]) -> int:
    """The class index of a value (-1: nothing recorded)."""
    if value is None or pd.isna(value) or value < 1:
        return -1
    return max(i for i, b in enumerate(breaks) if value >= b)


def class_label(i: int, breaks: list[int], lang: str) -> str:
    lo = breaks[i]
    hi = breaks[i + 1] - 1 if i + 1 < len(breaks) else None
    if hi is None:
        return f"{fmt_int(lo, lang)}+" if i else fmt_int(lo, lang)
    return fmt_int(lo, lang) if lo == hi else f"{fmt_int(lo, lang)}–{fmt_int(hi, lang)}"
