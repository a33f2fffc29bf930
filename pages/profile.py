"""Area profile: one parish or sector over time, with its peace-zone and control history and sources."""

import altair as alt
import streamlit as st

from territorio.analysis import profile
from territorio.catalog.model import area_label
from territorio.i18n import t
from territorio.outputs import citation, provenance
from territorio.selection import filters, urlstate
from ui import datasets as ui_datasets
from ui.analyst import cite_box, downloads, today
from ui.common import catalog, footer, setup_page, show_url_notes

lang = setup_page("page_profile")
cat = catalog()
data = ui_datasets.choose(lang)
joined = data.joined
options = [*cat.sectors.sector_id, *cat.parishes.sort_values("name").pcode]
municipality = dict(zip(cat.parishes.pcode, cat.parishes.municipality))

# --- initial area from the URL (?area=pcode, sector id or name) ---
notes = []
if "area" not in st.session_state:
    st.session_state["area"], notes = urlstate.profile_state(st.query_params.get_all, cat, options[0])


def _label(area_id: str) -> str:
    kind = (t("profile_kind_parish", lang, municipality=municipality[area_id]) if area_id in municipality
            else t("profile_kind_sector", lang))
    return f"{area_label(cat, area_id)} ({kind})"


title = st.empty()   # the title names the area chosen just below it
area = st.selectbox(t("profile_area", lang), options, key="area", format_func=_label)
st.query_params.update({**urlstate.profile_query(area), **data.query})
prof = profile.build(cat, joined, area, lang)

title.title(t("profile_title", lang, name=prof.name))
show_url_notes(notes, lang, limit=400)
st.markdown(profile.counts_sentence(prof, lang))

st.subheader(t("profile_population", lang))
figure, detail, doubtful = profile.population_sentences(prof, lang)
st.markdown(figure)
if detail:
    (st.warning if doubtful else st.caption)(detail)

if prof.undated:
    st.caption(t("dataset_undated", lang, n=prof.undated))
if len(prof.incidents):
    st.subheader(t("profile_per_year", lang))
    years = joined["date_lo"].dt.year
    per_year = prof.per_year(int(years.min()), int(years.max()))
    frame = per_year.rename_axis("year").reset_index(name="n")
    chart = alt.Chart(frame).mark_bar(color="#0072B2").encode(
        x=alt.X("year:O", title=t("col_year", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("n:Q", title=t("col_incidents", lang), axis=alt.Axis(format="d", tickMinStep=1)))
    left, right = st.columns([3, 2])
    left.altair_chart(chart, width="stretch")
    right.caption(t("profile_per_year_summary", lang, total=int(per_year.sum()), first=per_year.index[0],
                    last=per_year.index[-1], top=int(per_year.idxmax()), top_n=int(per_year.max())))

st.subheader(t("profile_timeline", lang))
st.dataframe(profile.timeline_table(cat, prof, lang), hide_index=True, width="stretch", key="timeline")

st.subheader(t("profile_actors", lang))
st.dataframe(prof.actors[["actor", "incidents"]].rename(
    columns={"actor": t("col_actor", lang), "incidents": t("col_incidents", lang)}),
    hide_index=True, width="stretch", key="actors")

st.subheader(t("profile_sources", lang))
link = t("col_link", lang)
st.dataframe(prof.sources.rename(columns={"event_id": t("col_event", lang), "outlet": t("col_outlet", lang),
                                          "url": link, "title": t("col_title", lang)}),
             hide_index=True, width="stretch", key="sources",
             column_config={link: st.column_config.LinkColumn(link)})
st.subheader(t("take_away", lang))
spec = filters.FilterSpec(areas=(area,))
st.caption(t("take_away_note", lang))
downloads(cat, joined, spec, lang, stem=ui_datasets.file_stem("profile", data.choice), key="download")
cite_box(citation.cite(spec, lang, cat.version, today(), page="profile", data=data.choice,
                       view=provenance.filter_sentence(cat, spec, lang),
                       data_words=provenance.data_sentence(joined, lang)), lang)
footer(lang)
