"""A real Streamlit server on a free port, and real Chromium (Debian's package) that may talk to nothing else."""

from __future__ import annotations

import contextlib
from urllib.parse import urlparse

import pytest

from benchmarks.browser import CHROMIUM_ARGS, app_server, chromium
from territorio import settings

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


@contextlib.contextmanager
def serve(log_dir, env: dict | None = None):
    """A Streamlit server of the app on a free port (as `territorio serve` starts it); yields its URL."""
    with app_server(env, str(log_dir / "streamlit.log")) as (url, _pid):
        yield url


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    exe = chromium()
    if not exe:
        if settings.SKIP_E2E.raw():
            pytest.skip("chromium not installed and TERRITORIO_SKIP_E2E set")
        pytest.fail("chromium is not installed: scripts/test.sh installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page that blocks and records every request to a non-local host, and collects JS errors and
    Content-Security-Policy violations."""

    def __init__(self, page):
        self.page = page
        self.external: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", self._console)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("data:", "blob:", "about:")) or urlparse(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def _console(self, message) -> None:
        """A resource the app's Content-Security-Policy refused is an error too (ui/guard.py)."""
        if "Content Security Policy" in message.text:
            self.errors.append(message.text)

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
