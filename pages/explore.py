"""The map (home page): read the widgets into a spec, ask the domain, render. State lives in the URL.

Execution model (issue 18). The script runs whole on a first visit, a filter or language change, Step, Play,
Pause and a pace change (the play controls sit above the fragment). `playhead` is a Streamlit fragment
holding what a time step changes: the window slider, the metrics, the map, its sentence and the URL. A Play
tick (the fragment's own `run_every`, at the chosen pace) and the map reporting a pan, zoom or click rerun
only the fragment; the chart, the table of what held, the incident table and the downloads below keep their
last whole-page run, and a callback in the fragment that changes them asks for the whole page
(`ui.request_full_run`), so Pause and Step leave everything on the frame shown. Measured with
`territorio bench --viewer` (docs/PERFORMANCE.md).
"""

import streamlit as st

from territorio.analysis import timeline
from territorio.catalog import asof, dates
from territorio.catalog.model import actor_label, area_label, type_label
from territorio.i18n import t
from territorio.i18n.numbers import fmt_int, fmt_range
from territorio.i18n.text import escape_markdown
from territorio.map import basemap, clicks, groups, popups
from territorio.map import layout as map_layout
from territorio.map.view import MEASURES, LayerRequest
from territorio.outputs import citation, export, provenance
from territorio.selection import describe, playback
from ui import datasets as ui_datasets
from ui import explore as ui
from ui import imports as ui_imports
from ui import layout, mapframe
from ui.common import asset_base, catalog, footer, setup_page, show_url_notes
from ui.stories import save_scene_button

lang = setup_page("page_explore")
cat = catalog()
data = ui_datasets.choose(lang)
joined = data.joined
span = playback.span_of(joined)
ui.seed_from_url(cat, span, joined)
ui.keep_window_in(span)
st.session_state.setdefault("play_unit", playback.DEFAULT_UNIT)
st.session_state.setdefault("play_pace", playback.DEFAULT_PACE)

# --- widgets -> spec --------------------------------------------------------------------------------
incident_types = ui.type_options(cat, joined)
area_ids = list(cat.sectors.sector_id) + sorted(cat.parishes.pcode, key=lambda p: area_label(cat, p))
with st.sidebar:
    st.header(t("filters", lang))
    st.multiselect(t("filter_area", lang), area_ids, key="areas", help=t("filter_area_help", lang),
                   placeholder=t("choose", lang),
                   format_func=lambda a: area_label(cat, a) + (f" ({t('sector', lang)})"
                                                               if a in set(cat.sectors.sector_id) else ""))
    st.multiselect(t("filter_type", lang), incident_types, key="types", format_func=lambda k: type_label(cat, k, lang),
                   placeholder=t("choose", lang))
    st.multiselect(t("filter_actor", lang), ui.actor_options(cat, joined), key="actors",
                   format_func=lambda a: actor_label(cat, a, lang), help=t("filter_actor_help", lang),
                   placeholder=t("choose", lang))
    st.number_input(t("filter_min_fatalities", lang), min_value=0, step=1, key="min_fatalities",
                    help=t("filter_min_fatalities_help", lang))
    st.header(t("layers", lang))
    measure = st.radio(t("layer_choropleth", lang), ["off", *MEASURES], key="choropleth", index=0,
                       format_func=lambda m: t(f"choro_{m}", lang))
    shown = {name: st.checkbox(t(f"layer_{name}", lang), value=True, key=f"show_{name}")
             for name in ("control", "zones", "sectors", "incidents")}
    online = st.toggle(t("basemap_online", lang), value=False, key="tiles", help=t("basemap_help", lang))
    uploaded = {name: frame for name, frame in ui_imports.joined_uploads(cat).items()   # the chosen one is drawn
                if f"{ui_datasets.SESSION}{name}" != data.choice.dataset_id}            # as the page's data
    show_outside = bool(uploaded) and st.checkbox(t("show_outside", lang), value=False, key="show_outside",
                                                  help=t("show_outside_help", lang))

st.title(t("map_title", lang))
st.caption(t("tagline", lang))
show_url_notes(st.session_state.get("url_notes", []), lang)
ui.page_run_begins()

# The play controls stay out of the fragment: redrawn on every Play tick, a button could lose a click whose
# press and release straddled a redraw (measured: Pause missed about one click in four at 4 steps/s).
playing = st.session_state.get("playing", False)
c_play, c_step, c_unit, c_pace = st.columns([1, 1, 2, 2])
c_play.button(t("pause" if playing else "play", lang), key="play", on_click=ui.set_playing, args=(span, not playing),
              type="primary", width="stretch")
c_step.button(t("step", lang), key="step", on_click=ui.step_once, args=(span,), disabled=playing,
              width="stretch")
c_unit.radio(t("play_unit", lang), list(playback.UNITS), key="play_unit", horizontal=True,
             format_func=lambda u: t(f"unit_{u}", lang), label_visibility="collapsed")
c_pace.radio(t("play_pace", lang), list(playback.PACES), key="play_pace", horizontal=True,
             format_func=lambda n: t("pace_n", lang, n=n), label_visibility="collapsed",
             help=t("play_pace_help", lang))


@st.fragment(run_every=ui.play_interval() if playing else None)
def playhead():
    """What a time step changes: the window, the metrics, the map, its sentence and the URL. A Play tick and
    the map reporting a pan, a zoom or a click rerun only this; a callback that changes what lies below (a
    click that filters, the slider moved by hand) asks for the whole page (ui.request_full_run)."""
    if ui.playhead_begins(span):
        st.rerun(scope="app")
    st.slider(t("window", lang), min_value=span[0], max_value=span[1], format="YYYY-MM-DD", key="window",
              on_change=ui.on_window_change)
    ui.remember_window()

    spec = ui.spec_from_widgets()
    upload_views = {name: ui.upload_view(cat, frame, spec, show_outside) for name, frame in uploaded.items()}
    request = LayerRequest(tuple(n for n, on in shown.items() if on), measure, *ui.map_window())
    drawn = groups.page_layers(cat, joined, spec, request, lang,
                               uploads={n: v.drawn for n, v in upload_views.items()})
    summary = describe.summarise(joined, drawn.selection)

    # --- metrics --------------------------------------------------------------------------------------
    m1, m2, m3 = st.columns(3)
    m1.metric(t("metric_incidents", lang), fmt_int(summary.incidents, lang), help=t("metric_incidents_help", lang))
    m2.metric(t("metric_fatalities", lang), fmt_range(summary.killed_lo, summary.killed_hi, lang) or "0",
              help=t("metric_fatalities_help", lang, unknown=summary.no_figure))
    if summary.no_figure:
        m2.caption(describe.plural("no_toll", summary.no_figure, lang))
    m3.metric(t("metric_not_mapped", lang), fmt_int(summary.not_mapped, lang),
              help=t("metric_not_mapped_help", lang))

    # --- map ------------------------------------------------------------------------------------------
    view = ui.remount_view((lang, online))
    fit = map_layout.fit_group(basemap.area_bounds(cat, spec.areas), ui.fits_to_areas(spec.areas))
    mapframe.show(ui.base_map(joined, data.choice.key(), lang, online, asset_base(),
                              (view.lat, view.lon, view.zoom) if view else None),
                  drawn.groups + fit, ui.MAP_KEY, layout.MAP_HEIGHT, clicks.RETURNED, ui.on_map_change)
    layout.map_text(describe.sentence(cat, spec, summary, lang), t("map_table_link", lang))
    save_scene_button(spec, st.session_state.get("map_view"), [n for n, on in shown.items() if on], measure, lang,
                      ui_datasets.scene_fields(data.choice))
    for name, v in upload_views.items():
        st.markdown(escape_markdown(t("upload_sentence", lang, name=name, n=fmt_int(v.matched, lang),
                                      total=fmt_int(v.total, lang), outside=fmt_int(v.outside, lang),
                                      hidden=t("shown" if show_outside else "hidden", lang),
                                      unmapped=fmt_int(v.unmapped, lang)), limit=1000))
    ui.write_url(spec, lang, span, data.query)
    return spec, drawn, summary


spec, drawn, summary = playhead()
sel, held = drawn.selection, drawn.held
day_label = dates.format_date(spec.date_to.isoformat(), "day", lang)
if ui.map_first():
    st.caption(t("below_map_pending", lang))
    footer(lang)
    st.stop()

# --- timeline -----------------------------------------------------------------------------------------
st.subheader(t("chart_title", lang))
monthly = ui.monthly(spec, joined, data.choice.key())
marks = timeline.policy_marks(cat, lang)
st.vega_lite_chart(timeline.timeline_spec(cat, monthly, marks, span, (spec.date_from, spec.date_to), lang),
                  width="stretch")
st.caption(timeline.summary(monthly, marks, (spec.date_from, spec.date_to), summary.incidents, lang))

# --- what held on the window's last day, with sources ----------------------------------------------------
st.subheader(t("standing_title", lang, day=day_label))
rows = asof.standing_rows(cat, held.zones, held.control, lang)
if rows:
    st.markdown(popups.standing_table(rows, lang), unsafe_allow_html=True)
else:
    st.caption(t("standing_none", lang, day=day_label))

# --- the selection as a table, as files, and as a citation ------------------------------------------------
from ui import analyst  # noqa: E402  (imported here, after the map is on its way: it pulls in matplotlib)
from ui import publish as ui_publish  # noqa: E402

st.subheader(t("table_title", lang), anchor=layout.TABLE_ANCHOR)
if st.toggle(t("show_table", lang, n=fmt_int(summary.incidents, lang)), key="show_table"):
    st.caption(t("table_help", lang))
    shown_table = export.table(cat, joined, sel.mask, sel.uncertain, lang)
    if len(shown_table) > ui.TABLE_MAX_ROWS:
        st.caption(t("table_cut", lang, shown=fmt_int(ui.TABLE_MAX_ROWS, lang), n=fmt_int(len(shown_table), lang)))
        shown_table = shown_table.head(ui.TABLE_MAX_ROWS)
    st.dataframe(shown_table.assign(type=shown_table["type"].map(lambda k: type_label(cat, k, lang))), hide_index=True,
                 use_container_width=True, column_config=ui.table_columns(shown_table.columns, lang))
st.subheader(t("download_title", lang))
analyst.downloads(cat, joined, spec, lang, ui_datasets.file_stem("map", data.choice), "explore_dl")
publish_col, video_col = st.columns(2)
with publish_col:
    ui_publish.publish_button(cat, joined, spec, lang, "explore_publish")
with video_col:
    ui_publish.video_button(cat, joined, spec, lang, st.session_state["play_unit"], "explore_video", "map")
analyst.cite_box(citation.cite(spec, lang, cat.version, analyst.today(), uploaded=bool(uploaded),
                               view=provenance.filter_sentence(cat, spec, lang), data=data.choice,
                               data_words=provenance.data_sentence(joined, lang)), lang)

footer(lang)
