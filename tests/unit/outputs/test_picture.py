"""The map picture: a real PNG with content, an SVG with the attribution and legend as text, offline."""

import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from loaders import geodata
from territorio.catalog.datapackage import OCHA_ATTRIBUTION
from territorio.outputs import picture
from territorio.selection import filters
from tests.unit.outputs import render_reference


def draw(cat, joined, fmt, lang="en", **filter_values):
    spec = filters.resolve(cat, **filter_values)
    return picture.render_map(cat, joined, spec, lang, fmt, municipalities=geodata.read("municipalities"))


def test_png_has_size_and_is_not_blank(cat, joined):
    pic = draw(cat, joined, "png")
    img = Image.open(io.BytesIO(pic.data)).convert("RGB")
    assert img.size[0] >= 1200 and img.size[1] >= 900
    colours = img.getcolors(maxcolors=1_000_000)
    assert len(colours) > 50, "a map, not an empty canvas"
    white = sum(n for n, c in colours if c == (255, 255, 255))
    assert white < 0.8 * img.size[0] * img.size[1]
    assert pic.shown > 0


@pytest.mark.parametrize("lang, legend, sector, title", [
    ("en", "Legend", "Sector, approximate outline", "territorial control"),
    ("es", "Leyenda", "Sector, contorno aproximado", "control territorial"),
])
def test_svg_carries_attribution_legend_version_and_filter(cat, joined, lang, legend, sector, title):
    svg = draw(cat, joined, "svg", lang, date_from="2021-01-01", date_to="2021-12-31").data.decode("utf-8")
    for text in (OCHA_ATTRIBUTION, legend, sector, title, cat.version, "2021"):
        assert text in svg, text
    shown_types = set(joined.loc[filters.apply(cat, joined, filters.resolve(
        cat, date_from="2021-01-01", date_to="2021-12-31")).mask, "type"])
    labels = dict(zip(cat.event_types.key, cat.event_types[f"label_{lang}"]))
    for key in shown_types:
        assert labels[key] in svg, f"legend row for {key}"


def test_only_the_selection_is_drawn(cat, joined):
    everything = draw(cat, joined, "png")
    one_area = draw(cat, joined, "png", areas=["El Valle"])
    assert one_area.shown + one_area.not_drawn == int(filters.apply(
        cat, joined, filters.resolve(cat, areas=["El Valle"])).mask.sum())
    assert one_area.shown < everything.shown


def test_unknown_format_is_refused(cat, joined):
    with pytest.raises(picture.RenderError, match="jpg"):
        picture.render_map(cat, joined, filters.FilterSpec(), "en", "jpg")


@pytest.mark.parametrize("name, code", [("map.png", 0), ("map.svg", 0), ("map.jpg", 2)])
def test_cli_render(cli, tmp_path, name, code):
    out = cli("render", "--out", tmp_path / name, "--area", "Cota 905", "--lang", "es")
    assert out.code == code, out.err
    assert (tmp_path / name).exists() == (code == 0)
    if code:
        assert ".png or .svg" in out.err


def test_a_picture_of_one_area_is_framed_on_it_and_names_its_parishes(cat, joined):
    spec = filters.resolve(cat, areas=["Cota 905"])
    svg = picture.render_map(cat, joined, spec, "en", "svg").data.decode()
    whole = picture.render_map(cat, joined, filters.resolve(cat), "en", "svg").data.decode()
    assert "El Paraíso" in svg and "Petare" not in svg      # framed on Cota 905, labelled
    assert "El Paraíso" not in whole                          # the whole city: no crowd of names


# --- one scatter call per style draws what one call per incident drew ----------------------------------

def _drawn_points(ax) -> list[tuple]:
    """Every marker on the axes, in painting order: (x, y, area, face RGBA, edge RGBA, line width)."""
    out = []
    for coll in (c for c in ax.collections if c.get_zorder() == 5):       # the incidents' zorder
        faces, edges = coll.get_facecolors(), coll.get_edgecolors()
        sizes, widths = coll.get_sizes(), coll.get_linewidths()
        for i, (x, y) in enumerate(coll.get_offsets()):
            face = faces[i % len(faces)] if len(faces) else (0, 0, 0, 0)     # "none": no face colours at all
            out.append((round(float(x), 9), round(float(y), 9), round(float(sizes[i % len(sizes)]), 6),
                        tuple(np.round(face, 6)), tuple(np.round(edges[i % len(edges)], 6)),
                        float(widths[i % len(widths)])))
    return out


def _axes():
    fig = Figure(figsize=(10, 7.6), dpi=100)
    FigureCanvasAgg(fig)
    return fig.add_axes((0, 0, 1, 1))


@pytest.mark.parametrize("source", ["catalog", "synthetic"])
def test_each_style_is_one_scatter_call_drawing_exactly_what_one_call_per_incident_drew(cat, joined, source):
    rows = joined if source == "catalog" else synthetic_joined(cat, 1000)
    assert rows["fatalities_max"].isna().any() and rows["fatalities_max"].notna().any()    # both styles present
    box = (-67.2, 10.3, -66.6, 10.6)
    new_ax, old_ax = _axes(), _axes()
    assert picture.draw_incidents(new_ax, rows, box) == render_reference.draw_incidents(old_ax, rows, box)
    assert len([c for c in new_ax.collections if c.get_zorder() == 5]) == len(picture.INCIDENT_STYLES)
    drawn, before = _drawn_points(new_ax), _drawn_points(old_ax)
    assert len(drawn) > 20 and drawn == before


def test_the_catalog_picture_looks_as_it_did(cat, joined, monkeypatch):
    """The PNG at catalog size against per-incident drawing. Not bit for bit: a one-point scatter was drawn with
    Agg's draw_markers, which rounds each marker to a whole pixel, while a collection of many colours is placed
    at its exact position, so outlines move by up to half a pixel (about 0.06 % of the pixels, all on marker
    edges, about 0.12 % with the 82 incidents of data 0.2.0); a missing, recoloured or resized marker changes far
    more."""
    new = Image.open(io.BytesIO(draw(cat, joined, "png").data)).convert("RGB")
    monkeypatch.setattr(picture, "draw_incidents", render_reference.draw_incidents)
    old = Image.open(io.BytesIO(draw(cat, joined, "png").data)).convert("RGB")
    assert new.size == old.size
    differs = np.abs(np.asarray(new, dtype=int) - np.asarray(old, dtype=int)).max(axis=2) > 8
    assert differs.mean() < 0.002, f"{differs.sum()} pixels differ"


def synthetic_joined(cat, n):
    from territorio.catalog import join, synthetic

    return join.join(cat, incidents=synthetic.incidents(cat, n, 0))


def test_cli_render_draws_synthetic_incidents_and_says_so(cli, tmp_path):
    out = tmp_path / "synthetic.svg"
    done = cli("render", "--out", out, "--synthetic", "500", "--seed", "3")
    assert done.code == 0
    drawn = int(done.out.split(":")[1].split()[0])
    assert 400 < drawn <= 500
    svg = out.read_text(encoding="utf-8")
    assert "SYNTHETIC DATA: 500 generated incidents (seed 3)" in svg
    refused = cli("render", "--out", tmp_path / "none.png", "--synthetic", "0")
    assert refused.code == 2 and "positive number" in refused.err
