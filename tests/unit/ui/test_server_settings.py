"""What the server is configured with before anything starts it: .streamlit/config.toml, read by every
launcher, and the upload limit the server takes from the app's own setting (ui/server.py)."""

from __future__ import annotations

import tomllib

import pytest

from territorio.imports import Limits
from territorio.imports.safety import MB
from territorio.paths import REPO_ROOT
from ui import server

CONFIG = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_the_config_binds_loopback_and_shows_no_error_details():
    assert CONFIG["server"]["address"] == "127.0.0.1"
    assert CONFIG["client"]["showErrorDetails"] == "none"


def test_the_configs_upload_limit_is_the_apps_default():
    assert CONFIG["server"]["maxUploadSize"] * MB == Limits().max_bytes


@pytest.mark.parametrize("setting,mb", [(None, 50), ("300", 300), ("1", 1), ("0.5", 1), ("12.2", 13), ("lots", 50)])
def test_the_servers_upload_limit_follows_territorio_max_upload_mb(monkeypatch, setting, mb):
    if setting is None:
        monkeypatch.delenv("TERRITORIO_MAX_UPLOAD_MB", raising=False)
    else:
        monkeypatch.setenv("TERRITORIO_MAX_UPLOAD_MB", setting)
    assert server.upload_limit_mb() == mb
    assert server.upload_limit_mb() * MB >= Limits.from_env().max_bytes > (server.upload_limit_mb() - 1) * MB


def test_streamlit_is_given_the_same_host_list_as_the_guard():
    settings = server.streamlit_settings(frozenset({"localhost", "news.example"}))
    assert settings["server.allowedHosts"] == ["localhost", "news.example"]
