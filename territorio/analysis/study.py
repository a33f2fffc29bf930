"""Before/after a policy date, inside vs outside the designated areas, and a difference-in-differences.

Windows: before is [d - w, d), after is [d, d + w) (w in months). An incident whose date interval reaches
across an edge of those windows is counted apart as date-uncertain, never put on one side.
Inside: the incident lies in the area of one of the chosen designations (sector or parish); outside: in
another parish of metropolitan Caracas; incidents placed in no parish are counted apart too.
The estimate is the ratio of the two Poisson rate ratios (after/before inside over after/before outside),
with a 95% interval on the log scale; it is withheld when any of the four counts is below MIN_CELL.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from territorio.catalog import dates
from territorio.catalog.model import Catalog
from territorio.i18n import t
from territorio.i18n.numbers import fmt_float, fmt_int, fmt_range

WINDOWS = (6, 12, 24)
MIN_CELL = 5
Z95 = 1.959963984540054
GROUPS = ("inside", "outside")
PERIODS = ("before", "after")
POLICY_EVENTS = ("CCS-010", "CCS-038")   # first OLP raid (13 Jul 2015), Operación Guaicaipuro (Jul 2021)


class StudyError(ValueError):
    """A study that cannot be set up (unknown designation, bad window)."""


@dataclass(frozen=True)
class PolicyDate:
    key: str              # "period:<designation_id>:<status>" or the event id
    date: dt.date
    label_en: str
    label_es: str
    source_ids: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.label_es if lang == "es" else self.label_en


@dataclass(frozen=True)
class StudySpec:
    date: dt.date
    window_months: int = 12
    designations: tuple[str, ...] = ()    # empty: every designation in the catalog


@dataclass(frozen=True)
class Cell:
    incidents: int
    fatalities_min: int
    fatalities_max: int
    fatalities_unknown: int     # incidents with no figure


@dataclass(frozen=True)
class Estimate:
    ratio: float | None
    low: float | None
    high: float | None
    reason: str                 # "ok", "small" (a count below MIN_CELL) or "zero" (a count of zero)


@dataclass(frozen=True)
class StudyResult:
    spec: StudySpec
    before: tuple[dt.date, dt.date]     # inclusive day bounds
    after: tuple[dt.date, dt.date]
    cells: dict[str, dict[str, Cell]]   # group -> period -> Cell
    uncertain: dict[str, int]           # group -> date-uncertain incidents
    unplaced: int                       # in the windows but in no parish
    estimate: Estimate
    inside_areas: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        out = asdict(self)
        out["spec"]["date"] = self.spec.date.isoformat()
        out["before"] = [d.isoformat() for d in self.before]
        out["after"] = [d.isoformat() for d in self.after]
        return out


# --- policy dates -------------------------------------------------------------------------------------

def policy_dates(cat: Catalog) -> list[PolicyDate]:
    """Designation changes known to the day, and the operations named in POLICY_EVENTS, in date order."""
    names = cat.designations.set_index("designation_id")
    out = []
    for p in cat.periods.itertuples(index=False):
        if p.start_precision != "day" or p.start_kind != "known":
            continue
        d = names.loc[p.designation_id]
        out.append(PolicyDate(f"period:{p.designation_id}:{p.status}", dates.parse_iso(p.start),
                              f"{d.name_en}: {t('status_' + p.status, 'en')}",
                              f"{d.name_es}: {t('status_' + p.status, 'es')}",
                              tuple(s.strip() for s in p.source_event_ids.split("|") if s.strip())))
    events = pd.concat([cat.incidents, cat.timeline], ignore_index=True)
    for row in events[events["id"].isin(POLICY_EVENTS)].itertuples(index=False):
        if row.date_precision == "day":
            out.append(PolicyDate(row.id, dates.parse_iso(row.date), row.title_en, row.title_es, (row.id,)))
    return sorted(out, key=lambda p: (p.date, p.key))


# --- the study ----------------------------------------------------------------------------------------

def windows(spec: StudySpec) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
    """([d - w, d - 1 day], [d, d + w - 1 day]) as inclusive day bounds."""
    if spec.window_months <= 0:
        raise StudyError(f"window of {spec.window_months} months: must be positive")
    d = pd.Timestamp(spec.date)
    w = pd.DateOffset(months=spec.window_months)
    one = dt.timedelta(days=1)
    return ((d - w).date(), spec.date - one), (spec.date, (d + w).date() - one)


def inside_areas(cat: Catalog, designations: tuple[str, ...]) -> tuple[str, ...]:
    known = set(cat.designations.designation_id)
    unknown = [d for d in designations if d not in known]
    if unknown:
        raise StudyError(f"unknown designation(s) {unknown} (known: {', '.join(sorted(known))})")
    chosen = cat.designations[cat.designations.designation_id.isin(designations or known)]
    return tuple(sorted(chosen.area_id))


def _cell(rows: pd.DataFrame) -> Cell:
    return Cell(len(rows), int(rows.fatalities_min.fillna(0).sum()), int(rows.fatalities_max.fillna(0).sum()),
                int(rows.fatalities_max.isna().sum()))


def estimate(a0: int, a1: int, b0: int, b1: int) -> Estimate:
    """Ratio of rate ratios (a1/a0) / (b1/b0) with a 95% interval; withheld for small or zero counts."""
    counts = (a0, a1, b0, b1)
    if min(counts) == 0:
        return Estimate(None, None, None, "zero")
    if min(counts) < MIN_CELL:
        return Estimate(None, None, None, "small")
    log_ratio = math.log(a1 / a0) - math.log(b1 / b0)
    se = math.sqrt(sum(1 / c for c in counts))
    return Estimate(math.exp(log_ratio), math.exp(log_ratio - Z95 * se), math.exp(log_ratio + Z95 * se), "ok")


def run(cat: Catalog, joined: pd.DataFrame, spec: StudySpec) -> StudyResult:
    """Counts per group and period, the date-uncertain apart, and the estimate."""
    before, after = windows(spec)
    areas = inside_areas(cat, spec.designations)
    lo, hi = joined["date_lo"].to_numpy(), joined["date_hi"].to_numpy()
    in_before, _ = dates.window_mask(lo, hi, *before)
    in_after, _ = dates.window_mask(lo, hi, *after)
    wholly = {"before": _within(lo, hi, *before), "after": _within(lo, hi, *after)}
    touched = in_before | in_after
    uncertain_mask = touched & ~wholly["before"] & ~wholly["after"]
    inside = (joined["sector_id"].isin(areas) | joined["pcode"].isin(areas)).to_numpy()
    placed = joined["pcode"].isin(set(cat.parishes.pcode)).to_numpy() | inside
    group_masks = {"inside": inside, "outside": placed & ~inside}
    cells = {g: {p: _cell(joined[gm & wholly[p]]) for p in PERIODS} for g, gm in group_masks.items()}
    uncertain = {g: int((gm & uncertain_mask).sum()) for g, gm in group_masks.items()}
    est = estimate(cells["inside"]["before"].incidents, cells["inside"]["after"].incidents,
                   cells["outside"]["before"].incidents, cells["outside"]["after"].incidents)
    return StudyResult(spec, before, after, cells, uncertain, int((touched & ~placed).sum()), est, areas)


def _within(lo: np.ndarray, hi: np.ndarray, start: dt.date, end: dt.date) -> np.ndarray:
    return (lo >= np.datetime64(start, "D")) & (hi <= np.datetime64(end, "D"))


def counts_table(result: StudyResult) -> pd.DataFrame:
    """One row per group and period (the table the page shows and the CLI prints)."""
    rows = []
    for g in GROUPS:
        for p in PERIODS:
            c = result.cells[g][p]
            rows.append({"group": g, "period": p, "incidents": c.incidents, "fatalities_min": c.fatalities_min,
                         "fatalities_max": c.fatalities_max, "fatalities_unknown": c.fatalities_unknown})
    return pd.DataFrame(rows)


# --- in words (the page and the CLI say the same) -----------------------------------------------------

def _day(d: dt.date, lang: str) -> str:
    return dates.format_date(d.isoformat(), "day", lang)


def estimate_sentence(result: StudyResult, lang: str) -> str:
    e = result.estimate
    if e.reason == "ok":
        return t("study_estimate", lang, ratio=fmt_float(e.ratio, lang, 2), low=fmt_float(e.low, lang, 2),
                 high=fmt_float(e.high, lang, 2))
    return t(f"study_withheld_{e.reason}", lang, n=MIN_CELL)


def summary_sentence(result: StudyResult, lang: str) -> str:
    n = {f"{g[:3] if g == 'outside' else 'in'}_{p}": fmt_int(result.cells[g][p].incidents, lang)
         for g in GROUPS for p in PERIODS}
    return t("study_summary", lang, **n,
             before=f"{_day(result.before[0], lang)} – {_day(result.before[1], lang)}",
             after=f"{_day(result.after[0], lang)} – {_day(result.after[1], lang)}")


def apart_sentence(result: StudyResult, lang: str) -> str:
    return t("study_apart", lang, in_unc=fmt_int(result.uncertain["inside"], lang),
             out_unc=fmt_int(result.uncertain["outside"], lang), unplaced=fmt_int(result.unplaced, lang))


def describe(result: StudyResult, lang: str, data_name: str = "") -> list[str]:
    """Summary, what was counted apart, the estimate (or why none), and the caveat: the catalog's, or the one
    for a kept dataset (`data_name`), whose completeness only its makers know."""
    caveat = t("study_caveat_data", lang, data=data_name) if data_name else t("study_caveat", lang)
    return [summary_sentence(result, lang), apart_sentence(result, lang), estimate_sentence(result, lang), caveat]


def policy_key_for(policies: list[PolicyDate], day: dt.date) -> str | None:
    """The first policy date falling on `day` (a URL's ?date= reopens it), None for a typed date."""
    return next((p.key for p in policies if p.date == day), None)


def display_table(result: StudyResult, lang: str) -> pd.DataFrame:
    """counts_table with localised labels and numbers, in the same row order."""
    raw = counts_table(result)
    return pd.DataFrame({
        t("study_col_group", lang): [t(f"study_group_{g}", lang) for g in raw.group],
        t("study_col_period", lang): [t(f"study_period_{p}", lang) for p in raw.period],
        t("study_col_incidents", lang): raw.incidents,
        t("study_col_fatalities", lang): [fmt_range(lo, hi, lang) for lo, hi in
                                           zip(raw.fatalities_min, raw.fatalities_max)],
        t("study_col_unknown", lang): raw.fatalities_unknown,
    })


def view_sentence(cat: Catalog, result: StudyResult, lang: str) -> str:
    """The study in one line, for a citation: date, window and what 'inside' means."""
    from territorio.catalog.model import area_label

    return t("study_view", lang, date=_day(result.spec.date, lang), months=result.spec.window_months,
             areas=", ".join(area_label(cat, a) for a in result.inside_areas))
