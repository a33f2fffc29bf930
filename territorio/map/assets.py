"""Leaflet, jQuery and MarkerCluster from installed PyPI packages (xstatic-*): as data: URIs, or as URLs
of the running app.

folium points its maps at CDNs; with no internet the map stays blank. Every JS/CSS file the map
needs is read from the installed packages instead. As data: URIs (with the images Leaflet's CSS
refers to inlined) a map needs no request at all: that is what files made for elsewhere use. The
running app also serves the package folders itself (ui/server.py), and its maps point at
those URLs: the browser fetches and caches them once instead of receiving 375 KB of inlined scripts
with every update. Nothing third-party lives in this repo.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

import xstatic.pkg.jquery as xjquery
import xstatic.pkg.leaflet as xleaflet
import xstatic.pkg.leaflet_markercluster as xcluster

_SOURCE_MAP = re.compile(rb"/[/*]# sourceMappingURL=\S+")


def _read(base: str, name: str) -> bytes:
    return _SOURCE_MAP.sub(b"", (Path(base) / name).read_bytes())


def _data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def _inline_images(css: bytes, base: str) -> bytes:
    """url(images/x.png) -> url(data:image/png;base64,...)."""

    def repl(match: re.Match) -> bytes:
        path = Path(base) / match.group(1).decode()
        if not path.exists():
            return b"url(data:,)"
        return b"url(" + _data_uri("image/png", path.read_bytes()).encode() + b")"

    return re.sub(rb"url\(['\"]?(images/[^)'\"]+)['\"]?\)", repl, css)


# package -> the folder its files are installed in (what the app serves under ASSETS_URL/<package>/; the
# server tells its pages where in the TERRITORIO_ASSETS_URL setting)
PACKAGES = {"leaflet": xleaflet.BASE_DIR, "jquery": xjquery.BASE_DIR, "markercluster": xcluster.BASE_DIR}

# name (as folium's own default_js/default_css name them) -> (package, file)
JS_FILES = {
    "leaflet": ("leaflet", "leaflet.js"),
    "jquery": ("jquery", "jquery.min.js"),
    "markerclusterjs": ("markercluster", "leaflet.markercluster.js"),
}
CSS_FILES = {
    "leaflet_css": ("leaflet", "leaflet.css"),
    "markerclustercss": ("markercluster", "MarkerCluster.css"),
    "markerclusterdefaultcss": ("markercluster", "MarkerCluster.Default.css"),
}

VERSIONS = {
    "leaflet": xleaflet.VERSION,
    "jquery": xjquery.VERSION,
    "leaflet.markercluster": xcluster.VERSION,
}


def package_file(package: str, name: str) -> bytes:
    """A file of an installed package (see PACKAGES) as it is, minus its source-map comment: what a published
    folder copies beside its pages."""
    return _read(PACKAGES[package], name)


@lru_cache(maxsize=None)
def js(name: str) -> str:
    package, file = JS_FILES[name]
    return _data_uri("text/javascript", _read(PACKAGES[package], file))


@lru_cache(maxsize=None)
def css(name: str) -> str:
    package, file = CSS_FILES[name]
    return _data_uri("text/css", _inline_images(_read(PACKAGES[package], file), PACKAGES[package]))


def served(base_url: str, names: list[str]) -> list[tuple[str, str]]:
    """(name, URL) of files the app serves under base_url (see PACKAGES)."""
    files = {**JS_FILES, **CSS_FILES}
    return [(n, f"{base_url.rstrip('/')}/{files[n][0]}/{files[n][1]}") for n in names]


def map_js() -> list[tuple[str, str]]:
    """What a folium Map needs: Leaflet, and jQuery for folium's Popup template."""
    return [("leaflet", js("leaflet")), ("jquery", js("jquery"))]


def map_css() -> list[tuple[str, str]]:
    return [("leaflet_css", css("leaflet_css"))]


def cluster_js() -> list[tuple[str, str]]:
    return [("markerclusterjs", js("markerclusterjs"))]


def cluster_css() -> list[tuple[str, str]]:
    return [("markerclustercss", css("markerclustercss")), ("markerclusterdefaultcss", css("markerclusterdefaultcss"))]
