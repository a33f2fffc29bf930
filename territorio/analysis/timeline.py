"""The timeline under the map: incidents per month by type, policy dates marked, the window shaded,
and a one-line summary of what the chart shows. Vega-Lite, which Streamlit renders offline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from territorio.catalog import dates
from territorio.catalog.model import Catalog, type_label
from territorio.i18n import t
from territorio.i18n.numbers import fmt_int
from territorio.map.styles import type_colors, type_colour_rows

# The policy dates the chart marks: catalog events (their dates come from the data) and a label key.
POLICY_MARKS = (
    ("CCS-002", "mark_pz_launch"),
    ("CCS-010", "mark_first_olp"),
    ("CCS-016", "mark_reactivation"),
    ("CCS-038", "mark_op_2021"),
)


def _events(cat: Catalog) -> pd.DataFrame:
    cols = ["id", "date", "date_precision"]
    return pd.concat([cat.incidents[cols], cat.timeline[cols]], ignore_index=True).set_index("id")


def policy_marks(cat: Catalog, lang: str) -> pd.DataFrame:
    """date (start of the event's interval), label, and precision of each policy date in the catalog."""
    events = _events(cat)
    rows = []
    for event_id, key in POLICY_MARKS:
        if event_id in events.index:
            e = events.loc[event_id]
            lo, _ = dates.interval(e["date"], e["date_precision"])
            when = dates.format_date(e["date"], e["date_precision"], lang)
            rows.append({"date": pd.Timestamp(lo), "label": f"{t(key, lang)} ({when})",
                         "ypos": 2 + 15 * (len(rows) % 2)})   # alternate rows so labels never overlap
    return pd.DataFrame(rows, columns=["date", "label", "ypos"])


@dataclass(frozen=True)
class Monthly:
    counts: pd.DataFrame   # month (Timestamp), type, n
    undated: int           # dated only to the year: not placed in any month


def monthly(joined: pd.DataFrame, mask: np.ndarray) -> Monthly:
    """Incidents per month (by their first possible day) and type; year-only dates are counted apart."""
    chosen = joined.loc[mask, ["date_precision", "date_lo", "type"]]    # only the columns counted
    placed = chosen[chosen["date_precision"] != "year"]
    month = pd.to_datetime(placed["date_lo"]).dt.to_period("M").dt.to_timestamp()
    counts = (placed.assign(month=month).groupby(["month", "type"]).size().rename("n").reset_index())
    return Monthly(counts=counts, undated=int((chosen["date_precision"] == "year").sum()))


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as Vega-Lite values, timestamps as ISO text (as Altair would write them)."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%dT%H:%M:%S")
    return out.to_dict("records")


def _iso(day: dt.date) -> str:
    return pd.Timestamp(day).isoformat()


def timeline_spec(cat: Catalog, m: Monthly, marks: pd.DataFrame, span: tuple[dt.date, dt.date],
                  window: tuple[dt.date, dt.date], lang: str) -> dict:
    """The timeline as a Vega-Lite spec: the window shaded, bars per month coloured by type, and the policy
    dates as labelled rules. Written as data, not built with Altair, whose objects and validation cost
    about 60 ms on every rerun; tests check it against the Vega-Lite schema."""
    colors = type_colors(set(m.counts["type"]))
    rows = type_colour_rows(cat, lang, set(m.counts["type"]))        # types sharing a colour share a row,
    row_of = {color: label for color, label in rows}                      # as in the map's legend
    data = m.counts.assign(label=m.counts["type"].map(lambda k: type_label(cat, k, lang)),
                           colour=m.counts["type"].map(lambda k: row_of[colors[k]]))
    x_scale = {"domain": [_iso(span[0]), _iso(span[1])]}
    shade = {"data": {"values": [{"start": _iso(window[0]), "end": _iso(window[1])}]},
             "mark": {"type": "rect", "color": "#FFD54F", "opacity": 0.3},
             "encoding": {"x": {"field": "start", "type": "temporal", "scale": x_scale}, "x2": {"field": "end"}}}
    bars = {"data": {"values": _records(data)},
            "mark": {"type": "bar", "size": 4},
            "encoding": {
                "x": {"field": "month", "timeUnit": "yearmonth", "type": "temporal", "title": None, "scale": x_scale,
                      "axis": {"format": "%Y", "labelFontSize": 14}},
                "y": {"field": "n", "aggregate": "sum", "type": "quantitative", "title": t("chart_y", lang),
                      "axis": {"tickMinStep": 1, "labelFontSize": 13, "titleFontSize": 14}},
                "color": {"field": "colour", "type": "nominal", "title": None,
                          "scale": {"domain": [label for _c, label in rows], "range": [c for c, _l in rows]},
                          "legend": {"orient": "bottom", "columns": 2, "labelFontSize": 13, "labelLimit": 0}},
                "tooltip": [{"field": "month", "timeUnit": "yearmonth", "type": "temporal",
                             "title": t("chart_month", lang)},
                            {"field": "label", "type": "nominal", "title": t("chart_type", lang)},
                            {"field": "n", "type": "quantitative", "title": t("chart_y", lang)}]}}
    policy = {"values": _records(marks)}
    rules = {"data": policy,
             "mark": {"type": "rule", "color": "#333333", "strokeDash": [4, 3], "strokeWidth": 1.5},
             "encoding": {"x": {"field": "date", "type": "temporal"},
                          "tooltip": [{"field": "label", "type": "nominal", "title": t("chart_policy", lang)}]}}
    labels = {"data": policy,
              "mark": {"type": "text", "align": "left", "baseline": "top", "dx": 3, "dy": 2, "angle": 0,
                       "fontSize": 12, "color": "#222222"},
              "encoding": {"x": {"field": "date", "type": "temporal"},
                           "y": {"field": "ypos", "type": "quantitative", "scale": None},
                           "text": {"field": "label", "type": "nominal"}}}
    spec = {"layer": [shade, bars, rules, labels], "height": 260}
    if lang in TIME_LOCALES:
        spec["config"] = {"locale": {"time": TIME_LOCALES[lang], "number": NUMBER_LOCALES[lang]}}
    return spec


# Month and day names Vega uses in tooltips and axes, declared per language (English is Vega's default).
TIME_LOCALES = {
    "es": {
        "dateTime": "%A, %e de %B de %Y, %X", "date": "%d/%m/%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
        "days": ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
        "shortDays": ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
        "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                   "octubre", "noviembre", "diciembre"],
        "shortMonths": dates.MONTHS["es"],
    },
}
NUMBER_LOCALES = {"es": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " Bs."]}}


def summary(m: Monthly, marks: pd.DataFrame, window: tuple[dt.date, dt.date], in_window: int, lang: str) -> str:
    """One line saying what the chart shows."""
    total = int(m.counts["n"].sum())
    if not total:
        return t("chart_summary_empty", lang, undated=fmt_int(m.undated, lang))
    per_month = m.counts.groupby("month")["n"].sum()
    peak = per_month.idxmax()
    return t("chart_summary", lang, total=fmt_int(total, lang),
             peak=dates.format_date(peak.strftime("%Y-%m"), "month", lang), peak_n=fmt_int(per_month.max(), lang),
             marks=len(marks), window=dates.format_range(window[0], window[1], lang),
             in_window=fmt_int(in_window, lang), undated=fmt_int(m.undated, lang))
