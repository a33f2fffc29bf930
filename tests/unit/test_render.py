"""The map picture: a real PNG with content, an SVG with the attribution and legend as text, offline."""

import io
import subprocess
import sys

import pytest
from PIL import Image

from loaders import geodata
from territorio import filters, render
from territorio.datapackage import OCHA_ATTRIBUTION


def draw(cat, joined, fmt, lang="en", **filter_values):
    spec = filters.resolve(cat, **filter_values)
    return render.render_map(cat, joined, spec, lang, fmt, municipalities=geodata.read("municipalities"))


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
    with pytest.raises(render.RenderError, match="jpg"):
        render.render_map(cat, joined, filters.FilterSpec(), "en", "jpg")


@pytest.mark.parametrize("name, code", [("map.png", 0), ("map.svg", 0), ("map.jpg", 2)])
def test_cli_render(tmp_path, name, code):
    out = subprocess.run([sys.executable, "-m", "territorio.cli", "render", "--out", str(tmp_path / name),
                          "--area", "Cota 905", "--lang", "es"], capture_output=True, text=True)
    assert out.returncode == code, out.stderr
    assert (tmp_path / name).exists() == (code == 0)
    if code:
        assert ".png or .svg" in out.stderr


def test_a_picture_of_one_area_is_framed_on_it_and_names_its_parishes(cat, joined):
    spec = filters.resolve(cat, areas=["Cota 905"])
    svg = render.render_map(cat, joined, spec, "en", "svg").data.decode()
    whole = render.render_map(cat, joined, filters.resolve(cat), "en", "svg").data.decode()
    assert "El Paraíso" in svg and "Petare" not in svg      # framed on Cota 905, labelled
    assert "El Paraíso" not in whole                          # the whole city: no crowd of names
