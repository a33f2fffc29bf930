"""A presenter in real Chromium: Step clicks timed until the map is redrawn, Play held for a while and its
frames counted, and the server's CPU per update (per Play step the server made: the weeks the window moved
between Play and Pause; `play_frames_not_painted` counts those the browser never showed); every figure beside
a calibration run of a fixed reference workload on the same machine, so figures taken on different days (or
under other load) can be compared.

"Redrawn", precisely: st_folium keeps the feature-group script it last evaluated in the map frame's
`window.__GLOBAL_DATA__.last_feature_group`; when a rerun sends different layers it removes the old ones and
evaluates the new ones synchronously, then sets that variable. A watcher injected into the map frame checks it
on every animation frame and stamps the first frame on which it differs: the new layers are on the map in the
frame being painted. A step's time runs from the click (stamped in the page just before `click()`) to that
frame. Play's frames are the same stamps while Play runs. The watcher lives in the map frame's window, so if
the map remounts (a new frame, a new Leaflet map) it is gone: that is counted as a remount.

Works against any checkout of the app (`app_dir`), so today's code and a change are measured by the same
viewer in one sitting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import statistics
import time

import numpy as np

from benchmarks import browser
from territorio import settings

WATCH = """() => {
  if (window.__territorioWatch) return true;
  const w = window.__territorioWatch = {stamps: [], last: undefined};
  const tick = () => {
    const g = window.__GLOBAL_DATA__;
    const groups = g ? g.last_feature_group : undefined;
    if (groups !== w.last) {
      if (w.last !== undefined) w.stamps.push(performance.timeOrigin + performance.now());
      w.last = groups;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return false;
}"""
STAMPS = "() => window.__territorioWatch ? window.__territorioWatch.stamps.slice() : null"
CLICK = """(selector) => {
  const t = performance.timeOrigin + performance.now();
  document.querySelector(selector).click();
  return t;
}"""
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
STEP = ".st-key-step button"
PLAY = ".st-key-play button"
UNIT = ".st-key-play_unit [role=radiogroup] label"      # week, month, year
PACE = ".st-key-play_pace [role=radiogroup] label"      # the pace control, where the app has one (steps a second)
START_QUERY = "/?from=2015-01-01&to=2015-01-31"     # a month: Step moves it by a month, Play by a week


def calibrate(repeats: int = 3) -> float:
    """Seconds for a fixed reference workload (a seeded sort and a plain Python loop, ~0.5 s on the 2-core
    reference machine), the best of `repeats`: the machine's speed at the moment of measuring."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        values = np.random.default_rng(12345).random(4_000_000)
        np.sort(values, kind="stable")
        total = 0
        for i in range(5_000_000):
            total += i * i % 7
        best = min(best, time.perf_counter() - t0)
    return round(best, 4)


class Viewer:
    """One Chromium page on the map, with the watcher in its map frame."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(f"JS error: {e}"))

    def open(self, url: str) -> None:
        self.page.goto(url, timeout=120_000)
        self.page.wait_for_function(browser.SETTLED, timeout=120_000)
        self.page.wait_for_timeout(1500)          # the rerun the map's view report causes, and the chart
        self.page.wait_for_selector(IDLE, timeout=60_000)
        self.watch()

    def frame(self):
        return self.page.locator(browser.MAP_FRAME).element_handle(timeout=60_000).content_frame()

    def watch(self) -> None:
        self.frame().evaluate(WATCH)

    def stamps(self) -> list[float] | None:
        """The watcher's stamps (ms since the epoch); None when the map frame has been replaced."""
        with contextlib.suppress(Exception):
            return self.frame().evaluate(STAMPS)
        return None

    def click(self, selector: str) -> float:
        return self.page.evaluate(CLICK, selector)

    def choose(self, selector: str, index: int) -> None:
        self.page.locator(selector).nth(index).click()
        self.page.wait_for_timeout(300)
        self.page.wait_for_selector(IDLE, timeout=60_000)

    def step(self, timeout_s: float = 20) -> tuple[float | None, bool]:
        """(ms from the click to the map redrawn, whether the map frame survived). A click the page drops is
        clicked again once (it is a lost click, reported by the caller as a slow step)."""
        before = self.stamps()
        if before is None:
            return None, False
        clicked = self.click(STEP)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            now = self.stamps()
            if now is None:
                return None, False
            if len(now) > len(before):
                self.page.wait_for_selector(IDLE, timeout=60_000)
                return now[len(before)] - clicked, True
            self.page.wait_for_timeout(5)
        return None, True

    def window_start(self) -> dt.date:
        return dt.date.fromisoformat(self.page.evaluate("new URLSearchParams(location.search).get('from')"))

    def play(self, seconds: float) -> tuple[list[float], bool]:
        """Press Play, hold for `seconds`, press Pause: the stamps of the frames shown meanwhile, and whether
        the map frame survived."""
        before = self.stamps() or []
        start = self.click(PLAY)
        self.page.wait_for_timeout(seconds * 1000)
        end = start + seconds * 1000
        self.click(PLAY)
        self.page.wait_for_timeout(1500)
        self.page.wait_for_selector(IDLE, timeout=60_000)
        after = self.stamps()
        if after is None:
            return [], False
        return [s for s in after[len(before):] if start <= s <= end], True


def _stats(name: str, values: list[float]) -> dict:
    if not values:
        return {f"{name}_p50": None, f"{name}_p95": None}
    return {f"{name}_p50": round(float(np.percentile(values, 50)), 1),
            f"{name}_p95": round(float(np.percentile(values, 95)), 1)}


def measure(url: str, pid: int, start_query: str, steps: int = 20, play_s: float = 30, pace: int | None = None,
            log=lambda _m: None) -> dict:
    """Open `url + start_query` in Chromium, click Step `steps` times, then Play for `play_s` seconds (by week,
    at `pace` steps a second where the app has a pace control whose option starts with that number)."""
    from playwright.sync_api import sync_playwright

    out: dict = {}
    with sync_playwright() as p:
        chrome = p.chromium.launch(executable_path=browser.chromium(), args=browser.CHROMIUM_ARGS)
        page = chrome.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.route("**/*", browser._local_only)
        viewer = Viewer(page)
        viewer.open(url + start_query)
        cpu0 = browser.cpu_s(pid)
        times, lost, survived = [], 0, True
        for _ in range(steps):
            ms, alive = viewer.step()
            survived &= alive
            if not alive:
                viewer.watch()
            if ms is None:
                lost += 1
            else:
                times.append(ms)
        cpu1 = browser.cpu_s(pid)
        log(f"  steps: {_stats('ms', times)}")
        viewer.choose(UNIT, 0)                     # by week: room for 30 s of frames at any pace
        pace_shown = None
        if pace is not None and page.locator(PACE).count():
            labels = [page.locator(PACE).nth(i).inner_text() for i in range(page.locator(PACE).count())]
            index = next((i for i, text in enumerate(labels) if text.strip().startswith(str(pace))), None)
            if index is not None:
                viewer.choose(PACE, index)
                pace_shown = pace
        viewer.watch()
        cpu2, first = browser.cpu_s(pid), viewer.window_start()
        frames, alive = viewer.play(play_s)
        cpu3, moved = browser.cpu_s(pid), (viewer.window_start() - first).days // 7
        updates = max(moved, 1)
        survived &= alive
        intervals = list(np.diff(frames)) if len(frames) > 1 else []
        out.update({
            "steps": steps, **_stats("step_ms", times), "step_ms_max": round(max(times), 1) if times else None,
            "step_clicks_lost": lost,
            "server_cpu_ms_per_step": round((cpu1 - cpu0) * 1000 / max(len(times), 1), 1),
            "play_s": play_s, "play_pace": pace_shown, "play_frames": len(frames),
            "play_fps": round(len(frames) / play_s, 2),
            **_stats("play_interval_ms", intervals),
            "play_interval_ms_sd": round(statistics.pstdev(intervals), 1) if intervals else None,
            "play_updates": moved, "play_frames_not_painted": max(moved - len(frames), 0),
            "server_cpu_ms_per_update": round((cpu3 - cpu2) * 1000 / updates, 1),
            "map_remounted": not survived, "errors": viewer.errors,
        })
        chrome.close()
    return out


def size_name(size: int | None) -> str:
    return "catalog" if size is None else str(size)


def run(sizes: list[int | None], app_dir: str | None = None, steps: int = 20, play_s: float = 30,
        pace: int | None = 8, seed: int = 0, log=lambda _m: None) -> dict:
    """The viewer on each size (None: the catalog itself; N: N synthetic incidents, labelled so) on a fresh
    server of the checkout at `app_dir` (this one by default), with the calibration before and after."""
    cal_before = calibrate()
    log(f"calibration: {cal_before} s")
    out: dict = {"app_dir": app_dir, "calibration_s_before": cal_before}
    for size in sizes:
        env = {settings.SYNTHETIC.name: "" if size is None else f"{size}:{seed}"}
        log(f"{size_name(size)}: server and Chromium")
        with browser.app_server(env, app_dir=app_dir) as (url, pid):
            figures = measure(url, pid, START_QUERY, steps, play_s, pace, log)
        out[size_name(size)] = {**figures, "synthetic": size is not None}
    out["calibration_s_after"] = cal_after = calibrate()
    out["calibration_s"] = cal = round((cal_before + cal_after) / 2, 4)
    for size in sizes:
        out[size_name(size)].update(relative(out[size_name(size)], cal))
    return out


RELATIVE = ("step_ms_p50", "step_ms_p95", "server_cpu_ms_per_step", "server_cpu_ms_per_update")


def relative(figures: dict, calibration_s: float) -> dict:
    """Each time as a multiple of the calibration run (unitless, comparable across days); frames per second
    as frames per calibration run."""
    cal_ms = calibration_s * 1000
    rel = {f"{k}_per_cal": round(figures[k] / cal_ms, 3) for k in RELATIVE if figures.get(k) is not None}
    if figures.get("play_fps") is not None:
        rel["play_frames_per_cal"] = round(figures["play_fps"] * calibration_s, 2)
    return rel
