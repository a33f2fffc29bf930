"""The playback as a video for social media and slides: one frame per step of the time window (week, month or year),
drawn as the map pictures are drawn (outputs.picture: the same areas, incident circles and legend), with the
window's dates, its counts, the credit and the licence on every frame. GIF through Pillow, MP4 through imageio's
ffmpeg plugin (the imageio-ffmpeg wheel ships its own ffmpeg binary).

Fast because only what changes is drawn per frame: the base map, legend and credit are rendered once and kept as
pixels (Agg's copy_from_bbox); each frame restores them and draws its circles, date and counts on top.
"""

from __future__ import annotations

import io
import re
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from territorio.catalog import dates
from territorio.catalog.model import Catalog
from territorio.i18n import t
from territorio.i18n.numbers import fmt_int, fmt_range
from territorio.map import styles
from territorio.outputs import picture, provenance
from territorio.selection import describe, filters, playback

FORMATS = {"gif": "image/gif", "mp4": "video/mp4"}
DEFAULT_SIZE = (1280, 720)
MAX_SIDE = 3840
SIZE = re.compile(r"^(\d{2,4})x(\d{2,4})$")
FRAME_S = 0.5          # each step shown for half a second: a ten-year monthly playback lasts a minute
DPI = 100
MAP_BOX = (0.005, 0.09, 0.6, 0.78)        # left, bottom, width, height of the map, in figure fractions
LEGEND_AT = (0.62, 0.86)
LEGEND_WRAP = 52         # characters per legend line at 1280 px


class AnimationError(ValueError):
    """A video that cannot be made (format, size or unit), said with what is allowed."""


@dataclass(frozen=True)
class Animation:
    data: bytes
    mime: str
    windows: tuple[playback.Window, ...]     # one per frame


def parse_size(text: str) -> tuple[int, int]:
    """"1280x720" -> (1280, 720); even sides (the MP4 encoder's colour format needs them), at most 3840."""
    m = SIZE.match(str(text).strip())
    if not m:
        raise AnimationError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1280x720")
    w, h = int(m.group(1)), int(m.group(2))
    if not (160 <= w <= MAX_SIDE and 160 <= h <= MAX_SIDE) or w % 2 or h % 2:
        raise AnimationError(f"size {text!r}: each side must be an even number from 160 to {MAX_SIDE}")
    return w, h


def windows(spec: filters.FilterSpec, span: playback.Window, unit: str) -> list[playback.Window]:
    """The playback's windows over the spec's dates (the data's span where it names none): the first unit,
    then one step at a time to the end, as the map page's Play button steps."""
    if unit not in playback.UNITS:
        raise AnimationError(f"step {unit!r} is not one of {', '.join(playback.UNITS)}")
    whole = (spec.date_from or span[0], spec.date_to or span[1])
    out = [playback.first_window(whole, unit)]
    while (nxt := playback.step(out[-1], whole, unit)) is not None:
        out.append(nxt)
    return out


class _Stage:
    """The figure with everything that does not change drawn once, and what each frame draws over it."""

    def __init__(self, cat: Catalog, rows: pd.DataFrame, spec: filters.FilterSpec, lang: str, size: tuple[int, int],
                 municipalities: gpd.GeoDataFrame | None):
        self.fig = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI, facecolor="white")
        self.canvas = FigureCanvasAgg(self.fig)
        self.ax = self.fig.add_axes(MAP_BOX)
        self.box = picture.frame(self.ax, picture.focus(cat, spec))
        picture.draw_areas(self.ax, cat, municipalities)
        picture.draw_labels(self.ax, cat, self.box)
        picture.sector_names(self.ax, cat, self.box)
        handles = picture.legend_handles(cat, rows, lang)
        for h in handles:       # long rows ("Attack on security forces / Killing of ...") wrapped to the column
            h.set_label(textwrap.fill(h.get_label(), LEGEND_WRAP))
        self.fig.legend(handles=handles, title=t("legend", lang), loc="upper left",
                        bbox_to_anchor=LEGEND_AT, fontsize=9, title_fontsize=10, frameon=False, alignment="left")
        self.fig.text(0.01, 0.955, t("map_title", lang), fontsize=15, fontweight="bold", ha="left", va="center")
        self.fig.text(0.01, 0.035, f"{t('attribution', lang)} {t('data_version', lang, version=cat.version)}. "
                      f"{t('render_credit', lang)}", fontsize=8, ha="left")
        self.fig.text(0.01, 0.012, provenance.licence(lang), fontsize=8, ha="left")
        self.fig.text(0.62, 0.2, t("legend_choro_note", lang), fontsize=8.5, ha="left", wrap=True)
        self.date = self.fig.text(0.62, 0.93, "", fontsize=22, fontweight="bold", ha="left", va="center")
        self.counts = self.fig.text(0.62, 0.13, "", fontsize=10, ha="left", va="top", wrap=True)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.fig.bbox)

    def frame(self, rows: pd.DataFrame, date_text: str, counts_text: str) -> np.ndarray:
        self.canvas.restore_region(self.background)
        before = len(self.ax.collections)
        picture.draw_incidents(self.ax, rows, self.box)
        for artist in self.ax.collections[before:]:
            self.ax.draw_artist(artist)
            artist.remove()
        self.date.set_text(date_text)
        self.counts.set_text(counts_text)
        self.fig.draw_artist(self.date)
        self.fig.draw_artist(self.counts)
        return np.asarray(self.canvas.buffer_rgba())[..., :3].copy()


def _counts(joined: pd.DataFrame, sel: filters.Selection, shown: int, lang: str) -> str:
    s = describe.summarise(joined, sel)
    return t("animate_counts", lang, incidents=describe.plural("n_incidents", s.incidents, lang),
             killed=fmt_range(s.killed_lo, s.killed_hi, lang) or "0", drawn=fmt_int(shown, lang))


def frames(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, lang: str = "en", unit: str = "month",
           size: tuple[int, int] = DEFAULT_SIZE, municipalities: gpd.GeoDataFrame | None = None,
           span: playback.Window | None = None) -> Iterator[tuple[playback.Window, np.ndarray]]:
    """(window, RGB pixels) per step of the playback."""
    span = span or playback.span_of(joined)
    steps = windows(spec, span, unit)
    whole = joined[filters.apply(cat, joined, spec).mask]
    stage = _Stage(cat, whole, spec, lang, size, municipalities)
    for w in steps:
        step_spec = filters.FilterSpec(w[0], w[1], spec.areas, spec.types, spec.actors, spec.min_fatalities)
        sel = filters.apply(cat, joined, step_spec)
        rows = joined[sel.mask]
        inside = rows[rows.mapped & rows.lon.between(stage.box[0], stage.box[2])
                      & rows.lat.between(stage.box[1], stage.box[3])]
        yield w, stage.frame(rows, dates.format_range(w[0], w[1], lang), _counts(joined, sel, len(inside), lang))


def _palette(first: np.ndarray):
    """One palette for every frame: the first frame's 200 commonest colours (the base map is most of each frame)
    and every declared colour of incidents and areas exactly (a colour rare in the first frame, say a massacre's,
    must not drift to a neighbour's)."""
    from PIL import Image

    declared = [*styles.TYPE_COLORS.values(), styles.OTHER_TYPE_COLOR, styles.SECTOR_STYLE["color"]]
    rgb = [int(c.lstrip("#")[i:i + 2], 16) for c in dict.fromkeys(declared) for i in (0, 2, 4)]
    base = Image.fromarray(first).quantize(colors=200, method=Image.Quantize.MEDIANCUT).getpalette()[:600]
    palette = Image.new("P", (1, 1))
    palette.putpalette(base + rgb + [0] * (768 - len(base) - len(rgb)))
    return palette


def _gif(pixels: Iterator[np.ndarray]) -> bytes:
    """Frames streamed into Pillow's writer (it keeps only the previous one): 574 weekly frames at 1280x720 held
    at once took 1.8 GB."""
    from PIL import Image

    first = next(pixels)
    palette = _palette(first)
    images = (Image.fromarray(p).quantize(palette=palette, dither=Image.Dither.NONE) for p in pixels)
    buf = io.BytesIO()
    Image.fromarray(first).quantize(palette=palette, dither=Image.Dither.NONE).save(
        buf, format="GIF", save_all=True, append_images=images, duration=int(FRAME_S * 1000), loop=0)
    return buf.getvalue()


def _mp4(pixels: Iterator[np.ndarray]) -> bytes:
    import imageio.v2 as imageio

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "playback.mp4"
        with imageio.get_writer(path, format="FFMPEG", fps=1 / FRAME_S, codec="libx264", quality=7,
                                pixelformat="yuv420p", macro_block_size=2, ffmpeg_log_level="error") as writer:
            for p in pixels:
                writer.append_data(p)
        return path.read_bytes()


WRITERS = {"gif": _gif, "mp4": _mp4}


def render(cat: Catalog, joined: pd.DataFrame, spec: filters.FilterSpec, lang: str = "en", fmt: str = "gif",
           unit: str = "month", size: tuple[int, int] = DEFAULT_SIZE,
           municipalities: gpd.GeoDataFrame | None = None) -> Animation:
    """The playback of `spec` as GIF or MP4 bytes."""
    if fmt not in FORMATS:
        raise AnimationError(f"video format {fmt!r}: use one of {', '.join(FORMATS)}")
    shown: list[playback.Window] = []

    def pixels() -> Iterator[np.ndarray]:
        for w, p in frames(cat, joined, spec, lang, unit, size, municipalities):
            shown.append(w)
            yield p

    data = WRITERS[fmt](pixels())
    return Animation(data, FORMATS[fmt], tuple(shown))

