"""What every page does first. Pages must not rely on app.py (a cold deep link runs a page alone)."""

from __future__ import annotations

import streamlit as st

from loaders import catalog as catalog_loader
from loaders import geodata
from territorio import settings
from territorio.i18n import LANG_NAMES, LANGS, normalise_lang, t
from territorio.i18n.numbers import fmt_int
from territorio.i18n.text import escape_markdown
from ui import layout


def setup_page(title_key: str) -> str:
    """Page config, the language switch (bound to ?lang=), and the page title. Returns the language."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = normalise_lang(st.query_params.get("lang"))
    st.set_page_config(page_title=f"{t(title_key, st.session_state['lang'])} · Territorio",
                       layout="wide", initial_sidebar_state="auto")     # "auto": closed on phones
    layout.page_css()
    with st.sidebar:
        lang = st.radio("Language / Idioma", options=list(LANGS), format_func=LANG_NAMES.get,
                        horizontal=True, key="lang")
    st.query_params["lang"] = lang
    synthetic_banner(lang)
    return lang


def synthetic_banner(lang: str) -> None:
    """On every page while the data is synthetic: none of it is real."""
    setting = catalog_loader.synthetic_setting()
    if setting:
        st.error(t("synthetic_banner", lang, n=fmt_int(setting[0], lang), seed=setting[1]), icon="⚠️")


def show_url_notes(notes, lang: str, limit: int = 300) -> None:
    """What the page could not use from its address (territorio.selection.urlstate notes), as warnings whose
    text is never markup (values from a link are cut and escaped)."""
    for note in notes:
        st.warning(escape_markdown(note.message(lang), limit=limit), icon=None)


def data_version() -> str:
    return geodata.data_version()


def footer(lang: str) -> None:
    st.caption(f"{t('attribution', lang)} {t('data_version', lang, version=data_version())}")


def catalog():
    """The embedded catalog, loaded once per server by loaders.catalog (read-only)."""
    return catalog_loader.load()


def joined_catalog():
    """The catalog's incidents joined to parishes, sectors, peace zones and control, once per server by
    loaders.catalog; synthetic incidents instead when TERRITORIO_SYNTHETIC is set (benchmarks only)."""
    return catalog_loader.joined(catalog_loader.synthetic_setting())


def asset_base() -> str:
    """Where this server serves Leaflet & co. ('' when it does not: maps then carry them inline)."""
    return settings.ASSETS_URL.raw()
