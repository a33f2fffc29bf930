"""Sources & method: where every dataset comes from, how far to trust it, and how to correct it."""

import pandas as pd
import streamlit as st

from territorio.analysis import coverage
from territorio.i18n import t
from territorio.i18n.texts import text
from ui.common import catalog, footer, joined_catalog, setup_page

lang = setup_page("page_sources")
cat, joined = catalog(), joined_catalog()

st.title(t("page_sources", lang))
st.markdown(text("sources", lang))

st.subheader(t("sectors_table", lang))
st.dataframe(
    pd.DataFrame({t("col_sector", lang): cat.sectors.name, t("col_method", lang): cat.sectors.geometry_method,
                  t("col_uncertainty", lang): cat.sectors[f"uncertainty_{lang}"]}),
    hide_index=True, use_container_width=True)

st.subheader(t("coverage_title", lang))
per_year = coverage.incidents_per_year(joined)
empty = [str(y) for y, n in per_year.items() if n == 0]
left, right = st.columns([2, 3])
with left:
    st.markdown(t("coverage_years", lang))
    st.caption(t("coverage_years_summary", lang, total=int(per_year.sum()), first=per_year.index[0],
                 last=per_year.index[-1], top=int(per_year.idxmax()), top_n=int(per_year.max()),
                 empty=", ".join(empty) or "-"))
with right:
    st.bar_chart(per_year.rename(t("col_incidents", lang)).rename_axis(t("col_year", lang)), height=220)
missing = coverage.parishes_without_incidents(cat, joined)
st.markdown(t("coverage_parishes", lang, n=len(missing), total=len(cat.parishes), names=", ".join(missing)))
st.markdown(t("coverage_notes", lang))

st.subheader(t("mirrors_title", lang))
st.markdown(t("mirrors_intro", lang))
mirrors = coverage.mirror_sources(cat)
st.dataframe(mirrors.rename(columns={"outlet": t("col_outlet", lang), "host": t("col_host", lang),
                                     "event_id": t("col_events", lang)}), hide_index=True, use_container_width=True)

st.markdown(text("sources_tail", lang))
footer(lang)
