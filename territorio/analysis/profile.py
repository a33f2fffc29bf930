"""An area's profile: its incidents over time, fatalities as ranges, its peace-zone and control history as
one sourced timeline, the actors involved, the sources, and rates per 100,000 residents where (and only
where) a sourced population figure exists, always with that figure's year, kind and caveats.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from territorio.catalog import dates
from territorio.catalog.model import Catalog, actor_label, area_label, type_label
from territorio.i18n import TEXTS, t
from territorio.i18n.numbers import fmt_float, fmt_int, fmt_range
from territorio.i18n.text import split_list
from territorio.map.popups import SAFE_SCHEMES, fatalities_text, period_text
from territorio.selection import dataset

# words in the research notes that mark a figure as doubtful (the notes are the researchers' own words)
DOUBT_MARKERS = ("ambiguous", "suspect", "inconsistent", "approximate", "use with caution", "unverified",
                 "verify before use")
PER = 100_000


class UnknownArea(ValueError):
    """An area id that is neither a parish pcode nor a sector id."""


@dataclass(frozen=True)
class Population:
    figure: int | None          # None: no sourced figure (never imputed)
    year: str                   # "" when the source gives none
    kind: str                   # census, projection, estimate, or ""
    doubtful: bool              # the notes flag the figure as ambiguous, suspect, approximate...
    note: str
    publisher: str
    url: str
    title: str


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: an incident, a designation period or a control claim."""
    start: dt.date
    when: str
    kind: str                   # "incident", "designation", "control"
    text: str
    event_ids: tuple[str, ...]  # whose sources back it


@dataclass(frozen=True)
class Profile:
    area_id: str
    kind: str                   # "parish" or "sector"
    name: str
    incidents: pd.DataFrame
    population: Population | None   # None for sectors (no figure exists for them)
    timeline: tuple[Entry, ...]
    actors: pd.DataFrame        # actor_id, actor, incidents
    sources: pd.DataFrame       # event_id, outlet, url, title (http/https links only)
    undated: int = 0            # imported incidents with no date, counted apart (in no figure over time)
    data_name: str = ""         # the kept dataset the incidents come from ('' for the catalog)

    @property
    def fatalities(self) -> tuple[int, int, int]:
        """(sum of lower figures, sum of upper figures, incidents with no figure)."""
        f = self.incidents
        return int(f.fatalities_min.fillna(0).sum()), int(f.fatalities_max.fillna(0).sum()), int(
            f.fatalities_max.isna().sum())

    def per_year(self, first: int, last: int) -> pd.Series:
        years = pd.Series(pd.to_datetime(self.incidents["date_lo"]).dt.year, dtype="Int64")
        return years.value_counts().reindex(range(first, last + 1), fill_value=0).sort_index()

    def by_type(self) -> pd.Series:
        """Incidents per type key, most first (an imported file's own types are keys of their own)."""
        return self.incidents["type"].value_counts().sort_index().sort_values(ascending=False, kind="stable")

    def to_dict(self, cat: Catalog, lang: str) -> dict:
        """The page's figures, for `territorio profile --json`."""
        lo, hi, unknown = self.fatalities
        years = pd.to_datetime(self.incidents["date_lo"]).dt.year.dropna()
        per_year = self.per_year(int(years.min()), int(years.max())) if len(years) else pd.Series(dtype=int)
        rates = self.rates()
        pop = self.population
        return {
            "area": self.area_id, "name": self.name, "kind": self.kind, "incidents": len(self.incidents),
            "undated": self.undated,
            "fatalities": {"min": lo, "max": hi, "no_figure": unknown},
            "per_year": {str(y): int(n) for y, n in per_year.items()},
            "by_type": [{"type": k, "label": type_label(cat, k, lang), "incidents": int(n)}
                        for k, n in self.by_type().items()],
            "by_actor": [{"actor": r.actor_id, "label": r.actor, "incidents": int(r.incidents)}
                         for r in self.actors.itertuples() if r.incidents],
            "population": None if not pop or not pop.figure else {"figure": pop.figure, "year": pop.year,
                                                                  "kind": pop.kind, "doubtful": pop.doubtful},
            "per_100000": None if rates is None else {"incidents": round(rates[0], 2),
                                                      "fatalities_min": round(rates[1], 2),
                                                      "fatalities_max": round(rates[2], 2)},
        }

    def rates(self) -> tuple[float, float, float] | None:
        """Incidents, fatalities (low, high) per 100,000 residents; None without a population figure."""
        if not self.population or not self.population.figure:
            return None
        lo, hi, _ = self.fatalities
        scale = PER / self.population.figure
        return len(self.incidents) * scale, lo * scale, hi * scale


# --- the steps ----------------------------------------------------------------------------------------

def area_kind(cat: Catalog, area_id: str) -> str:
    if area_id in set(cat.sectors.sector_id):
        return "sector"
    if area_id in set(cat.parishes.pcode):
        return "parish"
    raise UnknownArea(f"unknown area {area_id!r}: not a parish pcode or a sector id")


def related_areas(cat: Catalog, area_id: str) -> set[str]:
    """The area, plus the parishes a sector lies in, or the sectors lying in a parish."""
    related = {area_id}
    for row in cat.sectors.itertuples():
        pcodes = set(split_list(row.pcodes))
        if row.sector_id == area_id:
            related |= pcodes
        elif area_id in pcodes:
            related.add(row.sector_id)
    return related


def population(cat: Catalog, pcode: str) -> Population | None:
    hit = cat.population[cat.population.pcode == pcode] if len(cat.population) else cat.population
    if not len(hit):
        return None
    r = hit.iloc[0]
    figure = int(r["population"]) if str(r["population"]).strip() else None
    note = str(r["notes"])
    doubtful = any(m in note.lower() for m in DOUBT_MARKERS)
    return Population(figure, str(r["year"]).strip(), str(r["kind"]).strip(), doubtful, note,
                      str(r["source_publisher"]), str(r["source_url"]), str(r["source_title"]))


def _ids(value: str) -> tuple[str, ...]:
    return tuple(split_list(value))


def _incident_entries(cat: Catalog, incidents: pd.DataFrame, lang: str) -> list[Entry]:
    out = []
    for r in incidents.to_dict("records"):
        toll = fatalities_text(r["fatalities_min"], r["fatalities_max"], lang)
        out.append(Entry(pd.Timestamp(r["date_lo"]).date(),
                         dates.format_date(r["date"], r["date_precision"], lang, r.get("date_end") or ""),
                         "incident", f"{r[f'title_{lang}']} ({type_label(cat, r['type'], lang)}; {toll})",
                         (r["id"],)))
    return out


def _designation_entries(cat: Catalog, related: set[str], status_labels: dict[str, str], lang: str
                         ) -> list[Entry]:
    chosen = cat.designations[cat.designations.area_id.isin(related)].set_index("designation_id")
    out = []
    for p in cat.periods[cat.periods.designation_id.isin(chosen.index)].itertuples(index=False):
        name = chosen.loc[p.designation_id, f"name_{lang}"]
        out.append(Entry(dates.interval(p.start, p.start_precision)[0],
                         period_text(p._asdict(), lang), "designation",
                         f"{name}: {status_labels.get(p.status, p.status)}. {getattr(p, f'note_{lang}')}",
                         _ids(p.source_event_ids)))
    return out


def _control_entries(cat: Catalog, related: set[str], confidence_labels: dict[str, str], lang: str
                     ) -> list[Entry]:
    out = []
    for c in cat.claims[cat.claims.sector_id.isin(related)].itertuples(index=False):
        out.append(Entry(dates.interval(c.start, c.start_precision)[0],
                         period_text(c._asdict(), lang), "control",
                         f"{actor_label(cat, c.group_id, lang)} ({confidence_labels.get(c.confidence, c.confidence)}, "
                         f"{area_label(cat, c.sector_id)}). {getattr(c, f'note_{lang}')}",
                         _ids(c.source_event_ids)))
    return out


def _actors(cat: Catalog, incidents: pd.DataFrame, timeline: list[Entry], related: set[str], lang: str
            ) -> pd.DataFrame:
    counts: dict[str, int] = {}
    for value in incidents["actor_ids"].fillna(""):
        for a in split_list(value):
            counts[a] = counts.get(a, 0) + 1
    for g in cat.claims[cat.claims.sector_id.isin(related)].group_id:
        counts.setdefault(g, 0)
    rows = [{"actor_id": a, "actor": actor_label(cat, a, lang), "incidents": n} for a, n in counts.items()]
    frame = pd.DataFrame(rows, columns=["actor_id", "actor", "incidents"])
    return frame.sort_values(["incidents", "actor"], ascending=[False, True]).reset_index(drop=True)


def _own_sources(incidents: pd.DataFrame) -> pd.DataFrame:
    """An imported row's own links (its file's `sources`), named by its dataset."""
    if "dataset" not in incidents:
        return pd.DataFrame(columns=["event_id", "outlet", "url", "title"])
    own = incidents[(incidents["dataset"] != "catalog") & (incidents["sources"].fillna("") != "")]
    rows = [{"event_id": r["id"], "outlet": r.get("dataset_name") or r["dataset"], "url": url.strip(),
             "title": r["title_en"]}
            for r in own.to_dict("records") for url in str(r["sources"]).split("|") if url.strip()]
    return pd.DataFrame(rows, columns=["event_id", "outlet", "url", "title"])


def _sources(cat: Catalog, event_ids: set[str], incidents: pd.DataFrame | None = None) -> pd.DataFrame:
    hit = cat.sources[cat.sources.event_id.isin(event_ids)]
    if incidents is not None:
        hit = pd.concat([hit[["event_id", "outlet", "url", "title"]], _own_sources(incidents)], ignore_index=True)
    safe = hit.url.map(lambda u: re.match(r"(?i)^(%s)://" % "|".join(SAFE_SCHEMES), str(u)) is not None)
    hit = hit.loc[safe.to_numpy(bool)]
    return hit[["event_id", "outlet", "url", "title"]].sort_values(["event_id", "outlet"]).reset_index(drop=True)


def _labels(lang: str) -> dict[str, dict[str, str]]:
    return {"status": {k[7:]: t(k, lang) for k in TEXTS if k.startswith("status_")},
            "confidence": {k[5:]: t(k, lang) for k in TEXTS if k.startswith("conf_")}}


def build(cat: Catalog, joined: pd.DataFrame, area_id: str, lang: str) -> Profile:
    """The profile of one parish or sector, its texts in `lang`."""
    labels = _labels(lang)
    kind = area_kind(cat, area_id)
    column = "sector_id" if kind == "sector" else "pcode"
    here = joined[joined[column] == area_id]
    undated = here["date_lo"].isna()      # counted apart, like every figure over time does
    incidents = here[~undated].sort_values(["date_lo", "id"])
    related = related_areas(cat, area_id)
    timeline = (_incident_entries(cat, incidents, lang)
                + _designation_entries(cat, related, labels["status"], lang)
                + _control_entries(cat, related, labels["confidence"], lang))
    timeline.sort(key=lambda e: (e.start, e.kind))
    event_ids = {i for e in timeline for i in e.event_ids}
    return Profile(area_id, kind, area_label(cat, area_id), incidents,
                   population(cat, area_id) if kind == "parish" else None, tuple(timeline),
                   _actors(cat, incidents, timeline, related, lang), _sources(cat, event_ids, incidents),
                   int(undated.sum()), dataset.name_of(joined))


# --- in words and tables (what the page shows) --------------------------------------------------------

def population_sentences(p: Profile, lang: str) -> tuple[str, str, bool]:
    """(figure or 'unknown' sentence, the research note or rates sentence, whether to warn)."""
    pop = p.population
    if p.kind == "sector":
        return t("population_sector", lang), "", False
    if pop is None or pop.figure is None:
        return t("population_unknown", lang), t("population_note", lang, note=pop.note) if pop else "", False
    figure = t("population_figure", lang, figure=fmt_int(pop.figure, lang),
               year=pop.year or t("population_year_unknown", lang), kind=t(f"pop_kind_{pop.kind}", lang),
               publisher=pop.publisher)
    inc, lo, hi = p.rates()
    killed = fmt_float(lo, lang, 1) if lo == hi else f"{fmt_float(lo, lang, 1)}-{fmt_float(hi, lang, 1)}"
    rates = t("profile_rates", lang, incidents=fmt_float(inc, lang, 1), killed=killed)
    note = t("population_doubtful" if pop.doubtful else "population_note", lang, note=pop.note)
    return figure, f"{rates} {note}", pop.doubtful


def timeline_table(cat: Catalog, p: Profile, lang: str) -> pd.DataFrame:
    outlets = p.sources.groupby("event_id")["outlet"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    return pd.DataFrame({
        t("col_when", lang): [e.when for e in p.timeline],
        t("col_kind", lang): [t(f"entry_{e.kind}", lang) for e in p.timeline],
        t("col_what", lang): [e.text for e in p.timeline],
        t("col_source_events", lang): ["; ".join(f"{i}: {outlets.get(i, '-')}" for i in e.event_ids)
                                       for e in p.timeline],
    })


def counts_sentence(p: Profile, lang: str) -> str:
    named = {"data": p.data_name} if p.data_name else {}
    if not len(p.incidents):
        return t("profile_none_data" if named else "profile_none", lang, **named)
    lo, hi, unknown = p.fatalities
    return t("profile_counts_data" if named else "profile_counts", lang, n=fmt_int(len(p.incidents), lang),
             killed=fmt_range(lo, hi, lang), unknown=fmt_int(unknown, lang), **named)
