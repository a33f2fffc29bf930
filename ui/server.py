"""The server: Streamlit's st.App on app.py, with what this app adds around Streamlit's own routes.

`streamlit run app.py` finds the st.App that app.py builds from `app_options()` and serves it, so every
launcher gets the same server: `python -m ui.server [streamlit options...]`, `territorio serve` and
scripts/run.sh all come here and run `streamlit run app.py`. What it adds:

- the Host allowlist and the security headers (ui/guard.py) on every request, the websocket included;
- Leaflet, jQuery and MarkerCluster served from their installed packages at ASSETS_URL;
- Streamlit's upload limit set from the app's own (TERRITORIO_MAX_UPLOAD_MB), so an upload over it is
  refused while it arrives and the uploader shows the limit that applies;
- Streamlit's own Host check on the websocket given the same list;
- the page error of ui/errors.py for what escapes a page;
- every run through app.py, and the heavy modules and the data ready before the first visitor.
"""

from __future__ import annotations

import contextlib
import importlib
import math
import os
import sys

from territorio.paths import REPO_ROOT

# Imported before the server listens, so the first viewer of a fresh server does not wait for them (about
# 1.4 s with the join, on the 2-core reference machine): a first run that imports or joins would also hold
# the GIL while the browser fetches the map component and Leaflet from this same process. Not streamlit_folium:
# it declares its component on import, which must happen inside the running app (else the map stays blank).
WARM_MODULES = ("geopandas", "folium", "altair", "loaders.catalog", "territorio.catalog.join",
                "territorio.map.incidents", "territorio.analysis.timeline", "territorio.map.basemap",
                "territorio.catalog.asof", "territorio.map.groups", "territorio.selection.describe",
                "territorio.selection.urlstate", "territorio.selection.playback", "territorio.outputs.provenance",
                "territorio.outputs.citation", "territorio.outputs.export", "territorio.imports",
                "ui.analyst", "ui.common", "ui.explore", "ui.imports", "ui.stories", "loaders.workspace", "ui.datasets")
WARM_DATASETS = 2     # the newest kept datasets joined before listening (about 0.4 s each at 100,000 rows)


def _warm() -> None:
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except Exception:      # a missing module surfaces where the page imports it, with its own message
            pass
    try:                       # and the data, joined, which loaders.catalog keeps once made
        catalog = importlib.import_module("loaders.catalog")
        catalog.joined(catalog.synthetic_setting())
        _warm_datasets()
    except Exception:          # a failure shows on the page itself, with its own message
        pass


def _warm_datasets() -> None:
    """The newest kept datasets, read and joined: a shared link to one opens without waiting for that."""
    from loaders import workspace
    from territorio.selection.dataset import DatasetChoice

    for info in workspace.listing()[:WARM_DATASETS]:
        workspace.joined(DatasetChoice(info.id))


@contextlib.asynccontextmanager
async def _lifespan(_app):
    _warm()                    # before the server accepts its first connection
    yield None


ASSETS_URL = "/territorio-assets"


def _asset_routes() -> list:
    """Leaflet, jQuery and MarkerCluster from their installed packages at ASSETS_URL/<package>/; the pages
    are told so (territorio.settings.ASSETS_URL)."""
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles
    from streamlit import config

    from territorio import settings
    from territorio.map import assets

    prefix = config.get_option("server.baseUrlPath").strip("/")
    url = f"/{prefix}{ASSETS_URL}" if prefix else ASSETS_URL
    os.environ[settings.ASSETS_URL.name] = url       # read by the pages (ui.common.asset_base)
    return [Mount(f"{url}/{name}", app=StaticFiles(directory=folder), name=f"territorio-{name}")
            for name, folder in assets.PACKAGES.items()]


def upload_limit_mb() -> int:
    """The app's upload limit in whole megabytes (Streamlit counts in MB), rounded up: the app's own check
    stays exact."""
    from territorio.imports import Limits
    from territorio.imports.safety import MB

    return max(1, math.ceil(Limits.from_env().max_bytes / MB))


def streamlit_settings(allowed: frozenset[str]) -> dict:
    """The Streamlit options the server sets from the app's own settings."""
    return {"server.maxUploadSize": upload_limit_mb(), "server.allowedHosts": sorted(allowed)}


def _apply(settings: dict) -> None:
    """Set Streamlit options now and again whenever Streamlit re-reads its config files."""
    from streamlit import config

    def apply() -> None:
        for key, value in settings.items():
            config.set_option(key, value, "territorio (ui/server.py)")

    apply()
    config.on_config_parsed(apply, force_connect=True)


def app_options() -> dict:
    """The keyword arguments of app.py's st.App."""
    from starlette.middleware import Middleware
    from streamlit import config
    from streamlit.runtime.pages_manager import PagesManager

    from ui import errors, guard

    # Streamlit honours the old pages/ directory until the first run calls st.navigation: a first request
    # that is a deep link (/sources) would run pages/sources.py alone, with an auto-generated menu.
    PagesManager.uses_pages_directory = False
    allowed = guard.allowed_hosts(config.get_option("server.address"))
    _apply(streamlit_settings(allowed))
    return {"routes": _asset_routes(), "middleware": [Middleware(guard.Guard, allowed=allowed)],
            "lifespan": _lifespan, "on_script_error": errors.on_script_error}


def main(argv: list[str] | None = None) -> int:
    from streamlit.web import cli as stcli

    sys.argv = ["streamlit", "run", str(REPO_ROOT / "app.py"), *(argv if argv is not None else sys.argv[1:])]
    return stcli.main()


if __name__ == "__main__":
    sys.exit(main())
