"""The import report: every row loaded or rejected with a reason, plus warnings; JSON for the CLI and the app.

An Issue carries a stable `code` and the values that fill its message, so the same issue reads in English
(the JSON) or Spanish (the app) from territorio/strings/imports.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd

from territorio.i18n import t

FORMATS = ("csv", "acled", "geojson", "gpkg", "shapefile", "kml", "kmz", "geoparquet")
KINDS = ("incidents", "areas")


class FileRejected(ValueError):
    """The file as a whole cannot be read; `code` and `params` let the app say it in Spanish too."""

    def __init__(self, code: str, **params: object):
        self.code, self.params = code, params
        super().__init__(t(f"imp_{code}", "en", **params))

    def message(self, lang: str = "en") -> str:
        return t(f"imp_{self.code}", lang, **self.params)


@dataclass(frozen=True)
class Issue:
    """One rejected row, or one warning (row None: about the whole file)."""
    row: int | None
    code: str
    params: dict = field(default_factory=dict)

    def message(self, file: str, lang: str = "en") -> str:
        where = f"{file} row {self.row}" if self.row is not None else file
        if lang == "es":
            where = f"{file} fila {self.row}" if self.row is not None else file
        return f"{where}: {t(f'imp_{self.code}', lang, **self.params)}"


@dataclass
class ImportResult:
    file: str
    format: str
    kind: str
    dataset: str
    rows_total: int = 0
    rejected: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    incidents: pd.DataFrame | None = None     # catalog incident columns + dataset + row
    areas: pd.DataFrame | None = None         # GeoDataFrame: dataset, row, id, name, description, geometry
    dating: str = "as given"                  # as given | undated | whole file dated D (a file with no dates)

    @property
    def frame(self) -> pd.DataFrame:
        return self.incidents if self.kind == "incidents" else self.areas

    @property
    def rows_loaded(self) -> int:
        return 0 if self.frame is None else len(self.frame)

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "file": self.file, "format": self.format, "kind": self.kind, "dataset": self.dataset,
            "dates": self.dating, "rows_total": self.rows_total, "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "rejected": [{"row": i.row, "code": i.code, "reason": i.message(self.file, lang)} for i in self.rejected],
            "warnings": [{"row": i.row, "code": i.code, "message": i.message(self.file, lang)}
                         for i in self.warnings],
        }

    def to_json(self, lang: str = "en") -> str:
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=1) + "\n"


def error_json(file: str, exc: FileRejected, lang: str = "en") -> str:
    """The report of a file rejected as a whole."""
    return json.dumps({"file": file, "error": exc.message(lang), "code": exc.code},
                      ensure_ascii=False, indent=1) + "\n"
