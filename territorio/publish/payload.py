"""What the published explorer knows, as one JSON-able dict: the incidents as compact columns, the areas'
geometry, what held when (peace zones and control as periods), the tables of types, actors, areas and places,
and every text the page shows in both languages.

Compact because a reader downloads it: dates are day numbers (days since 1970-01-01), coordinates integers in
units of 1e-5 degree from the data's south-west corner, repeated texts stored once (titles with the incident's
id replaced by "{id}", so generated ones collapse to one entry), numbered ids as a prefix and the gaps between
their numbers. Everything the page filters or counts comes from the same domain calls the app makes:
the rules are ported to explorer.js and tested against them.
"""

from __future__ import annotations

import datetime as dt
import re

import geopandas as gpd
import numpy as np
import pandas as pd

from territorio.catalog import asof, dates
from territorio.catalog.datapackage import OCHA_ATTRIBUTION
from territorio.catalog.model import Catalog, actor_family, actor_label, area_label, sources_by_event, type_label
from territorio.i18n import LANGS, TEXTS, t
from territorio.i18n.numbers import SEPARATORS
from territorio.map import density, popups, styles
from territorio.outputs import provenance
from territorio.selection import describe, playback
from territorio.selection.filters import FilterSpec

EPOCH = np.datetime64("1970-01-01", "D")
COORD_SCALE = 100_000            # 5 decimals: about 1 m at Caracas
NONE = -1                        # a missing number or reference in an integer column
NUMBERED_ID = re.compile(r"^(.*?)(\d+)$")

# Every text the page shows, by key; the plural sentences' keys are added from describe's.
TEXT_KEYS = (
    "map_title", "tagline", "filters", "filter_area", "filter_type", "filter_actor", "filter_min_fatalities",
    "filter_min_fatalities_help", "filter_actor_help", "choose", "window", "play", "pause", "step", "play_unit",
    "unit_week", "unit_month", "unit_year", "legend", "legend_parish", "legend_municipality", "legend_sector",
    "legend_size", "legend_cluster", "legend_zones", "legend_control", "legend_control_note", "legend_none_on_day",
    "legend_choro_note", "layer_incidents", "layer_zones", "layer_control", "fatalities", "fatalities_unknown",
    "actors", "sources", "location", "translated", "mirror_copy", "tentative", "conflicting_reports", "and",
    "killed", "in_places", "involving", "at_least_killed", "attribution", "data_version", "render_credit",
    "agg_title", "agg_tip", "agg_tip_one", "points_in_view_note", "sector", "language",
    "publish_open_full", "publish_offline", "publish_embed_note", "publish_synthetic", "publish_from", "publish_to",
    "publish_no_sources", "single_source",
    *[f"precision_{p}" for p in dates.PRECISIONS],
    *[f"zone_{s}" for s in styles.ZONE_STYLES], *[f"confidence_{c}" for c in styles.CONFIDENCE_OPACITY],
    *[f"{k}_{n}" for k in ("n_incidents", "in_parishes", "not_mapped", "date_uncertain", "no_toll")
      for n in ("one", "other")],
)


def day(value) -> int:
    """A date as its day number (days since 1970-01-01)."""
    return int((np.datetime64(value, "D") - EPOCH).astype(int))


def _text(key: str, lang: str) -> str:
    """A text with its placeholders left as {name} for the page to fill."""
    names = re.findall(r"\{(\w+)\}", TEXTS[key]["en"])
    return t(key, lang, **{n: "{" + n + "}" for n in names}) if names else t(key, lang)


def texts() -> dict[str, dict[str, str]]:
    return {lang: {k: _text(k, lang) for k in TEXT_KEYS} | {"licence": provenance.licence(lang)} for lang in LANGS}


class Strings:
    """A table of distinct texts; a column refers to its entries by position."""

    def __init__(self) -> None:
        self.items: list = []
        self._index: dict = {}

    def ref(self, value) -> int:
        key = value if isinstance(value, str) else repr(value)
        if key not in self._index:
            self._index[key] = len(self.items)
            self.items.append(value)
        return self._index[key]


def _clean(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)) else str(value)


def _ids(ids: pd.Series) -> dict:
    """Numbered ids ("CCS-019", "SYN-0000042") as one prefix, a width and the steps between numbers; any others
    as they are."""
    parts = [NUMBERED_ID.match(str(i)) for i in ids]
    if parts and all(parts) and len({(p.group(1), len(p.group(2))) for p in parts}) == 1:
        numbers = np.array([int(p.group(2)) for p in parts], dtype=np.int64)
        return {"prefix": parts[0].group(1), "width": len(parts[0].group(2)),
                "steps": np.diff(numbers, prepend=0).tolist()}
    return {"list": [str(i) for i in ids]}


def _sources(cat: Catalog, rows: pd.DataFrame, table: Strings, lists: Strings) -> list[int]:
    """Per row, the position of its list of sources (each [outlet, mirror host, http(s) URL or ""])."""
    by_event = sources_by_event(cat)
    out = []
    for event_id, urls in zip(rows["id"].astype(str), rows.get("sources", pd.Series([""] * len(rows)))):
        found = by_event.get(event_id) or popups.sources_from_urls(_clean(urls))
        refs = tuple(table.ref((str(s["outlet"]), str(s["host"]) if s["mirror"] == "true" else "", _safe(s["url"])))
                     for s in found)
        out.append(lists.ref(refs))
    return out


def _single_source(rows: pd.DataFrame) -> list[int]:
    """Per row, 1 when the catalog marks it backed by one outlet alone (copies of one text count once), else 0;
    an imported row without the mark is 0: its file says nothing of its sources' independence."""
    if "single_source" not in rows:
        return [0] * len(rows)
    return (rows["single_source"].map(_clean) == "true").astype(int).tolist()


def _safe(url) -> str:
    """An http(s) address, or "" (a javascript: or data: address is never a link)."""
    url = _clean(url).strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def _details(cat: Catalog, rows: pd.DataFrame, table: Strings) -> list[int]:
    """Per row, the position of its texts [title, actors, summary] in each language, the row's id replaced by
    {id}, the Spanish summary marked when it is a translation."""
    out = []
    ids = rows["id"].astype(str).to_numpy()
    cols = [f"{c}_{lang}" for lang in LANGS for c in ("title", "actors", "summary")]
    values = {c: rows[c].map(_clean).to_numpy() if c in rows else np.full(len(rows), "", dtype=object) for c in cols}
    translated = rows["summary_es_translated"].map(_clean).to_numpy() if "summary_es_translated" in rows \
        else np.full(len(rows), "")
    for i, row_id in enumerate(ids):
        texts_ = tuple(values[c][i].replace(row_id, "{id}") if row_id else values[c][i] for c in cols)
        out.append(table.ref((*texts_, bool(translated[i]))))
    return out


def _whens(rows: pd.DataFrame, table: Strings) -> list[int]:
    ends = rows["date_end"].map(_clean) if "date_end" in rows else pd.Series([""] * len(rows), index=rows.index)
    return [table.ref(tuple(dates.format_date(d, p, lang, e) for lang in LANGS))
            for d, p, e in zip(rows["date"].astype(str), rows["date_precision"].astype(str), ends)]


def _places(rows: pd.DataFrame, area_ids: list[str]) -> tuple[dict[str, int], list[str]]:
    """Each (sector, parish) pair's place as the sentence names it ("Sector (Parish)" or "Parish"), by
    "sector position,parish position" (-1 for no sector); pairs of the same name share a place."""
    table, index, out = Strings(), {a: i for i, a in enumerate(area_ids)}, {}
    pairs = rows.loc[rows["pcode"].astype(str) != "", ["sector_id", "pcode", "sector", "parish"]].drop_duplicates()
    for sector_id, pcode, sector, parish in pairs.itertuples(index=False):
        out[f"{index.get(str(sector_id), NONE) if sector_id else NONE},{index.get(str(pcode), NONE)}"] = \
            table.ref(describe.place(sector, parish))
    return out, table.items


def _coded(values: pd.Series, known: list[str]) -> list[int]:
    index = {k: i for i, k in enumerate(known)}
    return [index.get(str(v), NONE) if _clean(v) else NONE for v in values]


def incident_columns(cat: Catalog, joined: pd.DataFrame, tables: dict) -> dict:
    """The incidents as columns of integers (and references into `tables`), in the joined frame's order (the
    order the sentence's places are counted in)."""
    lo = (joined["date_lo"].to_numpy().astype("datetime64[D]") - EPOCH).astype(np.int64)
    hi = (joined["date_hi"].to_numpy().astype("datetime64[D]") - EPOCH).astype(np.int64)
    mapped = joined["mapped"].to_numpy(bool)
    lat, lon = joined["lat"].to_numpy(float), joined["lon"].to_numpy(float)
    origin = (float(np.nanmin(lat[mapped])) if mapped.any() else 0.0, float(np.nanmin(lon[mapped])) if mapped.any()
              else 0.0)
    y = np.where(mapped, np.round((np.nan_to_num(lat) - origin[0]) * COORD_SCALE), NONE).astype(np.int64)
    x = np.where(mapped, np.round((np.nan_to_num(lon) - origin[1]) * COORD_SCALE), NONE).astype(np.int64)
    fmin = joined["fatalities_min"].astype("Float64").fillna(NONE).astype(int).to_numpy()
    fmax = joined["fatalities_max"].astype("Float64").fillna(NONE).astype(int).to_numpy()
    tables["placeOf"], tables["places"] = _places(joined, tables["areaIds"])
    actor_lists = Strings()
    actor_index = {a: i for i, a in enumerate(tables["actorIds"])}
    actors = [actor_lists.ref(tuple(actor_index.get(a.strip(), NONE) for a in _clean(v).split("|") if a.strip()))
              for v in joined["actor_ids"]]
    tables["actorLists"] = actor_lists.items
    details, whens, sources, source_lists = Strings(), Strings(), Strings(), Strings()
    out = {
        "ids": _ids(joined["id"]), "origin": [origin[0], origin[1]], "scale": COORD_SCALE,
        "lo": lo.tolist(), "span": (hi - lo).tolist(), "y": y.tolist(), "x": x.tolist(),
        "type": _coded(joined["type"], tables["typeKeys"]), "fmin": fmin.tolist(),
        "fmax": np.where(fmax == NONE, NONE, fmax - np.maximum(fmin, 0)).tolist(),
        "pcode": _coded(joined["pcode"], tables["areaIds"]), "sector": _coded(joined["sector_id"], tables["areaIds"]),
        "actors": actors,
        "precision": _coded(joined["date_precision"], list(dates.PRECISIONS)),
        "location": _coded(joined["location_precision"], tables["locations"]),
        "when": _whens(joined, whens), "detail": _details(cat, joined, details),
        "sources": _sources(cat, joined, sources, source_lists),
        "single": _single_source(joined),
    }
    tables.update(whens=whens.items, details=details.items, sources=sources.items, sourceLists=source_lists.items)
    return out


def _periods(frame: pd.DataFrame) -> list[dict]:
    """Each period's [lo, hi] and the last day its start is uncertain, vague or disputed, from asof's own
    period bounds: on day d it holds when lo <= d <= hi, and is tentative when `always` or d <= startHi."""
    b = asof.period_bounds(frame)
    never = NONE - 10 ** 6
    has_latest = b.latest_start > np.datetime64("1900-01-01")      # a start the sources disagree on
    out = []
    for i, p in enumerate(frame.to_dict("records")):
        out.append({"lo": day(b.lo[i]), "hi": min(day(b.hi[i]), 2 ** 31 - 1),
                    "startHi": max(day(b.start_hi[i]) if b.start_vague[i] else never,
                                   day(b.latest_start[i]) if has_latest[i] else never),
                    "always": bool(b.always_tentative[i]),
                    "period": {lang: popups.period_text(p, lang) for lang in LANGS},
                    "note": {lang: _clean(p.get(f"note_{lang}")) for lang in LANGS},
                    "events": _clean(p.get("source_event_ids"))})
    return out


def zones(cat: Catalog) -> list[dict]:
    about = cat.designations.set_index("designation_id")
    out = []
    for p, info in zip(cat.periods.to_dict("records"), _periods(cat.periods)):
        d = about.loc[p["designation_id"]]
        out.append(info | {"key": p["designation_id"], "value": p["status"], "area": f"{d['area_kind']}:{d['area_id']}",
                           "name": {lang: _clean(d[f"name_{lang}"]) for lang in LANGS}})
    return out


def control(cat: Catalog) -> list[dict]:
    return [info | {"key": c["sector_id"], "value": c["group_id"], "area": f"sector:{c['sector_id']}",
                    "confidence": c["confidence"]}
            for c, info in zip(cat.claims.to_dict("records"), _periods(cat.claims))]


def _round(coords):
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), 5) for c in coords]
    return [_round(c) for c in coords]


def base(cat: Catalog, municipalities: gpd.GeoDataFrame) -> dict:
    """The story export's base layers (parishes, municipalities, sectors and their styles), 5 decimals. (Imported
    here: the story export module loads folium, which importing this module must not.)"""
    from territorio.stories.export import base_data

    out = base_data(cat, municipalities)
    for name in ("parishes", "municipalities", "sectors"):
        for f in out[name]["features"]:
            f["geometry"]["coordinates"] = _round(f["geometry"]["coordinates"])
    return out


def tables(cat: Catalog, joined: pd.DataFrame) -> dict:
    """The domain's declared tables the page looks things up in: types (labels and colours, in the legend's
    order), areas, actors (with the family a filter on them matches), styles, locations."""
    present = list(dict.fromkeys(joined["type"].astype(str)))
    keys = list(dict.fromkeys([*cat.event_types["key"].astype(str), *present]))
    order = [k for k in styles.TYPE_COLORS if k in keys] + sorted(set(keys) - set(styles.TYPE_COLORS))
    area_ids = [*cat.parishes["pcode"].astype(str), *cat.sectors["sector_id"].astype(str)]
    sectors = set(cat.sectors["sector_id"].astype(str))
    actor_ids = [str(a) for a in cat.actors["actor_id"]]
    index = {a: i for i, a in enumerate(actor_ids)}
    locations = list(dict.fromkeys([*[k[4:] for k in TEXTS if k.startswith("loc_")],
                                    *joined["location_precision"].map(_clean)]))
    return {
        "typeKeys": keys,
        "types": [{"key": k, "label": {lang: type_label(cat, k, lang) for lang in LANGS},
                   "color": styles.TYPE_COLORS.get(k, styles.OTHER_TYPE_COLOR), "present": k in present}
                  for k in keys],
        "typeOrder": [keys.index(k) for k in order],
        "areaIds": area_ids,
        "areas": [{"id": a, "label": area_label(cat, a), "sector": a in sectors} for a in area_ids],
        "actorIds": actor_ids,
        "actors": [{"id": a, "label": {lang: actor_label(cat, a, lang) for lang in LANGS},
                    "family": sorted(index[f] for f in actor_family(cat, a) if f in index)} for a in actor_ids],
        "groupColors": styles.group_colors(cat),
        "locations": locations,
        "locationLabels": {lang: {k: t(f"loc_{k}", lang) if f"loc_{k}" in TEXTS else k
                                  for k in locations} for lang in LANGS},
        "zoneStyles": styles.ZONE_STYLES, "confidenceOpacity": styles.CONFIDENCE_OPACITY,
        "hexColors": styles.HEX_COLORS, "otherColor": styles.OTHER_TYPE_COLOR,
    }


def _window(spec: FilterSpec, span: tuple[dt.date, dt.date]) -> list[int]:
    return [day(spec.date_from or span[0]), day(spec.date_to or span[1])]


def build(cat: Catalog, joined: pd.DataFrame, spec: FilterSpec, lang: str, municipalities: gpd.GeoDataFrame, *,
          title: str = "", synthetic: bool = False) -> dict:
    """The explorer's payload: every incident of `joined` (the reader filters them), starting at `spec`."""
    span = playback.span_of(joined)
    tabs = tables(cat, joined)
    return {
        "version": cat.version, "lang": lang, "title": title, "synthetic": synthetic,
        "span": [day(span[0]), day(span[1])],
        "start": {"window": _window(spec, span), "areas": list(spec.areas), "types": list(spec.types),
                  "actors": list(spec.actors), "min": spec.min_fatalities, "unit": playback.DEFAULT_UNIT},
        "limits": {"points": density.POINT_LIMIT,
                   "hexKmAtZoom12": density.HEX_KM_AT_ZOOM_12, "kmPerDegLat": density.KM_PER_DEG_LAT,
                   "gridLat0": density.GRID_LAT0, "defaultZoom": density.DEFAULT_ZOOM},
        "months": dates.MONTHS, "separators": SEPARATORS, "maxPlaces": describe.MAX_PLACES,
        "text": texts(), "attribution": OCHA_ATTRIBUTION,
        "tables": tabs,
        "incidents": incident_columns(cat, joined, tabs),
        "zones": zones(cat), "control": control(cat),
        "base": base(cat, municipalities),
    }
