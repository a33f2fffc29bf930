"""`territorio animate`: one frame per playback step, drawn as the map pictures with legend, dates and counts; GIF and
MP4 that decode back to the same number of frames."""

import datetime as dt
import io

import numpy as np
import pytest

from loaders import geodata
from territorio.map import styles
from territorio.outputs import animation, picture
from territorio.selection import filters, playback

D = dt.date
SMALL = (480, 270)


@pytest.fixture(scope="module")
def municipalities():
    return geodata.read("municipalities")


@pytest.mark.parametrize("start, end, unit, count, first, last", [
    ("2019-01-01", "2019-12-31", "month", 12, (D(2019, 1, 1), D(2019, 1, 31)), (D(2019, 12, 1), D(2019, 12, 31))),
    ("2019-02-01", "2019-02-28", "week", 4, (D(2019, 2, 1), D(2019, 2, 7)), (D(2019, 2, 22), D(2019, 2, 28))),
    (None, None, "year", 12, (D(2013, 1, 1), D(2013, 12, 31)), (D(2024, 1, 1), D(2024, 12, 31))),
])
def test_one_window_per_step_from_the_first_unit_to_the_end(cat, joined, start, end, unit, count, first, last):
    spec = filters.resolve(cat, date_from=start, date_to=end)
    got = animation.windows(spec, playback.span_of(joined), unit)
    assert len(got) == count and got[0] == first and got[-1] == last
    assert all(playback.step(a, (got[0][0], got[-1][1]), unit) == b for a, b in zip(got, got[1:]))


def _hex(color: str) -> np.ndarray:
    return np.array([int(color[i:i + 2], 16) for i in (1, 3, 5)])


def _blend(color: str, under: str, alpha: float) -> str:
    mixed = alpha * _hex(color) + (1 - alpha) * _hex(under)
    return "#" + "".join(f"{int(round(v)):02x}" for v in mixed)


def _has(pixels: np.ndarray, color: str) -> bool:
    return bool((np.abs(pixels.astype(int) - _hex(color)).sum(axis=2) <= 6).any())


def test_every_frame_carries_the_legend_even_when_its_map_is_empty(cat, joined, municipalities):
    spec = filters.resolve(cat, date_from="2019-01-01", date_to="2019-03-31")
    shown = joined[filters.apply(cat, joined, spec).mask]
    got = list(animation.frames(cat, joined, spec, "en", "month", (1280, 720), municipalities))
    assert [w for w, _p in got] == [(D(2019, 1, 1), D(2019, 1, 31)), (D(2019, 2, 1), D(2019, 2, 28)),
                                    (D(2019, 3, 1), D(2019, 3, 31))]
    legend_x = int(animation.LEGEND_AT[0] * 1280)
    for _w, pixels in got:
        assert pixels.shape == (720, 1280, 3)
        for key in set(shown["type"]):
            assert _has(pixels[:, legend_x:], styles.TYPE_COLORS[key]), key    # its swatch in the legend
    frames = {w[0].month: p for w, p in got}
    on_map = _blend(styles.TYPE_COLORS["massacre"], picture.STYLE["parish_fill"], picture.INCIDENT_ALPHA)
    assert _has(frames[2][:, :legend_x], on_map) and not _has(frames[1][:, :legend_x], on_map)  # 12 Feb 2019
    assert not np.array_equal(frames[1][:120], frames[2][:120]), "each frame's date differs"
    assert np.array_equal(frames[1][-30:], frames[2][-30:]), "credit and licence on every frame, unchanged"


def test_the_gif_has_one_frame_per_step(cat, joined, municipalities):
    from PIL import Image

    spec = filters.resolve(cat, date_from="2019-01-01", date_to="2019-06-30")
    video = animation.render(cat, joined, spec, "es", "gif", "month", SMALL, municipalities)
    gif = Image.open(io.BytesIO(video.data))
    assert video.mime == "image/gif" and gif.n_frames == len(video.windows) == 6 and gif.size == SMALL


def test_the_mp4_decodes_with_one_frame_per_step(cat, joined, municipalities, tmp_path):
    import imageio.v3 as iio

    spec = filters.resolve(cat, date_from="2021-01-01", date_to="2021-12-31", areas=["cota_905"])
    video = animation.render(cat, joined, spec, "en", "mp4", "month", SMALL, municipalities)
    (tmp_path / "v.mp4").write_bytes(video.data)
    frames = iio.imread(tmp_path / "v.mp4")
    assert video.mime == "video/mp4" and frames.shape == (12, SMALL[1], SMALL[0], 3)


@pytest.mark.parametrize("text, ok", [("1280x720", (1280, 720)), ("640x360", (640, 360)), ("1281x720", None),
                                      ("big", None), ("100x100", None), ("9000x720", None)])
def test_sizes(text, ok):
    if ok:
        assert animation.parse_size(text) == ok
    else:
        with pytest.raises(animation.AnimationError, match="size"):
            animation.parse_size(text)


def test_the_cli_writes_the_video_and_refuses_bad_names_and_sizes(cli, tmp_path):
    out = tmp_path / "cota.gif"
    ran = cli("animate", "--out", out, "--from", "2021-01-01", "--to", "2021-12-31", "--step", "year",
              "--size", "320x180")
    assert ran.code == 0, ran.err
    assert "1 frames (2021-01-01 to 2021-12-31, one per year)" in ran.out and out.read_bytes()[:6] == b"GIF89a"
    bad = cli("animate", "--out", tmp_path / "x.avi")
    assert bad.code == 2 and "must end in .gif or .mp4" in bad.err
    bad = cli("animate", "--out", out, "--size", "1281x720")
    assert bad.code == 2 and "even number" in bad.err
