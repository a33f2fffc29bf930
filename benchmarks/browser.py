"""What needs a browser: the first paint of the map on a freshly started server, and many simultaneous
viewers. Debian's chromium driven by Playwright (no browser download), talking to localhost only."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlencode, urlparse

import numpy as np

from territorio import settings
from territorio.paths import REPO_ROOT

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
PAINTED = ".leaflet-incidents-pane canvas, .leaflet-incidents-pane path, .leaflet-incidents-pane .leaflet-marker-icon"
TYPES = ("homicide", "security_operation", "clash_security", "clash_armed_groups", "massacre")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ui_server_command(port: int) -> list[str]:
    """How `territorio serve` starts the server."""
    return [sys.executable, "-m", "ui.server", "--server.port", str(port), "--server.headless", "true",
            "--browser.gatherUsageStats", "false"]


@contextlib.contextmanager
def app_server(env: dict | None = None, log_path: str = os.devnull, command=ui_server_command,
               timeout: float = 90, app_dir: str | None = None):
    """A fresh server of the app on a free port, started by `command(port)` (by default as `territorio serve`
    starts it): (url, pid). The launcher and any server it starts are stopped together afterwards. `app_dir`:
    another checkout of the app to serve (its own modules first on the path), to measure two versions alike."""
    port = _free_port()
    env = {**os.environ, **(env or {})}
    if app_dir:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [app_dir, env.get("PYTHONPATH")]))
    with open(log_path, "w") as log:
        proc = subprocess.Popen(command(port), cwd=app_dir or REPO_ROOT, env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, timeout)
        yield url, proc.pid
    finally:
        _stop_group(proc)


def _stop_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@contextlib.contextmanager
def server(incidents: int, seed: int = 0, log_path: str = os.devnull):
    """A fresh server on synthetic incidents: (url, pid)."""
    with app_server({settings.SYNTHETIC.name: f"{incidents}:{seed}"}, log_path) as running:
        yield running


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app server exited with code {proc.returncode}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        time.sleep(0.25)
    raise RuntimeError(f"the app server did not answer at {url} within {timeout:.0f} s")


def peak_rss_mb(pid: int) -> float | None:
    """The peak resident memory of a process (VmHWM), in MB; None when it cannot be read."""
    with contextlib.suppress(OSError):
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def _local_only(route) -> None:
    url = route.request.url
    if url.startswith(("data:", "blob:", "about:")) or urlparse(url).hostname in {"127.0.0.1", "localhost"}:
        return route.continue_()
    return route.abort()


async def _local_only_async(route) -> None:
    url = route.request.url
    if url.startswith(("data:", "blob:", "about:")) or urlparse(url).hostname in {"127.0.0.1", "localhost"}:
        await route.continue_()
    else:
        await route.abort()


# --- first paint ----------------------------------------------------------------------------------

def first_paint(incidents: int, seed: int = 0, env: dict | None = None, query: str = "") -> float:
    """Seconds from opening the page on a freshly started server until the incidents are painted on
    the map (the server's first run includes generating and joining the data). With `env` the server runs
    on those settings instead of synthetic incidents (a workspace), and the page opens at `query`
    (?dataset=ID)."""
    from playwright.sync_api import sync_playwright

    running = app_server(env) if env is not None else server(incidents, seed)
    with running as (url, _pid), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.route("**/*", _local_only)
        t0 = time.perf_counter()
        page.goto(url + query, timeout=120_000)
        page.frame_locator(MAP_FRAME).locator(PAINTED).first.wait_for(state="attached", timeout=120_000)
        elapsed = time.perf_counter() - t0
        browser.close()
    return round(elapsed, 3)


# --- many viewers ---------------------------------------------------------------------------------

def _params(rng) -> str:
    year = int(rng.integers(2013, 2018))      # years of room for the time steps that follow
    month = int(rng.integers(1, 13))
    q = {"from": f"{year}-{month:02d}-01", "to": f"{year}-{month:02d}-28"}
    if rng.random() < 0.4:
        q["type"] = str(rng.choice(TYPES))
    if rng.random() < 0.2:
        q["min_fatalities"] = str(int(rng.choice([1, 2, 3])))
    return "?" + urlencode(q)


STEPPED = """(old) => {
  const app = document.querySelector("[data-testid='stApp']");
  return app && app.dataset.testScriptState === 'notRunning' && location.search.match(/from=[^&]*/)[0] !== old;
}"""
SETTLED = """() => location.search.includes('zoom=') &&
  document.querySelector("[data-testid='stApp']").dataset.testScriptState === 'notRunning'"""


async def _open(page, url: str, timeout_ms: int = 60_000) -> None:
    """Open a link and wait until the map has reported its view and the page has caught up with it."""
    await page.goto(url, timeout=timeout_ms)
    await page.wait_for_function(SETTLED, timeout=timeout_ms)


async def _step(page, lost: list, timeout_ms: int = 60_000) -> None:
    """Click "step" and wait until the rerun it causes has ended (the window in the URL has moved on).
    A click the page drops (it happens while a rerun is starting) is counted and clicked again."""
    old = await page.evaluate("location.search.match(/from=[^&]*/)[0]")
    for attempt in range(2):
        await page.click(".st-key-step button", timeout=timeout_ms)
        try:
            await page.wait_for_function(STEPPED, arg=old, timeout=10_000 if attempt == 0 else timeout_ms)
            return
        except Exception:
            if attempt:
                raise
            lost.append(1)


async def _session(browser, url: str, seed: int, duration: float, times: list, errors: list, lost: list) -> None:
    rng = np.random.default_rng(seed)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    await page.route("**/*", _local_only_async)
    page.on("pageerror", lambda e: errors.append(f"session {seed}: JS error: {e}"))
    try:
        await _open(page, url + _params(rng), timeout_ms=120_000)
        deadline = time.monotonic() + duration
        while time.monotonic() < deadline:
            t0 = time.perf_counter()
            kind = "step" if rng.random() < 0.6 else "open"
            if kind == "step":
                await _step(page, lost)
            else:
                await _open(page, url + _params(rng))
            times.append((kind, (time.perf_counter() - t0) * 1000))
            if await page.locator("[data-testid='stException']").count():
                errors.append(f"session {seed}: the page shows an exception")
                break
    except Exception as exc:            # a timeout or a crash is an error of the run, reported, not raised
        errors.append(f"session {seed}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        await context.close()


async def _sessions(url: str, count: int, duration: float) -> tuple[list, list]:
    from playwright.async_api import async_playwright

    times: list[float] = []
    errors: list[str] = []
    lost: list[int] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        await asyncio.gather(*(_session(browser, url, i, duration, times, errors, lost) for i in range(count)))
        await browser.close()
    return times, errors, len(lost)


def cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) a process has used so far; None when it cannot be read."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = open(f"/proc/{pid}/stat").read().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return None


def sessions(url: str, count: int, duration: float, server_pid: int | None = None) -> dict:
    """K viewers at once. The update times include the browsers' own work: on one machine the K Chromium
    clients share its cores with the server, so the server's CPU time is reported beside them."""
    cpu0 = cpu_s(server_pid) if server_pid else None
    times, errors, lost = asyncio.run(_sessions(url, count, duration))
    out = {"sessions": count, "duration_s": duration, "updates": len(times), "errors": errors,
           "step_clicks_lost": lost,
           **_percentiles("update_ms", [ms for _k, ms in times])}
    for kind in ("step", "open"):        # a time step (button) and a new link (filters via URL params)
        out.update(_percentiles(f"{kind}_ms", [ms for k, ms in times if k == kind]))
    out["server_peak_rss_mb"] = peak_rss_mb(server_pid) if server_pid else None
    cpu1 = cpu_s(server_pid) if server_pid else None
    out["server_cpu_s"] = round(cpu1 - cpu0, 1) if cpu0 is not None and cpu1 is not None else None
    out["server_cpu_ms_per_update"] = (round(out["server_cpu_s"] * 1000 / len(times), 1)
                                       if out["server_cpu_s"] is not None and times else None)
    return out


def _percentiles(name: str, values: list[float]) -> dict:
    if not values:
        return {f"{name}_p50": None, f"{name}_p95": None}
    return {f"{name}_p50": round(float(np.percentile(values, 50)), 1),
            f"{name}_p95": round(float(np.percentile(values, 95)), 1)}
