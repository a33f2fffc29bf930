"""The map of metropolitan Caracas (home page): parishes, sectors and the catalog's incidents."""

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from loaders import geodata
from territorio import dates, filters, mapview, popups
from territorio.i18n import t
from ui.common import catalog, footer, joined_catalog, setup_page

lang = setup_page("page_explore")
cat, joined = catalog(), joined_catalog()
first, last = dt.date(2013, 1, 1), dt.date(2023, 12, 31)
with st.sidebar:
    window = st.slider(t("window", lang), min_value=first, max_value=last, value=(first, last),
                       format="YYYY-MM-DD", key="window")
    online = st.toggle(t("basemap_online", lang), value=False, key="tiles", help=t("basemap_help", lang))

st.title(t("map_title", lang))
st.caption(t("tagline", lang))

spec = filters.FilterSpec(date_from=window[0], date_to=window[1])
sel = filters.apply(cat, joined, spec)
chosen = joined[sel.mask]

c1, c2 = st.columns(2)
c1.metric(t("metric_incidents", lang), int(sel.mask.sum()))
lo, hi = chosen.fatalities_min.sum(), chosen.fatalities_max.sum()
unknown = int(chosen.fatalities_max.isna().sum())
c2.metric(t("metric_fatalities", lang), f"{lo}" if lo == hi else f"{lo}-{hi}",
          help=t("metric_fatalities_help", lang, unknown=unknown))

type_labels = dict(zip(cat.event_types.key, cat.event_types[f"label_{lang}"]))
mapped = chosen[chosen.mapped]
by_event = {k: g.to_dict("records") for k, g in cat.sources.groupby("event_id")}
html_popups = [popups.incident_popup(r, by_event.get(r["id"], []), type_labels.get(r["type"], r["type"]), lang)
               for r in mapped.to_dict("records")]

opts = mapview.MapOptions(lang=lang, online_tiles=online)
m = mapview.caracas_map(cat.parishes, geodata.read("municipalities"), opts,
                        extra_legend=tuple(mapview.type_legend(type_labels, lang)))
mapview.sector_layer(cat.sectors, lang).add_to(m)
mapview.incident_layer(mapped, html_popups, lang).add_to(m)

st_folium(m, key="map", height=640, use_container_width=True, returned_objects=[])

st.write(t("shown_sentence", lang, n=len(chosen), killed=popups.fatalities_text(lo, hi, lang) if len(chosen) else "0",
           start=dates.format_date(window[0].isoformat(), "day", lang),
           end=dates.format_date(window[1].isoformat(), "day", lang),
           unmapped=int((~chosen.mapped).sum()), uncertain=int(sel.uncertain.sum()), unknown=unknown))
footer(lang)
