import pytest

from territorio.paths import shared_dir


@pytest.fixture
def shared():
    """The reference data beside a development checkout; tests that need it skip in a user's clone."""
    root = shared_dir()
    if not (root / "data").exists():
        pytest.skip(f"{root} not present (only in a development checkout)")
    return root


@pytest.fixture(scope="session")
def cat():
    """The embedded catalog (read-only)."""
    from loaders import catalog

    return catalog.load()


@pytest.fixture(scope="session")
def joined(cat):
    from territorio.catalog import join

    return join.join(cat)


@pytest.fixture
def run_coroutine():
    """Run a coroutine to its end on a fresh event loop in its own thread: the browser tests' Playwright keeps
    a loop running in this one, where asyncio.run refuses to start."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    def run(coroutine):
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, coroutine).result()

    return run
