"""A real Streamlit server on a free port, and real Chromium (Debian's package) that may talk to nothing else."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlparse

import pytest

from territorio.paths import REPO_ROOT

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"streamlit did not become healthy at {url} within {timeout}s")


@contextlib.contextmanager
def serve(log_dir, env: dict | None = None):
    """A Streamlit server of the app on a free port (as `territorio serve` starts it)."""
    port = _free_port()
    cmd = [sys.executable, "-m", "ui.server", "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true"]
    with open(log_dir / "streamlit.log", "w") as fh:
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=fh, stderr=subprocess.STDOUT,
                                env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        if os.environ.get("TERRITORIO_SKIP_E2E"):
            pytest.skip("chromium not installed and TERRITORIO_SKIP_E2E set")
        pytest.fail("chromium is not installed: scripts/test.sh installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page that blocks and records every request to a non-local host, and collects JS errors."""

    def __init__(self, page):
        self.page = page
        self.external: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(("data:", "blob:", "about:")) or urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.wait_idle()

    def wait_idle(self) -> None:
        self.page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)

    def map_frame(self):
        return self.page.frame_locator('iframe[title="streamlit_folium.st_folium"]')


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    w = Watched(context.new_page())
    yield w
    context.close()
    assert not w.errors, f"JavaScript errors on the page: {w.errors}"
