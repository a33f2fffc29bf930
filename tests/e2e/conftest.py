"""A real Streamlit server on a free port, and real Chromium (Debian's package) that may talk to nothing else."""

from __future__ import annotations

import contextlib
from urllib.parse import urlparse

import pytest

from benchmarks.browser import CHROMIUM_ARGS, app_server, chromium
from territorio import settings
from territorio.paths import REPO_ROOT

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
HOSTILE = '<img src=x onerror="window.__pwned=1">'


def hostile_geodata(root):
    """A copy of the data package under `root` where names, titles, summaries and links are attacks: CCS-019's
    texts, its first source's link and outlet, and the name of Koki's gang. Returns the copy's folder."""
    import shutil

    import pandas as pd

    data = root / "geodata"
    shutil.copytree(REPO_ROOT / "geodata", data)
    inc = pd.read_csv(data / "incidents.csv", dtype=str, keep_default_na=False)
    row = inc.index[inc.id == "CCS-019"][0]
    for col in ("title_en", "actors_en", "summary_en", "place"):
        inc.loc[row, col] = HOSTILE + "<script>window.__pwned=2</script>"
    inc.to_csv(data / "incidents.csv", index=False)
    src = pd.read_csv(data / "sources.csv", dtype=str, keep_default_na=False)
    first = src.index[src.event_id == "CCS-019"][0]
    src.loc[first, ["url", "outlet"]] = ["javascript:window.__pwned=3", HOSTILE]
    src.to_csv(data / "sources.csv", index=False)
    actors = pd.read_csv(data / "catalog/actors.csv", dtype=str, keep_default_na=False)
    actors.loc[actors.actor_id == "koki_gang", "name"] = HOSTILE
    actors.to_csv(data / "catalog/actors.csv", index=False)
    return data


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
