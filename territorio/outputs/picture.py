"""A picture of the current map for an article or a slide: PNG or SVG, drawn on the server from the
project's own geodata (no tiles, no internet) with a legend, the attribution, the data version and the
filter in words.

matplotlib's object API on the Agg canvas (no pyplot, so no global state between requests).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from territorio.catalog.datapackage import OCHA_ATTRIBUTION
from territorio.catalog.model import Catalog
from territorio.i18n import t
from territorio.map.styles import OTHER_TYPE_COLOR, SECTOR_STYLE, TYPE_COLORS, UPLOAD_STYLE, type_colour_rows
from territorio.outputs import provenance
from territorio.selection import filters
from territorio.selection.dataset import CATALOG

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
STYLE = {"parish_fill": "#f3f1ec", "parish_edge": "#9a968d", "municipality_edge": "#333333"}
MARGIN_DEG = 0.01
SECTOR_FILL_OPACITY = 0.08   # the approximate sectors: a faint wash under their dashed outline


class RenderError(ValueError):
    """A picture that cannot be made (unknown format)."""


@dataclass(frozen=True)
class Picture:
    data: bytes
    mime: str
    shown: int          # incidents drawn
    not_drawn: int      # selected but not mapped or outside the frame


def focus(cat: Catalog, spec: filters.FilterSpec) -> gpd.GeoSeries:
    """What the picture frames: the chosen areas (parishes and sectors, with the parishes they touch),
    or all of metropolitan Caracas."""
    areas = set(spec.areas)
    sectors = cat.sectors[cat.sectors.sector_id.isin(areas)].geometry
    parishes = cat.parishes[cat.parishes.pcode.isin(areas) | cat.parishes.intersects(sectors.union_all())
                            if len(sectors) else cat.parishes.pcode.isin(areas)].geometry
    chosen = pd.concat([sectors, parishes])
    return chosen if len(chosen) else cat.parishes.geometry


def frame(ax, focus: gpd.GeoSeries) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = focus.total_bounds
    box = (x0 - MARGIN_DEG, y0 - MARGIN_DEG, x1 + MARGIN_DEG, y1 + MARGIN_DEG)
    ax.set_xlim(box[0], box[2])
    ax.set_ylim(box[1], box[3])
    ax.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))   # degrees drawn at their true ground ratio
    ax.set_axis_off()
    return box


def draw_areas(ax, cat: Catalog, municipalities: gpd.GeoDataFrame | None) -> None:
    cat.parishes.plot(ax=ax, color=STYLE["parish_fill"], edgecolor=STYLE["parish_edge"], linewidth=0.5)
    if municipalities is not None:
        municipalities.boundary.plot(ax=ax, color=STYLE["municipality_edge"], linewidth=1.2)
    color = SECTOR_STYLE["color"]
    cat.sectors.plot(ax=ax, color=color, alpha=SECTOR_FILL_OPACITY, linewidth=0)
    cat.sectors.boundary.plot(ax=ax, color=color, linewidth=1.6, linestyle=(0, (5, 3)))


# Incidents in two styles: a filled circle sized by the toll, and a hollow ring in the type's colour where no
# figure was reported. Each style is one scatter call over all its points (one call per incident took 413 s
# and 2.4 GB at 100,000 incidents).
TYPE_COLOUR = "type"          # in a style: each point's colour from its incident type (styles.TYPE_COLORS)
INCIDENT_STYLES = {
    "no_figure": {"face": "none", "edge": TYPE_COLOUR, "linewidth": 2},
    "toll": {"face": TYPE_COLOUR, "edge": "#222222", "linewidth": 0.8},
}
INCIDENT_ALPHA = 0.9


def _sizes(tolls: pd.Series) -> np.ndarray:
    """Marker areas (points²): 30 with no one killed or no figure, growing with the square root of the toll."""
    return 30 + 25 * np.sqrt(tolls.fillna(0).astype(int).to_numpy(float))


def _plain(text: str) -> str:
    """A person's text (a dataset's name, its licence) drawn as typed: a '$' would start matplotlib's mathtext."""
    return text.replace("$", r"\$")


def _own(rows: pd.DataFrame) -> np.ndarray:
    """The rows of a kept dataset (not the catalog's): drawn in the imported look, as on the interactive map."""
    if "dataset_name" not in rows:
        return np.zeros(len(rows), dtype=bool)
    return (rows["dataset"] != CATALOG).to_numpy(bool)


def draw_incidents(ax, rows: pd.DataFrame, box) -> int:
    """The mapped incidents inside the frame, hollow rings (no figure) under filled circles, biggest first,
    so small ones stay visible on top; a kept dataset's as white dots in dotted dark rings, under the
    catalog's. Returns how many were drawn."""
    inside = rows[rows.mapped & rows.lon.between(box[0], box[2]) & rows.lat.between(box[1], box[3])]
    own = _own(inside)
    if own.any():
        theirs = inside[own]
        ax.scatter(theirs["lon"].to_numpy(float), theirs["lat"].to_numpy(float), s=_sizes(theirs["fatalities_max"]),
                   zorder=4, alpha=INCIDENT_ALPHA, facecolors=UPLOAD_STYLE["fill_color"],
                   edgecolors=UPLOAD_STYLE["color"], linewidths=1.0, linestyles=(0, (1, 1.5)))
        inside = inside[~own]
        return len(theirs) + _draw_catalog(ax, inside)
    return _draw_catalog(ax, inside)


def _draw_catalog(ax, inside: pd.DataFrame) -> int:
    ordered = inside.sort_values("fatalities_max", ascending=False, na_position="first")
    unknown = ordered["fatalities_max"].isna().to_numpy()
    colors = ordered["type"].map(TYPE_COLORS).fillna(OTHER_TYPE_COLOR).to_numpy(object)
    sizes = _sizes(ordered["fatalities_max"])
    lon, lat = ordered["lon"].to_numpy(float), ordered["lat"].to_numpy(float)
    for style, chosen in (("no_figure", unknown), ("toll", ~unknown)):
        if not chosen.any():
            continue
        look, these = INCIDENT_STYLES[style], list(colors[chosen])
        ax.scatter(lon[chosen], lat[chosen], s=sizes[chosen], zorder=5, alpha=INCIDENT_ALPHA,
                   facecolors=these if look["face"] == TYPE_COLOUR else look["face"],
                   edgecolors=these if look["edge"] == TYPE_COLOUR else look["edge"], linewidths=look["linewidth"])
    return len(inside)


HALO = [patheffects.withStroke(linewidth=3, foreground="white")]   # text readable over lines and fills
STACK_DECIMALS = 4      # incidents within about 10 m of each other are one point on a printed map


def stack_counts(ax, rows: pd.DataFrame, box) -> int:
    """The number of incidents beside every point that holds more than one (they are drawn on top of each
    other). Returns how many points carry a count."""
    inside = rows[rows.mapped & rows.lon.between(box[0], box[2]) & rows.lat.between(box[1], box[3])]
    stacks = inside.groupby([inside.lat.round(STACK_DECIMALS), inside.lon.round(STACK_DECIMALS)]).size()
    stacks = stacks[stacks > 1]
    for (lat, lon), n in stacks.items():
        ax.annotate(f"×{n}", (lon, lat), xytext=(7, 5), textcoords="offset points", fontsize=10,
                    fontweight="bold", color="#111111", zorder=7, path_effects=HALO)
    return len(stacks)


def sector_names(ax, cat: Catalog, box) -> None:
    """Each sector's name at a point inside it, in the sector's colour."""
    for row in cat.sectors.itertuples():
        point = row.geometry.representative_point()
        if box[0] <= point.x <= box[2] and box[1] <= point.y <= box[3]:
            ax.annotate(str(row.name), (point.x, point.y), xytext=(0, -16), textcoords="offset points", ha="center",
                        va="center", fontsize=9, fontweight="bold", color=SECTOR_STYLE["color"], zorder=6,
                        path_effects=HALO, annotation_clip=True)


def legend_handles(cat: Catalog, rows: pd.DataFrame, lang: str) -> list:
    """The legend's entries: the types present in `rows` (a kept dataset's rows in the imported look, named),
    the sectors, the municipal boundary, the circle sizes."""
    own = _own(rows)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=c, markeredgecolor="#222222",
                      label=label) for c, label in type_colour_rows(cat, lang, set(rows.type[~own]))]
    handles += [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=UPLOAD_STYLE["fill_color"],
                       markeredgecolor=UPLOAD_STYLE["color"], label=_plain(t("layer_upload", lang, name=name)))
                for name in (dict.fromkeys(rows.loc[own, "dataset_name"]) if own.any() else ())]
    color = SECTOR_STYLE["color"]
    handles += [
        Patch(facecolor=STYLE["parish_fill"], edgecolor=STYLE["parish_edge"], linewidth=0.5,
              label=t("legend_parish_picture", lang)),
        Patch(facecolor=matplotlib.colors.to_rgba(color, SECTOR_FILL_OPACITY), edgecolor=color, linewidth=1.6,
              linestyle=(0, (5, 3)), label=t("legend_sector", lang)),
        Line2D([], [], color=STYLE["municipality_edge"], linewidth=1.2, label=t("legend_municipality", lang)),
        Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor="none", markeredgecolor="#444444",
               label=t("legend_size", lang)),
        Line2D([], [], linestyle="", marker="$×n$", markersize=12, color="#111111", label=t("legend_stack", lang)),
    ]
    return handles


def _legend(ax, cat: Catalog, rows: pd.DataFrame, lang: str) -> None:
    ax.legend(handles=legend_handles(cat, rows, lang), title=t("legend", lang), loc="upper left",
              bbox_to_anchor=(0.0, -0.01), ncols=2,
              fontsize=7.5, title_fontsize=8, alignment="left", frameon=False)


def _texts(fig: Figure, cat: Catalog, sentence: str, shown: int, not_drawn: int, lang: str) -> None:
    fig.suptitle(t("map_title", lang), x=0.02, ha="left", fontsize=14, fontweight="bold")
    fig.text(0.02, 0.925, sentence, fontsize=8.5, ha="left", wrap=True)
    fig.text(0.02, 0.04, t("render_counts", lang, shown=shown, not_drawn=not_drawn), fontsize=7.5, ha="left",
             wrap=True)
    fig.text(0.02, 0.012, f"{t('attribution', lang)} {t('data_version', lang, version=cat.version)}. "
             f"{t('render_credit', lang)}", fontsize=7.5, ha="left")


LABEL_MAX_WIDTH_DEG = 0.2   # parish names are drawn when the picture frames a part of the city


def draw_labels(ax, cat: Catalog, box) -> None:
    if box[2] - box[0] > LABEL_MAX_WIDTH_DEG:
        return
    inside = cat.parishes[cat.parishes.label_lon.between(box[0], box[2])
                          & cat.parishes.label_lat.between(box[1], box[3])]
    for row in inside.itertuples():
        ax.annotate(row.name, (row.label_lon, row.label_lat), ha="center", va="center", fontsize=9, color="#333333",
                    annotation_clip=True)


def render_map(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, lang: str = "en", fmt: str = "png", *,
               municipalities: gpd.GeoDataFrame | None = None, sentence: str | None = None,
               dpi: int = 150) -> Picture:
    """The map of the incidents `spec` selects as PNG or SVG bytes. `sentence` replaces the filter in words
    (the CLI says so when the incidents are synthetic)."""
    if fmt not in FORMATS:
        raise RenderError(f"picture format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows = joined[filters.apply(cat, joined, spec).mask]
    fig = Figure(figsize=(10, 7.6), dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.01, 0.27, 0.98, 0.63))
    box = frame(ax, focus(cat, spec))
    draw_areas(ax, cat, municipalities)
    draw_labels(ax, cat, box)
    sector_names(ax, cat, box)
    shown = draw_incidents(ax, rows, box)
    stack_counts(ax, rows, box)
    _legend(ax, cat, rows, lang)
    words = sentence or " ".join(filter(None, (provenance.filter_sentence(cat, spec, lang),
                                               _plain(provenance.data_sentence(joined, lang)))))
    _texts(fig, cat, words, shown, len(rows) - shown, lang)
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "territorio"}):
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=_metadata(fmt, cat))
    return Picture(buf.getvalue(), FORMATS[fmt], shown, len(rows) - shown)


def _metadata(fmt: str, cat: Catalog) -> dict[str, str]:
    """Reproducible files: no creation date; the attribution in the file's own metadata."""
    if fmt == "svg":
        return {"Date": None, "Rights": OCHA_ATTRIBUTION, "Title": f"Territorio, data {cat.version}"}
    return {"Software": None, "Copyright": OCHA_ATTRIBUTION, "Title": f"Territorio, data {cat.version}"}
