"""Popup and tooltip HTML for incidents. Every text from data is escaped; links are http(s) only."""

from __future__ import annotations

import html
from functools import lru_cache
from urllib.parse import urlparse

import pandas as pd

from territorio.catalog import dates
from territorio.catalog.model import Catalog, outlet_key, sources_by_event, type_label
from territorio.i18n import t

SAFE_SCHEMES = ("http", "https")


def safe_link(url: str, label: str) -> str:
    """An <a> for http(s) URLs; plain escaped text for anything else (javascript:, data:, ...)."""
    url = str(url or "").strip()
    if urlparse(url).scheme.lower() not in SAFE_SCHEMES:
        return html.escape(label)
    return (f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f"{html.escape(label)}</a>")


def fatalities_text(lo, hi, lang: str) -> str:
    if pd.isna(lo) and pd.isna(hi):
        return t("fatalities_unknown", lang)
    return str(int(lo)) if lo == hi else f"{int(lo)}-{int(hi)}"


@lru_cache(maxsize=512)
def _label(key: str, lang: str) -> str:
    """A fixed text, escaped: the same in every popup (escaped once, not once per popup)."""
    return html.escape(t(key, lang))


def incident_popup(row: dict, sources: list[dict], type_label: str, lang: str, extra: str = "") -> str:
    """The popup of one incident: date with precision, type, actors, toll, summary, sources."""
    e = html.escape
    when = dates.format_date(row["date"], row["date_precision"], lang, row.get("date_end") or "")
    translated = lang == "es" and _text(row.get("summary_es_translated"))
    return (
        '<div class="incident-popup" style="font:14px/1.4 system-ui,sans-serif;max-width:340px">'
        f"<b>{e(str(row[f'title_{lang}']))}</b><br>"
        f"<span>{e(when)} <i>({_label('precision_' + row['date_precision'], lang)})</i> · "
        f"{e(type_label)}</span><br>"
        f"<span>{_label('fatalities', lang)}: "
        f"{e(fatalities_text(row['fatalities_min'], row['fatalities_max'], lang))}</span><br>"
        f"<span>{_label('actors', lang)}: {e(str(row[f'actors_{lang}']))}</span>"
        f"<p style='margin:6px 0'>{e(str(row[f'summary_{lang}']))}"
        + (f" <i>({_label('translated', lang)})</i>" if translated else "")
        + "</p>"
        f"<span>{_label('location', lang)}: {_label('loc_' + row['location_precision'], lang)}</span>"
        + (f"<div class='single-source' style='margin-top:4px;border:1px dashed #333;padding:2px 4px'>"
           f"<b>{_label('single_source', lang)}</b></div>" if _text(row.get("single_source")) == "true" else "")
        + f"<div>{_label('sources', lang)}:{source_list(sources, lang)}</div>"
        f"{extra}</div>"
    )


def records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows as dicts of plain values, as `frame[columns].to_dict("records")` gives them, column by column
    (about twice as fast on Arrow-backed text, which the popups of a Play frame read)."""
    values = [frame[c].tolist() for c in columns]
    return [dict(zip(columns, row)) for row in zip(*values)]


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA else str(value)


def sources_from_urls(urls: str) -> list[dict]:
    """Source dicts (as in sources.csv) for a row that only lists URLs, as imported files do."""
    out = []
    for url in [u.strip() for u in _text(urls).split("|") if u.strip()]:
        host = urlparse(url).hostname or url
        out.append({"outlet": host, "url": url, "mirror": "false", "host": host})
    return out


def imported_popup(row: dict, lang: str) -> str:
    """The popup of an imported incident: as a catalog one, plus the file and row it came from."""
    label = _text(row.get("type_original")) or _text(row.get("type"))
    origin = t("from_file_row", lang, dataset=_text(row.get("dataset_name") or row.get("dataset")),
               row=_text(row.get("row")))
    return incident_popup(row, sources_from_urls(row.get("sources")), label, lang,
                          extra=f"<div style='margin-top:4px'><i>{html.escape(origin)}</i></div>")


def imported_popups(rows: pd.DataFrame, lang: str) -> list[str]:
    """The popups of these imported rows only (build them for the points drawn)."""
    return [imported_popup(r, lang) for r in rows.to_dict("records")]


POPUP_COLUMNS = ["id", "type", "date", "date_end", "date_precision", "fatalities_min", "fatalities_max",
                 "location_precision", "single_source"]


def incident_popups(cat: Catalog, rows: pd.DataFrame, lang: str) -> list[str]:
    """The popups of these catalog rows only (build them for the incidents drawn, not for a whole selection)."""
    cols = [*POPUP_COLUMNS, f"title_{lang}", f"actors_{lang}", f"summary_{lang}",
            *[c for c in ("summary_es_translated",) if c in rows.columns]]
    by_event = sources_by_event(cat)
    return [incident_popup(r, by_event.get(r["id"], []), type_label(cat, r["type"], lang), lang)
            for r in records(rows, cols)]


def source_kind(s: dict, lang: str) -> str:
    """What a source is, in words ('copy of El Nacional', 'wire story, Reuters'); '' for an original or unknown."""
    kind = _text(s.get("kind"))
    named = outlet_key(_text(s.get("outlet")))
    if kind in ("", "original") or (kind == "copy" and _text(s.get("original_outlet")).casefold() == named):
        return ""   # an original, or a copy of the outlet it is named after (the mirror note says where it was read)
    return t(f"kind_{kind}", lang, original=_text(s.get("original_outlet")))


def source_list(sources: list[dict], lang: str) -> str:
    """Sources as a list of links, each saying what it is (copy, wire, official, NGO) and where a copy was read."""
    items = []
    for s in sources:
        notes = [n for n in (source_kind(s, lang),
                             f"{t('mirror_copy', lang)} {s['host']}" if s["mirror"] == "true" else "") if n]
        label = s["outlet"] + (f" ({'; '.join(notes)})" if notes else "")
        items.append(f"<li>{safe_link(s['url'], label)}</li>")
    return f"<ul style='margin:2px 0 0 16px;padding:0'>{''.join(items)}</ul>"


def period_text(r: dict, lang: str) -> str:
    """'25 Aug 2017 – 8 Jul 2021', 'since 8 Jul 2021', with 'attested' / 'last seen' where that is all we know,
    and both starts where sources disagree ('Jan 2015 or 22 Jun 2015 (start disputed) – 9 Jul 2021')."""
    start = dates.format_date(r["start"], r["start_precision"], lang)
    if r.get("start_kind") == "disputed" and _text(r.get("start_latest")):
        start = t("start_disputed", lang, **start_versions(r, lang))
    if r["end_kind"] == "open" or not r["end"]:
        return t("period_since", lang, start=start)
    end = dates.format_date(r["end"], r["end_precision"], lang)
    key = "period_last_evidence" if r["end_kind"] == "last_evidence" else "period_between"
    return t(key, lang, start=start, end=end)


def start_versions(r: dict, lang: str) -> dict[str, str]:
    """A disputed start's two versions, said: {'start': 'Jan 2015', 'latest': '22 Jun 2015'}."""
    latest = _text(r.get("start_latest"))
    return {"start": dates.format_date(r["start"], r["start_precision"], lang),
            "latest": dates.format_date(latest, dates.precision_of(latest), lang)}


def standing_table(rows: list[dict], lang: str) -> str:
    """A table of what held on a day (peace zones, control), each row with its note and sources.
    rows: area, what, period (dict with start/end fields), note, sources (list of source dicts)."""
    e = html.escape
    head = "".join(f"<th>{e(t(k, lang))}</th>"
                   for k in ("col_area", "col_what_held", "col_period", "col_note", "sources"))
    body = "".join(
        f"<tr><td>{e(r['area'])}</td><td>{e(r['what'])}</td><td>{e(period_text(r['period'], lang))}</td>"
        f"<td>{e(r['note'])}</td><td>{source_list(r['sources'], lang)}</td></tr>" for r in rows)
    return (f'<table class="standing" style="font-size:15px;border-collapse:collapse">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
