"""Where things live: the repository's geodata, and the shared reference data beside a checkout."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def geodata_dir() -> Path:
    """The embedded data package (override with TERRITORIO_GEODATA)."""
    return Path(os.environ.get("TERRITORIO_GEODATA", REPO_ROOT / "geodata"))


def shared_dir() -> Path:
    """The reference data beside a development checkout; a user's clone has none."""
    return Path(os.environ.get("TERRITORIO_SHARED", REPO_ROOT.parent / "shared"))
