"""Leaflet, jQuery and MarkerCluster from installed PyPI packages (xstatic-*), as data: URIs.

folium points its maps at CDNs; with no internet the map stays blank. Every JS/CSS file the map
needs is read from the installed packages instead, and the images Leaflet's CSS refers to are
inlined, so the browser makes no request at all for them. Nothing third-party lives in this repo.
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


# name -> (package dir, file, mime); the names folium's own default_js/default_css use
JS_FILES = {
    "leaflet": (xleaflet.BASE_DIR, "leaflet.js"),
    "jquery": (xjquery.BASE_DIR, "jquery.min.js"),
    "markerclusterjs": (xcluster.BASE_DIR, "leaflet.markercluster.js"),
}
CSS_FILES = {
    "leaflet_css": (xleaflet.BASE_DIR, "leaflet.css"),
    "markerclustercss": (xcluster.BASE_DIR, "MarkerCluster.css"),
    "markerclusterdefaultcss": (xcluster.BASE_DIR, "MarkerCluster.Default.css"),
}

VERSIONS = {
    "leaflet": xleaflet.VERSION,
    "jquery": xjquery.VERSION,
    "leaflet.markercluster": xcluster.VERSION,
}


@lru_cache(maxsize=None)
def js(name: str) -> str:
    base, file = JS_FILES[name]
    return _data_uri("text/javascript", _read(base, file))


@lru_cache(maxsize=None)
def css(name: str) -> str:
    base, file = CSS_FILES[name]
    return _data_uri("text/css", _inline_images(_read(base, file), base))


def map_js() -> list[tuple[str, str]]:
    """What a folium Map needs: Leaflet, and jQuery for folium's Popup template."""
    return [("leaflet", js("leaflet")), ("jquery", js("jquery"))]


def map_css() -> list[tuple[str, str]]:
    return [("leaflet_css", css("leaflet_css"))]


def cluster_js() -> list[tuple[str, str]]:
    return [("markerclusterjs", js("markerclusterjs"))]


def cluster_css() -> list[tuple[str, str]]:
    return [("markerclustercss", css("markerclustercss")), ("markerclusterdefaultcss", css("markerclusterdefaultcss"))]
