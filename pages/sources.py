"""Sources & method: where every dataset comes from and how far to trust it."""

import streamlit as st

from territorio.i18n import t
from territorio.texts import text
from ui.common import footer, setup_page

lang = setup_page("page_sources")
st.title(t("page_sources", lang))
st.markdown(text("sources", lang))
footer(lang)
