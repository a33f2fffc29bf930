"""Streamlit glue for 'take this away': downloads of a view (CSV, GeoJSON, GeoPackage, PNG, SVG) and
'Cite this view'. The work is done by territorio.export, territorio.render and territorio.citation."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from loaders import geodata
from territorio import citation, export, render
from territorio.i18n import t

EXPORTS = ("csv", "geojson", "gpkg")


def _file_name(stem: str, ext: str) -> str:
    return f"territorio-{stem}.{ext}"


def downloads(cat, joined, spec, lang: str, stem: str, key: str) -> None:
    """One download button per export format and picture format, for exactly the incidents `spec` selects."""
    columns = st.columns(len(EXPORTS) + len(render.FORMATS))
    for col, fmt in zip(columns, EXPORTS):
        ext, mime, make = export.FORMATS[fmt]
        col.download_button(t(f"download_{fmt}", lang), make(cat, joined, spec, lang), _file_name(stem, ext), mime,
                            key=f"{key}_{fmt}", on_click="ignore")
    for col, fmt in zip(columns[len(EXPORTS):], render.FORMATS):
        pic = render.render_map(cat, joined, spec, lang, fmt, municipalities=geodata.read("municipalities"))
        col.download_button(t(f"download_{fmt}", lang), pic.data, _file_name(stem, fmt), pic.mime,
                            key=f"{key}_{fmt}", on_click="ignore")


def cite_box(text: str, lang: str) -> None:
    st.caption(t("cite_heading", lang))
    st.code(text, language=None, wrap_lines=True)


def today() -> dt.date:
    return dt.date.today()
