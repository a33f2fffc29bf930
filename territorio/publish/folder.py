"""The published explorer as files: index.html (the full explorer), embed.html (the same for an <iframe>), the
script and styles, the data as a script that sets one global (Chromium refuses fetch() from a file:// page, and a
<script src> from the same folder is what a Content-Security-Policy of script-src 'self' allows), Leaflet and
MarkerCluster from the installed packages with their licence notices, and README.txt for the web desk.

`files` gives {path: bytes}; `write` puts them in a folder and `zip_bytes` in a zip (the map page's download):
the same bytes either way, so a zip from the page equals the folder the CLI writes for the same filters.
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from importlib import metadata, resources
from pathlib import Path

from territorio.catalog.datapackage import OCHA_ATTRIBUTION
from territorio.i18n import t
from territorio.map import assets
from territorio.outputs import provenance

DATA_FILE = "data/explorer-data.js"
DATA_GLOBAL = "territorioData"
# What the pages may load: scripts and styles from their own folder, images from it or inline (Leaflet's CSS
# draws a few as data: URIs); no connection, no frame, no form. Leaflet and MarkerCluster set styles through
# the DOM (element.style), which style-src does not govern, so no 'unsafe-inline' is needed.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; "
       "base-uri 'none'; form-action 'none'")
PAGES = {"index.html": "full", "embed.html": "embed"}
VENDOR = {   # path in the folder -> (package, file)
    "vendor/leaflet/leaflet.js": ("leaflet", "leaflet.js"),
    "vendor/leaflet/leaflet.css": ("leaflet", "leaflet.css"),
    **{f"vendor/leaflet/images/{n}": ("leaflet", f"images/{n}")
       for n in ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")},
    "vendor/markercluster/leaflet.markercluster.js": ("markercluster", "leaflet.markercluster.js"),
    "vendor/markercluster/MarkerCluster.css": ("markercluster", "MarkerCluster.css"),
    "vendor/markercluster/MarkerCluster.Default.css": ("markercluster", "MarkerCluster.Default.css"),
}
MARKERCLUSTER_NOTICE = """Copyright 2012 David Leaver. MIT License.
Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above
copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT
SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE."""


def _asset(name: str) -> str:
    return resources.files("territorio.publish.explorer").joinpath(name).read_text(encoding="utf-8")


PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")   # as the story player's page (stories/export.py)


def _fill(template: str, values: dict[str, str]) -> str:
    """Every {{name}} in one pass (a value never brings in a placeholder of its own)."""
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def data_script(payload: dict) -> str:
    """The payload as a script that sets one global. JSON is a JS literal; U+2028/U+2029 are escaped, since
    a script (unlike JSON.parse) once refused them inside strings."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{DATA_GLOBAL}={text};\n"


def page(payload: dict, kind: str) -> str:
    lang = payload["lang"]
    return _fill(_asset("page.html"), {
        "lang": html.escape(lang, quote=True), "kind": kind, "csp": CSP,
        "title": html.escape(payload["title"] or t("map_title", lang)),
        "attribution": html.escape(OCHA_ATTRIBUTION), "data": DATA_FILE,
    })


def _package_line(dist: str) -> str:
    meta = metadata.metadata(dist)
    return f"{meta['Summary']} (Python package {dist} {meta['Version']}, {meta['Home-page']})"


def licences() -> str:
    """The notices of the bundled libraries: Leaflet's own header and BSD-2 text, MarkerCluster's MIT text,
    each with the installed package it was copied from. (The story export, which holds Leaflet's notice, is
    imported here: it loads folium, which importing this module must not.)"""
    from territorio.stories.export import LEAFLET_NOTICE

    header = assets.package_file("leaflet", "leaflet.js").split(b"*/", 1)[0].decode("utf-8")
    header = header.removeprefix("/* @preserve")
    return "\n\n".join([
        "Third-party libraries in vendor/, copied unchanged from installed Python packages.",
        f"vendor/leaflet: {_package_line('xstatic-leaflet')}\n{header.strip()}\n{LEAFLET_NOTICE}",
        f"vendor/markercluster: {_package_line('xstatic-leaflet-markercluster')}\n{MARKERCLUSTER_NOTICE}",
    ]) + "\n"


def readme(payload: dict) -> str:
    lang = payload["lang"]
    return _fill(_asset("README.txt"), {
        "title": payload["title"] or t("map_title", lang), "version": payload["version"],
        "attribution": OCHA_ATTRIBUTION, "licence": provenance.licence("en"),
        "synthetic": "\nSYNTHETIC DATA: these incidents were generated for a benchmark; they are not real events.\n"
        if payload["synthetic"] else "",
    })


def files(payload: dict) -> dict[str, bytes]:
    """Every file of the published folder, by its path inside it (sorted, so a zip is the same each time)."""
    out = {name: page(payload, kind).encode("utf-8") for name, kind in PAGES.items()}
    out |= {"explorer.js": _asset("explorer.js").encode("utf-8"), "explorer.css": _asset("explorer.css").encode(),
            DATA_FILE: data_script(payload).encode("utf-8"), "README.txt": readme(payload).encode("utf-8"),
            "vendor/LICENSES.txt": licences().encode("utf-8")}
    out |= {path: assets.package_file(package, name) for path, (package, name) in VENDOR.items()}
    return dict(sorted(out.items()))


def write(payload: dict, out: Path) -> dict[str, int]:
    """The folder at `out` (made if missing; files of the same names replaced). Returns each file's size."""
    sizes = {}
    for path, data in files(payload).items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        sizes[path] = len(data)
    return sizes


ZIP_DATE = (2000, 1, 1, 0, 0, 0)   # a fixed date in every entry: the same selection gives the same zip


def zip_bytes(payload: dict, folder: str = "territorio-map") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files(payload).items():
            z.writestr(zipfile.ZipInfo(f"{folder}/{path}", ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()
