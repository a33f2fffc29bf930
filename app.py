"""Territorio: the server, and the navigation every page runs through.

Streamlit reads this file twice over. `streamlit run app.py` (and every launcher, which all come to it)
imports it to find `app`, an st.App: the server with the app's guards (ui/server.py). Then each visitor's
run executes it as the page script (__main__), which only navigates, inside the friendly error display.
"""

import streamlit as st

if __name__ != "__main__":        # imported by `streamlit run` to serve
    from ui import server

    app = st.App(__file__, **server.app_options())
else:                             # a visitor's run
    from territorio.i18n import normalise_lang, t
    from ui.errors import shown_on_page

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
    with shown_on_page():
        page.run()
