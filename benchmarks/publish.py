"""`territorio bench --publish`: the published explorer at the readers' end. Publishes the catalog and N synthetic
incidents into temporary folders, then in headless Chromium (every request but the folder's own blocked)
measures the folder's and the data's sizes, the time until the page is interactive (navigation start to the
explorer's ready mark, first draw included) and the time a slider step takes to filter, count, redraw and paint.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks.browser import CHROMIUM_ARGS, chromium

READY = "html[data-ready='1']"
# One slider step, timed inside the page: its own work (filter, count, sentence, layers), and until painted: two
# animation frames later, when Leaflet's canvas (which redraws on the next frame) has painted. The second
# includes waiting for the display's frames (up to ~33 ms at 60 Hz) that a reader does not feel as work.
STEP_JS = """() => new Promise(done => {
  const t0 = performance.now();
  const moved = window.territorioExplorer.step();
  const work = performance.now() - t0;
  requestAnimationFrame(() => requestAnimationFrame(() => done({ms: performance.now() - t0, work, moved})))
})"""
INTERACTIVE_JS = "() => window.territorioExplorer.readyAt"   # ms since navigation start


@dataclass
class Sealed:
    """A page that may load only file: and data: URLs and the hosts named (all other requests are blocked and
    recorded), and that records JavaScript errors and refused resources."""
    page: object
    blocked: list
    errors: list


def sealed_page(browser, viewport=(1280, 720), allow_hosts: tuple[str, ...] = ()) -> Sealed:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    blocked, errors = [], []

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:", "about:")) or any(url.startswith(h) for h in allow_hosts):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" or "Content Security" in m.text else None)
    return Sealed(page, blocked, errors)


@contextlib.contextmanager
def static_server(root: Path, port: int):
    """`python -m http.server` on 127.0.0.1:port serving `root` (a plain static host); its URL."""
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(root)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def publish(out: Path, *args: str) -> None:
    from territorio.cli import main

    code = main.main(["publish", "--out", str(out), *args])
    if code:
        raise RuntimeError(f"territorio publish {' '.join(args)} failed with exit code {code}")


def folder_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def interactive_s(browser, index: Path, runs: int) -> float:
    """Median seconds from navigation start to the explorer's ready mark (after its first draw)."""
    times = []
    for _ in range(runs):
        s = sealed_page(browser)
        s.page.goto(index.as_uri())
        s.page.wait_for_selector(READY, timeout=30_000)
        times.append(s.page.evaluate(INTERACTIVE_JS) / 1000)
        s.page.context.close()
    return statistics.median(times)


def step_ms(browser, index: Path, steps: int, hash_: str) -> list[tuple[float, float]]:
    """(work, until painted) in ms for each of up to `steps` slider steps from the window in `hash_`."""
    s = sealed_page(browser)
    s.page.goto(index.as_uri() + hash_)
    s.page.wait_for_selector(READY, timeout=30_000)
    out = []
    for _ in range(steps):
        got = s.page.evaluate(STEP_JS)
        if not got["moved"]:
            break
        out.append((got["work"], got["ms"]))
    s.page.context.close()
    return out


def run(incidents: int, seed: int, runs: int, steps: int, say) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp, open(os.devnull, "w") as quiet:
        catalog_dir, synthetic_dir = Path(tmp) / "catalog", Path(tmp) / "synthetic"
        say("publishing the catalog and the synthetic incidents ...")
        with contextlib.redirect_stdout(quiet):
            t0 = time.perf_counter()
            publish(catalog_dir)
            out["publish_catalog_s"] = round(time.perf_counter() - t0, 2)
            t0 = time.perf_counter()
            publish(synthetic_dir, "--synthetic", str(incidents), "--seed", str(seed))
            out["publish_synthetic_s"] = round(time.perf_counter() - t0, 2)
        out["catalog_folder_mb"] = round(folder_size(catalog_dir) / 1e6, 3)
        out["synthetic_incidents"] = incidents
        out["synthetic_folder_mb"] = round(folder_size(synthetic_dir) / 1e6, 3)
        out["synthetic_data_mb"] = round(folder_size(synthetic_dir / "data") / 1e6, 3)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            say("measuring the time to interactive ...")
            out["catalog_interactive_s"] = round(interactive_s(browser, catalog_dir / "index.html", runs), 3)
            out["synthetic_interactive_s"] = round(interactive_s(browser, synthetic_dir / "index.html", runs), 3)
            say("measuring slider steps ...")
            for name, hash_ in (("month", "#from=2013-01-01&to=2013-01-31&unit=month"),
                                ("year", "#from=2013-01-01&to=2013-12-31&unit=year")):
                work, painted = zip(*step_ms(browser, synthetic_dir / "index.html", steps, hash_))
                out[f"synthetic_step_{name}_work_ms_median"] = round(statistics.median(work), 1)
                out[f"synthetic_step_{name}_ms_median"] = round(statistics.median(painted), 1)
                out[f"synthetic_step_{name}_ms_max"] = round(max(painted), 1)
            browser.close()
    return out
