"""The picture's incidents as they were drawn before one scatter call per style (one call per incident),
kept only as the reference the vectorised drawing must equal (tests/unit/test_render.py)."""

from __future__ import annotations

import math

import pandas as pd

from territorio.map.styles import OTHER_TYPE_COLOR, TYPE_COLORS


def _size(fatalities_max) -> float:
    n = 0 if pd.isna(fatalities_max) else int(fatalities_max)
    return 30 + 25 * math.sqrt(n)


def draw_incidents(ax, rows: pd.DataFrame, box) -> int:
    inside = rows[rows.mapped & rows.lon.between(box[0], box[2]) & rows.lat.between(box[1], box[3])]
    for r in inside.sort_values("fatalities_max", ascending=False, na_position="first").itertuples():
        color = TYPE_COLORS.get(r.type, OTHER_TYPE_COLOR)
        unknown = pd.isna(r.fatalities_max)
        ax.scatter([r.lon], [r.lat], s=_size(r.fatalities_max), zorder=5,
                   facecolor="none" if unknown else color, edgecolor=color if unknown else "#222222",
                   linewidth=2 if unknown else 0.8, alpha=0.9)
    return len(inside)
