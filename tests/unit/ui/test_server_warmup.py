"""What ui.server prepares before it listens. Its warm-up swallows errors (the page shows its own), so
these tests are what notices when a step of it stops working."""

import importlib

import pytest

from loaders import catalog as catalog_loader
from territorio import settings
from ui import server


@pytest.mark.parametrize("name", server.WARM_MODULES)
def test_every_warmed_module_exists(name):
    importlib.import_module(name)


def test_streamlit_folium_is_not_warmed():
    # it declares its component on import, which must happen inside the running app (else the map is blank)
    assert not any(name.startswith("streamlit_folium") for name in server.WARM_MODULES)


@pytest.mark.parametrize("setting", [None, "400:3"])
def test_the_data_is_joined_before_the_server_listens_and_kept(monkeypatch, setting):
    if setting:
        monkeypatch.setenv(settings.SYNTHETIC.name, setting)
    else:
        monkeypatch.delenv(settings.SYNTHETIC.name, raising=False)
    catalog_loader._joined.cache_clear()
    server._warm()
    info = catalog_loader._joined.cache_info()
    assert info.currsize == 1 and info.misses == 1
    expected = 400 if setting else len(catalog_loader.load().incidents)
    assert len(catalog_loader.joined(catalog_loader.synthetic_setting())) == expected


def test_the_served_app_warms_up_before_it_takes_connections(monkeypatch, run_coroutine):
    # the st.App in app.py runs this lifespan before uvicorn accepts its first connection
    calls = []
    monkeypatch.setattr(server, "_warm", lambda: calls.append("warm"))

    async def start():
        async with server._lifespan(None):
            calls.append("serving")

    run_coroutine(start())
    assert calls == ["warm", "serving"]
