"""What a selection shows, in numbers and in one sentence, in English or Spanish.

"1 incident, 7 killed, in Cota 905 (El Paraíso), 1–28 Feb 2019." Then what the map cannot show:
"2 not mapped; 1 date-uncertain; 3 with no death toll reported."
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from territorio.catalog import dates
from territorio.catalog.model import Catalog, actor_label, area_label, type_label
from territorio.i18n import t
from territorio.i18n.numbers import fmt_int, fmt_range
from territorio.selection.filters import FilterSpec, Selection

MAX_PLACES = 3
SUMMARY_COLUMNS = ["fatalities_min", "fatalities_max", "mapped", "pcode", "sector", "parish"]


@dataclass(frozen=True)
class Summary:
    incidents: int
    killed_lo: int
    killed_hi: int
    no_figure: int       # incidents with no death toll reported
    not_mapped: int
    uncertain: int       # date-uncertain for the window
    places: tuple[str, ...]   # "Sector (Parish)" or "Parish", in order of frequency
    parishes: int


def place(sector: str, parish: str) -> str:
    """'Cota 905 (El Paraíso)'; a sector whose name already says its parish is left as it is."""
    if not sector:
        return parish
    return sector if "(" in sector or parish in sector else f"{sector} ({parish})"


def _places(chosen: pd.DataFrame) -> list[str]:
    """Places by frequency; counted per (sector, parish) first, so each label is made once, not per row."""
    located = chosen[chosen["pcode"] != ""]
    if not len(located):
        return []
    pairs = located.groupby(["sector", "parish"], sort=False).size()
    labels = pd.Series(pairs.to_numpy(), index=[place(s, p) for s, p in pairs.index])
    counts = labels.groupby(level=0, sort=False).sum()
    return list(counts.sort_values(ascending=False, kind="stable").index)


def summarise(joined: pd.DataFrame, sel: Selection) -> Summary:
    chosen = joined.loc[sel.mask, SUMMARY_COLUMNS]    # only the columns summed: a selection may be large
    return Summary(
        incidents=len(chosen),
        killed_lo=int(chosen["fatalities_min"].sum()),
        killed_hi=int(chosen["fatalities_max"].sum()),
        no_figure=int(chosen["fatalities_max"].isna().sum()),
        not_mapped=int((~chosen["mapped"]).sum()),
        uncertain=int(sel.uncertain.sum()),
        places=tuple(_places(chosen)),
        parishes=int(chosen.loc[chosen["pcode"] != "", "pcode"].nunique()),
    )


def plural(key: str, n: int, lang: str) -> str:
    return t(f"{key}_{'one' if n == 1 else 'other'}", lang, n=fmt_int(n, lang))


def _join_words(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('and', lang)} {items[-1]}"


def _where(cat: Catalog, spec: FilterSpec, s: Summary, lang: str) -> str:
    if s.places and len(s.places) <= MAX_PLACES:
        return t("in_places", lang, places=_join_words(list(s.places), lang))
    if spec.areas:
        return t("in_places", lang, places=_join_words([area_label(cat, a) for a in spec.areas], lang))
    if s.parishes:
        return plural("in_parishes", s.parishes, lang)
    return ""


def _what(cat: Catalog, spec: FilterSpec, s: Summary, lang: str) -> str:
    parts = [plural("n_incidents", s.incidents, lang)]
    if spec.types:
        parts.append(f"({_join_words([type_label(cat, k, lang).lower() for k in spec.types], lang)})")
    if spec.actors:
        parts.append(t("involving", lang, actors=_join_words([actor_label(cat, a, lang) for a in spec.actors], lang)))
    if spec.min_fatalities:
        parts.append(t("at_least_killed", lang, n=fmt_int(spec.min_fatalities, lang)))
    return " ".join(parts)


def sentence(cat: Catalog, spec: FilterSpec, s: Summary, lang: str) -> str:
    """The one sentence under the map."""
    killed = t("killed", lang, n=fmt_range(s.killed_lo, s.killed_hi, lang) or "0")
    head = [_what(cat, spec, s, lang), killed, _where(cat, spec, s, lang),
            dates.format_range(spec.date_from, spec.date_to, lang) if spec.date_from and spec.date_to else ""]
    tail = [plural(key, n, lang) for key, n in
            (("not_mapped", s.not_mapped), ("date_uncertain", s.uncertain), ("no_toll", s.no_figure)) if n]
    text = ", ".join(p for p in head if p) + "."
    return text + (f" {'; '.join(tail).capitalize()}." if tail else "")
