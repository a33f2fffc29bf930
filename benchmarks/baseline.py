"""The straightforward approach, measured on the same data: one folium Marker with its popup per incident
in a MarkerCluster, the whole map rendered to HTML (what a page doing it would send on each change)."""

from __future__ import annotations

import time

import folium
import pandas as pd
from folium.plugins import MarkerCluster

from territorio.map import popups


def measure(cat, rows: pd.DataFrame, lang: str = "en") -> dict:
    t0 = time.perf_counter()
    m = folium.Map(location=[10.48, -66.9], zoom_start=12, tiles=None)
    cluster = MarkerCluster().add_to(m)
    for rec, html in zip(rows[["lat", "lon"]].to_dict("records"),
                         popups.incident_popups(cat, rows, lang)):
        folium.Marker([rec["lat"], rec["lon"]], popup=folium.Popup(html, max_width=360)).add_to(cluster)
    page = m.get_root().render()
    return {"incidents": len(rows), "build_s": round(time.perf_counter() - t0, 3),
            "payload_kb": round(len(page.encode()) / 1024, 1)}
