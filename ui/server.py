"""Start Streamlit on app.py, the way `streamlit run app.py` does, with one fix.

Streamlit still honours the old `pages/` directory convention until the first run calls
st.navigation: on a freshly started server, a first request that is a deep link (/sources) would run
pages/sources.py alone, with an auto-generated menu. Declaring up front that this app uses
st.navigation makes every run go through app.py.

    python -m ui.server [streamlit options...]
"""

from __future__ import annotations

import importlib
import os
import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli as stcli

from territorio.paths import REPO_ROOT


# Imported before the server listens, so the first viewer of a fresh server does not wait for them (about
# 1.4 s with the join, on the 2-core reference machine): a first run that imports or joins would also hold
# the GIL while the browser fetches the map component and Leaflet from this same process. Not streamlit_folium:
# it declares its component on import, which must happen inside the running app (else the map stays blank).
WARM_MODULES = ("geopandas", "folium", "altair", "loaders.catalog", "territorio.join",
                "territorio.bulk_layers", "territorio.charts", "territorio.mapview", "territorio.asof",
                "territorio.mapgroups", "territorio.describe", "territorio.viewstate", "territorio.playback",
                "territorio.provenance", "territorio.citation", "territorio.export", "territorio.imports",
                "ui.analyst", "ui.common", "ui.explore", "ui.imports", "ui.stories")


def _warm() -> None:
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except Exception:      # a missing module surfaces where the page imports it, with its own message
            pass
    try:                       # and the data, joined, which loaders.catalog keeps once made
        catalog = importlib.import_module("loaders.catalog")
        catalog.joined(catalog.synthetic_setting())
    except Exception:          # a failure shows on the page itself, with its own message
        pass


ASSETS_URL = "/territorio-assets"


def _serve_assets() -> None:
    """Serve Leaflet, jQuery and MarkerCluster from their installed packages at ASSETS_URL/<package>/,
    ahead of Streamlit's own routes, and tell the pages so (territorio.offline_assets.ASSETS_ENV)."""
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles
    from streamlit.web.server.starlette import starlette_app

    from territorio import offline_assets

    streamlit_routes = starlette_app.create_streamlit_routes

    def with_assets(runtime):
        from streamlit import config

        prefix = config.get_option("server.baseUrlPath").strip("/")
        url = f"/{prefix}{ASSETS_URL}" if prefix else ASSETS_URL
        mounts = [Mount(f"{url}/{name}", app=StaticFiles(directory=folder), name=f"territorio-{name}")
                  for name, folder in offline_assets.PACKAGES.items()]
        os.environ[offline_assets.ASSETS_ENV] = url       # read by the pages (ui.common.asset_base)
        return [*mounts, *streamlit_routes(runtime)]

    starlette_app.create_streamlit_routes = with_assets


def main(argv: list[str] | None = None) -> int:
    _serve_assets()
    _warm()
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(REPO_ROOT / "app.py"), *(argv if argv is not None else sys.argv[1:])]
    return stcli.main()


if __name__ == "__main__":
    sys.exit(main())
