"""Territorio: entry point. Page navigation only; each page sets itself up."""

import streamlit as st

from territorio.i18n import normalise_lang, t

lang = normalise_lang(st.session_state.get("lang") or st.query_params.get("lang"))

page = st.navigation(
    [
        st.Page("pages/explore.py", title=t("page_explore", lang), default=True),
        st.Page("pages/profile.py", title=t("page_profile", lang), url_path="profile"),
        st.Page("pages/study.py", title=t("page_study", lang), url_path="study"),
        st.Page("pages/sources.py", title=t("page_sources", lang), url_path="sources"),
        st.Page("pages/upload.py", title=t("page_upload", lang), url_path="upload"),
        st.Page("pages/briefing.py", title=t("page_briefing", lang), url_path="briefing"),
    ]
)
page.run()
