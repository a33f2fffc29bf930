"""The benchmark run: generate N synthetic incidents, write them to Parquet, then load and join them,
time random page steps on that data, measure the straightforward approach on the same data, and
(where Chromium is installed) the first paint on a freshly started server. Figures as a flat dict."""

from __future__ import annotations

import os
import resource
import tempfile
import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

BUDGETS = {"step_ms": 150, "payload_kb": 1024}


@dataclass(frozen=True)
class Options:
    incidents: int
    steps: int = 30
    seed: int = 0
    baseline_sizes: tuple[int, ...] = (10_000, 20_000)
    first_paint_runs: int = 3     # fresh servers to open the page on (0: none); the median is reported
    data: str | None = None       # a file or a kept dataset's id: its incidents instead of synthetic ones


def peak_rss_mb() -> float:
    """The largest resident memory this process has had (Linux reports kilobytes)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _load_and_join(cat, path: str):
    from territorio.catalog import join

    t0 = time.perf_counter()
    joined = join.join(cat, incidents=pd.read_parquet(path))
    return joined, time.perf_counter() - t0


def _synthetic(cat, opts: Options, say) -> tuple[pd.DataFrame, dict]:
    """N synthetic incidents written to Parquet, then read and joined (timed)."""
    from territorio.catalog import synthetic

    t0 = time.perf_counter()
    frame = synthetic.incidents(cat, opts.incidents, seed=opts.seed)
    generate_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "incidents.parquet")
        frame.to_parquet(path)
        del frame
        say(f"generated {opts.incidents:,} synthetic incidents in {generate_s:.1f} s; loading and joining")
        joined, load_join_s = _load_and_join(cat, path)
    return joined, {"generate_s": round(generate_s, 3), "load_join_s": round(load_join_s, 3)}


def run(opts: Options, say=lambda _msg: None) -> dict:
    from benchmarks import baseline, browser, server_step
    from loaders import catalog as catalog_loader
    from loaders import geodata

    cat = catalog_loader.load()
    if opts.data:
        from benchmarks import kept

        with kept.dataset(opts.data, say) as source:
            return _measure(cat, source.joined, source.figures, opts, say, baseline, browser, server_step,
                            geodata, source)
    joined, figures = _synthetic(cat, opts, say)
    return _measure(cat, joined, figures, opts, say, baseline, browser, server_step, geodata)


def _measure(cat, joined, figures: dict, opts: Options, say, baseline, browser, server_step, geodata,
             source=None) -> dict:
    """The same figures for any incidents: page steps, payloads, the baseline, the first paint."""
    page = server_step.Page(cat, joined, geodata.read("municipalities"))
    steps = server_step.random_steps(cat, joined, opts.steps, opts.seed)
    page.run(steps[0])                                  # warm-up: imports and first-use caches
    costs = [page.run(s) for s in steps]
    ms = np.array([c.ms for c in costs])
    kb = np.array([c.payload_kb for c in costs])
    out = {
        "incidents": len(joined), "mapped": int(joined["mapped"].sum()), "steps": len(costs),
        **figures, "peak_rss_mb": peak_rss_mb(),
        "step_ms_p50": round(float(np.percentile(ms, 50)), 1), "step_ms_p95": round(float(np.percentile(ms, 95)), 1),
        "step_ms_max": round(float(ms.max()), 1),
        "payload_kb_p50": round(float(np.percentile(kb, 50)), 1),
        "payload_kb_p95": round(float(np.percentile(kb, 95)), 1),
        "payload_kb_max": round(float(kb.max()), 1),
        "steps_as_hexagons": sum(c.mode == "hexagons" for c in costs),
        "base_map_kb": page.base_map_kb,
        "chart_spec_ms_p50": round(float(np.median([c.chart_spec_ms for c in costs])), 1),
    }
    say(f"steps: p50 {out['step_ms_p50']} ms, p95 {out['step_ms_p95']} ms; measuring the baseline")
    out["baseline"], out["ratio"] = _baseline(joined, cat, opts.baseline_sizes, out, baseline)
    if opts.first_paint_runs and browser.chromium():
        say(f"first paint on {opts.first_paint_runs} fresh server(s)")
        out.update(_first_paint(opts, source))
    return out


def _first_paint(opts: Options, source=None) -> dict:
    """The median over fresh servers (one run on a shared 2-core machine can be off by a second), with
    every run listed; on a kept dataset, servers of its workspace opened at ?dataset=ID."""
    from benchmarks import browser

    runs = []
    where = {} if source is None else {"env": source.env, "query": source.query}
    try:
        for _ in range(opts.first_paint_runs):
            runs.append(browser.first_paint(opts.incidents, opts.seed, **where))
    except Exception as exc:            # a timeout is a figure too: reported, not a crash of the whole run
        return {"first_paint_s": None, "first_paint_runs_s": runs,
                "first_paint_error": f"{type(exc).__name__}: {str(exc).splitlines()[0]}"}
    return {"first_paint_s": round(float(np.median(runs)), 3), "first_paint_runs_s": runs}


def _baseline(joined, cat, sizes, ours: dict, baseline) -> tuple[dict, dict]:
    """MarkerCluster with a Marker and popup per incident, on the first mapped incidents of the same data
    (all of them when fewer are mapped than asked: `incidents` says how many); ratios say how many times
    ours is faster (step) and smaller (payload) than it."""
    mapped = joined[joined["mapped"]]
    base, ratio = {}, {}
    for size in sizes:
        b = baseline.measure(cat, mapped.iloc[:size])
        base[str(size)] = b
        ratio[str(size)] = {"step": round(b["build_s"] * 1000 / max(ours["step_ms_p50"], 0.001), 1),
                            "payload": round(b["payload_kb"] / max(ours["payload_kb_p50"], 0.001), 1)}
    return base, ratio
