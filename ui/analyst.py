"""Streamlit glue for 'take this away': downloads of a view (CSV, GeoJSON, GeoPackage, PNG, SVG) and
'Cite this view'. The work is done by territorio.outputs (export, picture, citation)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import streamlit as st

from loaders import geodata
from territorio.i18n import t
from territorio.outputs import export, names, picture

EXPORTS = ("csv", "geojson", "gpkg")


MAP_STEM = "map"     # the map page's files are named by their area, dates and language alone


def _file_name(stem: str, spec, lang: str, ext: str) -> str:
    return names.file_name(spec, lang, ext, what="" if stem == MAP_STEM else stem)


def _picture(cat, joined, spec, lang: str, fmt: str) -> bytes:
    return picture.render_map(cat, joined, spec, lang, fmt, municipalities=geodata.read("municipalities")).data


def downloads(cat, joined, spec, lang: str, stem: str, key: str) -> None:
    """One download button per export format and picture format, for exactly the incidents `spec` selects.
    Files are made only when their button is clicked (a rerun of the map page must stay cheap)."""
    columns = st.columns(len(EXPORTS) + len(picture.FORMATS))
    for col, fmt in zip(columns, EXPORTS):
        ext, mime, make = export.FORMATS[fmt]
        col.download_button(t(f"download_{fmt}", lang), partial(make, cat, joined, spec, lang),
                            _file_name(stem, spec, lang, ext), mime, key=f"{key}_{fmt}", on_click="ignore")
    for col, fmt in zip(columns[len(EXPORTS):], picture.FORMATS):
        col.download_button(t(f"download_{fmt}", lang), partial(_picture, cat, joined, spec, lang, fmt),
                            _file_name(stem, spec, lang, fmt), picture.FORMATS[fmt], key=f"{key}_{fmt}",
                            on_click="ignore")


def cite_box(text: str, lang: str) -> None:
    st.caption(t("cite_heading", lang))
    st.code(text, language=None, wrap_lines=True)


def today() -> dt.date:
    return dt.date.today()
