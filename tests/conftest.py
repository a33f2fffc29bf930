from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class Ran:
    """What a `territorio` command did: its exit code and what it wrote."""
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run the `territorio` command in this process, as the installed entry point does:
    cli("incidents", "--count", env={...}, cwd=path) -> Ran(code, out, err). Settings in `env` hold for that
    run only; the catalog is read once per data package (loaders.catalog), so runs cost milliseconds, not
    the second a fresh interpreter takes."""
    from territorio.cli import main

    def run(*args: str, env: dict | None = None, cwd=None) -> Ran:
        capsys.readouterr()
        with monkeypatch.context() as m:
            for key, value in (env or {}).items():
                m.setenv(key, str(value))
            if cwd is not None:
                m.chdir(cwd)
            try:
                code = main.main([str(a) for a in args])
            except SystemExit as exc:          # argparse: --help, --version, a wrong command line
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


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


E2E = Path(__file__).parent / "e2e"


def pytest_collection_modifyitems(items):
    """Every test under tests/e2e is a browser test: scripts/test.sh runs them apart from the others (which run
    two at a time), whether or not a file remembers its marker."""
    for item in items:
        if E2E in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
