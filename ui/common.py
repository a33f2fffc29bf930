"""What every page does first. Pages must not rely on app.py (a cold deep link runs a page alone)."""

from __future__ import annotations

import streamlit as st

from loaders import geodata
from territorio.i18n import LANG_NAMES, LANGS, normalise_lang, t


def setup_page(title_key: str) -> str:
    """Page config, the language switch (bound to ?lang=), and the page title. Returns the language."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = normalise_lang(st.query_params.get("lang"))
    st.set_page_config(page_title=f"{t(title_key, st.session_state['lang'])} · Territorio",
                       layout="wide", initial_sidebar_state="expanded")
    with st.sidebar:
        lang = st.radio("Language / Idioma", options=list(LANGS), format_func=LANG_NAMES.get,
                        horizontal=True, key="lang")
    st.query_params["lang"] = lang
    return lang


def data_version() -> str:
    return geodata.data_version()


def footer(lang: str) -> None:
    st.caption(f"{t('attribution', lang)} {t('data_version', lang, version=data_version())}")


@st.cache_resource(show_spinner=False)
def catalog():
    """The embedded catalog, loaded once per server (read-only)."""
    from loaders import catalog as catalog_loader

    return catalog_loader.load()


@st.cache_resource(show_spinner=False)
def joined_catalog():
    """The catalog's incidents joined to parishes, sectors, peace zones and control, once per server."""
    from territorio import join

    return join.join(catalog())
