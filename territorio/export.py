"""Incidents out: CSV and GeoJSON, one row per incident, mapped or not, with sources."""

from __future__ import annotations

import json

import pandas as pd

from territorio.catalog import Catalog, actor_label

COLUMNS = [
    "id", "date", "date_end", "date_precision", "date_uncertain", "type", "title", "pcode", "parish",
    "sector_id", "sector", "designation_status", "controlling_group", "control_confidence",
    "fatalities_min", "fatalities_max", "lat", "lon", "location_precision", "in_study_area",
    "actor_ids", "summary", "sources",
]


def table(cat: Catalog, joined: pd.DataFrame, mask, uncertain, lang: str = "en") -> pd.DataFrame:
    """The selected incidents with the export columns, in date order."""
    sel = joined[mask].copy()
    sel["date_uncertain"] = pd.Series(uncertain[mask], index=sel.index)
    sel["title"] = sel[f"title_{lang}"]
    sel["summary"] = sel[f"summary_{lang}"]
    sel["controlling_group"] = sel["controlling_group"].map(
        lambda g: actor_label(cat, g) if g and g != "uncertain" else g)
    return sel.sort_values(["date_lo", "id"])[COLUMNS].reset_index(drop=True)


def _cell(v):
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def to_csv(frame: pd.DataFrame) -> str:
    out = frame.copy()
    for col in ("date_uncertain", "in_study_area"):
        out[col] = out[col].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n")


def to_geojson(frame: pd.DataFrame, meta: dict | None = None) -> str:
    features = []
    for rec in frame.to_dict("records"):
        props = {k: _cell(v) for k, v in rec.items()}
        geom = None
        if props["lat"] is not None and props["lon"] is not None:
            geom = {"type": "Point", "coordinates": [props["lon"], props["lat"]]}
        features.append({"type": "Feature", "id": props["id"], "properties": props, "geometry": geom})
    doc = {"type": "FeatureCollection", **({"metadata": meta} if meta else {}), "features": features}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
