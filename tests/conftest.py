import pytest

from territorio.paths import shared_dir


@pytest.fixture
def shared():
    """The reference data beside a development checkout; tests that need it skip in a user's clone."""
    root = shared_dir()
    if not (root / "data").exists():
        pytest.skip(f"{root} not present (only in a development checkout)")
    return root
