"""Every TERRITORIO_* setting, declared once as a table (name, default, what it does) and read here only.

docs/SETTINGS.md shows the same table (`markdown_table()` writes it); tests/unit/test_settings.py fails when
a TERRITORIO_* name in the tree is not in SETTINGS, when the page differs from the table, or when a module
reads the environment for one of them itself. The defaults of the import caps (territorio.imports.safety)
come from this table too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str      # what holds when the variable is unset or blank ("": nothing)
    help: str         # what it does, as docs/SETTINGS.md says it
    group: str        # where it matters: data, server, imports, command line, tests

    def raw(self, env: Mapping[str, str] | None = None) -> str:
        """The value set in the environment (`env`, default os.environ), stripped; "" when unset."""
        return (os.environ if env is None else env).get(self.name, "").strip()

    def value(self, env: Mapping[str, str] | None = None) -> str:
        """The value set, or the default."""
        return self.raw(env) or self.default

    def positive(self, env: Mapping[str, str] | None = None) -> float | None:
        """The value set as a positive number; None when unset, not a number, or not above zero."""
        try:
            number = float(self.raw(env))
        except ValueError:
            return None
        return number if number > 0 else None


GEODATA = Setting("TERRITORIO_GEODATA", "geodata", "the data package the app and the command line read, a folder "
                  "with `datapackage.json` (a relative default is the repository's own; tests use a copy)", "data")
DATA = Setting("TERRITORIO_DATA", "", "a file (CSV, ACLED, GeoJSON, ...) loaded into every dashboard session as if "
               "each visitor had uploaded it; `territorio serve --data FILE` sets it", "data")
SYNTHETIC = Setting("TERRITORIO_SYNTHETIC", "", "benchmarks only: `N` or `N:SEED` generated incidents shown instead of "
                    "the catalog's, with a banner on every page; `territorio serve --synthetic N` sets it", "data")
WORKSPACE = Setting("TERRITORIO_WORKSPACE", "workspace", "the folder where datasets kept with `territorio import` "
                    "or \"keep in this workspace\" live (GeoParquet and a JSON of each); a relative default is beside "
                    "the app; every visitor of the server sees what is kept there", "data")
SHARED = Setting("TERRITORIO_SHARED", "../shared", "the reference data beside a development checkout, from which "
                 "`territorio data build` derives geodata/ (a relative default is beside the repository)", "data")
PUBLIC_URL = Setting("TERRITORIO_PUBLIC_URL", "http://localhost:8501/", "the address readers open: citation links "
                     "use it, and the server answers to its host", "server")
ALLOWED_HOSTS = Setting("TERRITORIO_ALLOWED_HOSTS", "", "more host names (or addresses) the server answers to, "
                        "comma-separated, ports ignored: `map.example.org,192.0.2.10`", "server")
ASSETS_URL = Setting("TERRITORIO_ASSETS_URL", "", "set by the server for its pages (not by people): where it serves "
                     "Leaflet, jQuery and MarkerCluster; unset, maps carry them inline", "server")
MAX_UPLOAD_MB = Setting("TERRITORIO_MAX_UPLOAD_MB", "50", "the largest file a visitor may import, in MB; the server "
                        "refuses larger uploads as they arrive (whole MB, rounded up)", "imports")
MAX_ROWS = Setting("TERRITORIO_MAX_ROWS", "200000", "rows an imported file may hold (CSV lines, features, "
                   "Placemarks)", "imports")
MAX_COLUMNS = Setting("TERRITORIO_MAX_COLUMNS", "500", "columns an imported file may hold", "imports")
MAX_VERTICES = Setting("TERRITORIO_MAX_VERTICES", "1000000", "points and polygon vertices an imported file may "
                       "hold together", "imports")
IMPORT_SECONDS = Setting("TERRITORIO_IMPORT_SECONDS", "60", "seconds an import may take as a whole (reading, "
                         "checking, validating) before it is stopped", "imports")
IMPORT_MEMORY_MB = Setting("TERRITORIO_IMPORT_MEMORY_MB", "3072", "memory (address space, MB) an import may add to "
                           "its process before it is stopped (Linux)", "imports")
DEBUG = Setting("TERRITORIO_DEBUG", "", "`1`: the command line prints an error's traceback as well as its one "
                "line", "command line")
SKIP_E2E = Setting("TERRITORIO_SKIP_E2E", "", "tests only: set, the browser tests skip where Chromium is missing "
                   "instead of failing", "tests")

SETTINGS: tuple[Setting, ...] = (GEODATA, DATA, SYNTHETIC, WORKSPACE, SHARED, PUBLIC_URL, ALLOWED_HOSTS, ASSETS_URL,
                                 MAX_UPLOAD_MB, MAX_ROWS, MAX_COLUMNS, MAX_VERTICES, IMPORT_SECONDS, IMPORT_MEMORY_MB,
                                 DEBUG, SKIP_E2E)
BY_NAME = {s.name: s for s in SETTINGS}


def markdown_table() -> str:
    """The table docs/SETTINGS.md shows."""
    rows = ["| setting | default | what it does | matters to |", "| --- | --- | --- | --- |"]
    rows += [f"| `{s.name}` | {f'`{s.default}`' if s.default else 'unset'} | {s.help} | {s.group} |" for s in SETTINGS]
    return "\n".join(rows) + "\n"
