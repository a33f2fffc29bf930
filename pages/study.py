"""Before / after a policy date: incidents inside vs outside the designated areas, with an honest estimate."""

import altair as alt
import streamlit as st

from territorio.analysis import study
from territorio.catalog.model import area_label
from territorio.i18n import t
from territorio.outputs import citation, provenance
from territorio.selection import urlstate
from territorio.selection.dataset import name_of
from ui import datasets as ui_datasets
from ui.analyst import cite_box, today
from ui.common import catalog, footer, setup_page, show_url_notes

lang = setup_page("page_study")
cat = catalog()
data = ui_datasets.choose(lang)
joined = data.joined
policies = study.policy_dates(cat)
by_key = {p.key: p for p in policies}
TYPED = "typed"

# --- initial values from the URL (?date=YYYY-MM-DD&window=12&designation=...) ---
url, notes = urlstate.study_state(st.query_params.get_all, policies[0].date, study.WINDOWS,
                                  set(cat.designations.designation_id))
if "policy" not in st.session_state:
    st.session_state["policy"] = study.policy_key_for(policies, url.date) or TYPED
    st.session_state["typed_date"] = url.date
    st.session_state["window"] = url.window
    st.session_state["designations"] = list(url.designations)

st.title(t("study_title", lang))
show_url_notes(notes, lang, limit=1000)

c1, c2, c3 = st.columns([3, 2, 2])
policy = c1.selectbox(t("study_policy", lang), [*by_key, TYPED], key="policy",
                      format_func=lambda k: f"{by_key[k].date.isoformat()} · {by_key[k].label(lang)}"
                      if k in by_key else t("study_typed", lang))
typed = c1.date_input(t("study_date", lang), key="typed_date", disabled=policy != TYPED, format="YYYY-MM-DD")
window = c2.radio(t("study_window", lang), study.WINDOWS, key="window", horizontal=True)
names = dict(zip(cat.designations.designation_id, cat.designations[f"name_{lang}"]))
chosen = c3.multiselect(t("study_designations", lang), list(names), key="designations", format_func=names.get,
                        placeholder=t("words_all_areas", lang))

spec = study.StudySpec(by_key[policy].date if policy in by_key else typed, window, tuple(chosen))
query = urlstate.study_query(spec.date, window, chosen)
st.query_params.from_dict({"lang": lang, **query, **data.query})
result = study.run(cat, joined, spec)
sentences = study.describe(result, lang, name_of(joined))

st.caption(t("study_inside_areas", lang, areas=", ".join(area_label(cat, a) for a in result.inside_areas)))
st.markdown(sentences[0])
table = study.display_table(result, lang)
left, right = st.columns([3, 2])
left.dataframe(table, hide_index=True, width="stretch", key="study_table")
group_col, period_col, count_col = table.columns[:3]
chart = alt.Chart(table).mark_bar().encode(
    x=alt.X(f"{period_col}:N", sort=None, axis=alt.Axis(labelAngle=0)), xOffset=alt.XOffset(f"{group_col}:N"),
    y=alt.Y(f"{count_col}:Q", axis=alt.Axis(format="d", tickMinStep=1)),
    color=alt.Color(f"{group_col}:N", scale=alt.Scale(range=["#0072B2", "#E69F00"]),
                    legend=alt.Legend(orient="bottom", title=None)))
right.altair_chart(chart, width="stretch")
right.caption(t("study_chart_summary", lang))
st.markdown(sentences[1])
st.info(sentences[2])
st.warning(sentences[3])
cite_box(citation.cite_link(citation.link([*urlstate.pairs({**query, **data.query}), ("lang", lang)], page="study"),
                            lang, cat.version, today(), view=study.view_sentence(cat, result, lang),
                            data_words=provenance.data_sentence(joined, lang)), lang)
footer(lang)
