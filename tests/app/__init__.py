"""Every page under Streamlit's AppTest: `opened(path, **params)` is a page run once from a link."""

from streamlit.testing.v1 import AppTest

from territorio.paths import REPO_ROOT


def page(path: str, timeout: float = 60, **params) -> AppTest:
    """The page at `path` (from the repository's root), with the link's query parameters, not run yet."""
    at = AppTest.from_file(str(REPO_ROOT / path), default_timeout=timeout)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def opened(path: str, timeout: float = 60, **params) -> AppTest:
    """The page's first run, as a link opened cold."""
    return page(path, timeout, **params).run()
