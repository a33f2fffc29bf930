"""`territorio bench` at a small size, so the command cannot rot. Figures are checked for shape, never for
speed (no timed assertions)."""

import json
import numbers

import pytest

from territorio import settings
from territorio.cli import main

KEYS = ["load_join_s", "peak_rss_mb", "step_ms_p50", "step_ms_p95", "payload_kb_p50", "generate_s",
        "base_map_kb"]


@pytest.fixture(scope="module")
def figures():
    """One run for the module (a `cli` fixture's run lasts one test): its JSON from stdout."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main.main(["bench", "--incidents", "2000", "--json", "--no-first-paint", "--steps", "20",
                          "--baseline-sizes", "300"])
    assert code == 0
    return json.loads(out.getvalue())


@pytest.mark.parametrize("key", KEYS)
def test_figures_are_numbers(figures, key):
    assert isinstance(figures[key], numbers.Real) and not isinstance(figures[key], bool) and figures[key] >= 0


def test_counts_what_it_ran(figures):
    assert figures["incidents"] == 2000 and figures["steps"] == 20 and 0 < figures["mapped"] <= 2000


def test_baseline_and_ratios_on_the_same_data(figures):
    assert figures["baseline"]["300"]["incidents"] == 300
    assert isinstance(figures["baseline"]["300"]["build_s"], numbers.Real)
    assert set(figures["ratio"]["300"]) == {"step", "payload"}


def test_no_first_paint_when_asked(figures):
    assert "first_paint_s" not in figures


@pytest.mark.parametrize("args", [["--incidents", "0"], ["--baseline-sizes", "ten"]])
def test_bad_options_exit_2(cli, args):
    out = cli("bench", *args, "--no-first-paint")
    assert out.code == 2 and "territorio bench" in out.err


def test_serve_synthetic_sets_the_setting(cli, monkeypatch):
    seen = {}
    monkeypatch.setattr(main.subprocess, "call", lambda cmd, cwd, env: seen.update(env) or 0)
    assert cli("serve", "--synthetic", "5000", "--seed", "3").code == 0
    assert seen[settings.SYNTHETIC.name] == "5000:3"


def test_serve_without_synthetic_shows_the_catalog(cli, monkeypatch):
    seen = {}
    monkeypatch.delenv(settings.SYNTHETIC.name, raising=False)
    monkeypatch.setattr(main.subprocess, "call", lambda cmd, cwd, env: seen.update(env) or 0)
    assert cli("serve").code == 0
    assert settings.SYNTHETIC.name not in seen


def test_cpu_seconds_of_a_process_grow_as_it_works():
    import os

    from benchmarks.browser import cpu_s

    before = cpu_s(os.getpid())
    sum(i * i for i in range(3_000_000))
    assert cpu_s(os.getpid()) > before >= 0
    assert cpu_s(2 ** 22 + 7) is None          # no such process


def test_the_viewer_refuses_a_folder_that_is_no_app(cli, tmp_path):
    out = cli("bench", "--viewer", "--app", str(tmp_path))
    assert out.code == 1 and "no app.py there" in out.err


def test_viewer_figures_are_also_given_as_multiples_of_the_calibration():
    from benchmarks.viewer import relative

    rel = relative({"step_ms_p50": 250.0, "step_ms_p95": 500.0, "server_cpu_ms_per_update": 50.0,
                    "play_fps": 4.0}, calibration_s=0.5)
    assert rel == {"step_ms_p50_per_cal": 0.5, "step_ms_p95_per_cal": 1.0, "server_cpu_ms_per_update_per_cal": 0.1,
                   "play_frames_per_cal": 2.0}


def test_the_calibration_is_a_fixed_workload_that_takes_measurable_time():
    from benchmarks.viewer import calibrate

    assert 0.01 < calibrate(repeats=1) < 60
