"""Where things live: the repository's geodata, and the shared reference data beside a checkout."""

from __future__ import annotations

import os
from pathlib import Path

from territorio import settings

REPO_ROOT = Path(__file__).resolve().parents[1]


def geodata_dir() -> Path:
    """The embedded data package (override with TERRITORIO_GEODATA)."""
    return _setting_path(settings.GEODATA)


def workspace_dir() -> Path:
    """Where kept datasets live (override with TERRITORIO_WORKSPACE); created when the first one is kept."""
    return _setting_path(settings.WORKSPACE)


def shared_dir() -> Path:
    """The reference data beside a development checkout (override with TERRITORIO_SHARED); a user's clone has
    none."""
    return _setting_path(settings.SHARED)


def _setting_path(setting: settings.Setting) -> Path:
    """The folder a setting names; its default is relative to the repository."""
    return Path(setting.raw()) if setting.raw() else Path(os.path.normpath(REPO_ROOT / setting.default))
