"""ACLED exports (current and older column layouts) read as CSV, mapped to our fields with their
time and geo precision kept.

ACLED time_precision: 1 the day is known; 2 within about a week of the date given; 3 only the month.
ACLED geo_precision: 1 the town or a part of it; 2 near a town or a small region; 3 a larger region.
"""

from __future__ import annotations

import datetime as dt

from territorio.i18n.text import fold
from territorio.imports import csv
from territorio.imports.table import Table
from territorio.imports.values import ValueProblem, parse_date

MARKERS = {"event_id_cnty", "event_date"}          # a header with these is ACLED's
COLUMNS = {
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp", "iso3",
    "gwno", "ally_actor_1", "ally_actor_2", "geo_precis", "time_precis",   # the oldest exports' spellings
}
OLD_NAMES = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2", "geo_precis": "geo_precision",
             "time_precis": "time_precision"}
GEO_PRECISION = {"1": "acled_geo_1", "2": "acled_geo_2", "3": "acled_geo_3"}
WEEK_HALF = dt.timedelta(days=3)


def is_acled(columns: list[str]) -> bool:
    return MARKERS <= {c.strip().lower() for c in columns}


def _dates(f: dict[str, str]) -> dict[str, str]:
    """date, date_precision, date_end, date_end_note from event_date and time_precision."""
    precision = f.get("time_precision", "").strip()
    try:
        iso, _ = parse_date(f.get("event_date", ""))
    except ValueProblem:
        return {"date": f.get("event_date", "")}
    if precision == "3" and len(iso) == 10:
        return {"date": iso[:7], "date_precision": "month", "date_end_note": "ACLED time_precision 3: month only"}
    if precision == "2" and len(iso) == 10:
        day = dt.date.fromisoformat(iso)
        return {"date": (day - WEEK_HALF).isoformat(), "date_end": (day + WEEK_HALF).isoformat(),
                "date_precision": "day",
                "date_end_note": f"ACLED time_precision 2: within about a week of {iso}"}
    return {"date": iso}


def _join(*parts: str) -> str:
    return " | ".join(p.strip() for p in parts if p and p.strip())


def _summary(f: dict[str, str]) -> str:
    """ACLED's notes, with the outlets it cites (names, not links: our sources column holds only links)."""
    notes, outlets = f.get("notes", "").strip(), f.get("source", "").strip()
    return f"{notes} [ACLED source: {outlets}]".strip() if outlets else notes


def canonical(fields: dict[str, str]) -> dict[str, str]:
    f = {OLD_NAMES.get(k.strip().lower(), k.strip().lower()): v for k, v in fields.items()}
    kind = _join(f.get("event_type", ""), f.get("sub_event_type", "")).replace(" | ", ": ")
    return {
        "id": f.get("event_id_cnty", ""), **_dates(f),
        "lat": f.get("latitude", ""), "lon": f.get("longitude", ""),
        "title": ", ".join(p for p in (kind, f.get("location", "").strip()) if p),
        "summary": _summary(f), **({"type": kind} if "event_type" in f else {}), "fatalities": f.get("fatalities", ""),
        "sources": f.get("source", ""), "place": f.get("location", ""),
        "actors": _join(f.get("actor1", ""), f.get("assoc_actor_1", ""), f.get("actor2", ""),
                        f.get("assoc_actor_2", "")),
        "parish": f.get("admin3", ""),
        "location_precision": GEO_PRECISION.get(f.get("geo_precision", "").strip(), ""),
        "coord_method": f"ACLED geo_precision {f.get('geo_precision', '').strip() or '?'}",
    }


def read(data: bytes, name: str, limits) -> Table:
    text, warnings = csv.without_nul(csv.decode(data))
    header, body = csv.rows(text, limits)
    tab = csv.table(header, body, "acled")
    tab.warnings[:0] = warnings
    tab.mapper, tab.known = canonical, frozenset(fold(c) for c in COLUMNS)
    return tab
