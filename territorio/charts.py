"""The timeline under the map: incidents per month by type, policy dates marked, the window shaded,
and a one-line summary of what the chart shows. Altair (Vega-Lite) renders offline inside Streamlit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

from territorio import dates
from territorio.catalog import Catalog
from territorio.i18n import t
from territorio.layers import OTHER_TYPE_COLOR, TYPE_COLORS
from territorio.numbers import fmt_int

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


def timeline_chart(m: Monthly, marks: pd.DataFrame, span: tuple[dt.date, dt.date],
                   window: tuple[dt.date, dt.date], type_labels: dict[str, str], lang: str) -> alt.LayerChart:
    data = m.counts.assign(label=m.counts["type"].map(lambda k: type_labels.get(k, k)))
    keys = [k for k in TYPE_COLORS if k in set(data["type"])] + sorted(set(data["type"]) - set(TYPE_COLORS))
    domain = [type_labels.get(k, k) for k in keys]
    colors = [TYPE_COLORS.get(k, OTHER_TYPE_COLOR) for k in keys]
    x_scale = alt.Scale(domain=[pd.Timestamp(span[0]).isoformat(), pd.Timestamp(span[1]).isoformat()])
    win = pd.DataFrame({"start": [pd.Timestamp(window[0])], "end": [pd.Timestamp(window[1])]})
    shade = alt.Chart(win).mark_rect(color="#FFD54F", opacity=0.3).encode(
        x=alt.X("start:T", scale=x_scale), x2="end:T")
    bars = alt.Chart(data).mark_bar(size=4).encode(
        x=alt.X("yearmonth(month):T", title=None, scale=x_scale, axis=alt.Axis(format="%Y", labelFontSize=14)),
        y=alt.Y("sum(n):Q", title=t("chart_y", lang), axis=alt.Axis(tickMinStep=1, labelFontSize=13,
                                                                      titleFontSize=14)),
        color=alt.Color("label:N", scale=alt.Scale(domain=domain, range=colors), title=None,
                        legend=alt.Legend(orient="bottom", columns=3, labelFontSize=13, labelLimit=260)),
        tooltip=[alt.Tooltip("yearmonth(month):T", title=t("chart_month", lang)),
                 alt.Tooltip("label:N", title=t("chart_type", lang)), alt.Tooltip("n:Q", title=t("chart_y", lang))],
    )
    rules = alt.Chart(marks).mark_rule(color="#333333", strokeDash=[4, 3], strokeWidth=1.5).encode(
        x="date:T", tooltip=[alt.Tooltip("label:N", title=t("chart_policy", lang))])
    labels = alt.Chart(marks).mark_text(align="left", baseline="top", dx=3, dy=2, angle=0, fontSize=12,
                                        color="#222222").encode(x="date:T", y=alt.Y("ypos:Q", scale=None), text="label:N")
    chart = alt.layer(shade, bars, rules, labels).properties(height=260)
    return chart.configure(locale=chart_locale(lang)) if lang in TIME_LOCALES else chart


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


def chart_locale(lang: str) -> alt.Locale:
    return alt.Locale(time=alt.TimeLocale(**TIME_LOCALES[lang]), number=alt.NumberLocale(**NUMBER_LOCALES[lang]))


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
