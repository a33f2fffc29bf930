"""The map of metropolitan Caracas (home page)."""

import streamlit as st
from streamlit_folium import st_folium

from loaders import geodata
from territorio import mapview
from territorio.i18n import t
from ui.common import footer, setup_page

lang = setup_page("page_explore")
with st.sidebar:
    online = st.toggle(t("basemap_online", lang), value=False, key="tiles", help=t("basemap_help", lang))

st.title(t("map_title", lang))
st.caption(t("tagline", lang))

parishes = geodata.read("parishes")
municipalities = geodata.read("municipalities")
opts = mapview.MapOptions(lang=lang, online_tiles=online)
m = mapview.caracas_map(parishes, municipalities, opts)

st_folium(m, key="map", height=640, use_container_width=True, returned_objects=[])

st.write(t("map_summary", lang, parishes=len(parishes), municipalities=len(municipalities)))
footer(lang)
