"""What travels with everything that leaves the app: the filter in words, the data version, the licence.

Pure: exports, pictures and citations all describe a view with these same sentences.
"""

from __future__ import annotations

from territorio.catalog import dates
from territorio.catalog.datapackage import OCHA_ATTRIBUTION
from territorio.catalog.model import Catalog, actor_label, area_label, type_label
from territorio.i18n import t
from territorio.selection.dataset import CATALOG
from territorio.selection.filters import FilterSpec


def _day(value, lang: str) -> str:
    return dates.format_date(value.isoformat(), "day", lang)


def _period(spec: FilterSpec, lang: str) -> str:
    if spec.date_from and spec.date_to:
        return t("words_between", lang, start=_day(spec.date_from, lang), end=_day(spec.date_to, lang))
    if spec.date_from:
        return t("words_since", lang, start=_day(spec.date_from, lang))
    if spec.date_to:
        return t("words_until", lang, end=_day(spec.date_to, lang))
    return t("words_all_dates", lang)


def _listed(values: list[str], all_key: str, some_key: str, lang: str) -> str:
    return t(some_key, lang, names=", ".join(values)) if values else t(all_key, lang)


def filter_sentence(cat: Catalog, spec: FilterSpec, lang: str) -> str:
    """'Incidents, 1 Feb 2019 – 28 Feb 2019; area: El Paraíso; all types; all actors.'"""
    parts = [
        t("words_incidents", lang) + ", " + _period(spec, lang),
        _listed([area_label(cat, a) for a in spec.areas], "words_all_areas", "words_areas", lang),
        _listed([type_label(cat, k, lang) for k in spec.types], "words_all_types", "words_types", lang),
        _listed([actor_label(cat, a, lang) for a in spec.actors], "words_all_actors", "words_actors", lang),
    ]
    if spec.min_fatalities > 0:
        parts.append(t("words_min_fatalities", lang, n=spec.min_fatalities))
    return "; ".join(parts) + "."


def licence(lang: str) -> str:
    return t("licence_text", lang, ocha=OCHA_ATTRIBUTION)


def data_sentence(joined, lang: str) -> str:
    """'Data: NAME, imported DATE, licence L.' when the incidents are a kept dataset's (each row carries its
    dataset: selection.dataset.stamp), '; with the Territorio catalog' when the catalog is mixed in; '' for the
    catalog alone."""
    if "dataset_name" not in joined:
        return ""
    own = joined[joined["dataset"] != CATALOG]
    if not len(own):
        return ""
    first = own.iloc[0]
    mixed = bool((joined["dataset"] == CATALOG).any())
    return t("dataset_words_mixed" if mixed else "dataset_words", lang, name=first["dataset_name"],
             date=str(first["imported_at"])[:10], licence=first["licence"])


def metadata(cat: Catalog, spec: FilterSpec, lang: str, data: str = "") -> dict[str, str]:
    """The provenance every export carries, as plain key -> text; `data` names a kept dataset (data_sentence)."""
    return {
        "title": t("export_title", lang),
        **({"data": data} if data else {}),
        "data_version": cat.version,
        "filter": filter_sentence(cat, spec, lang),
        "licence": licence(lang),
        "attribution": OCHA_ATTRIBUTION,
        "sources": t("export_sources_note", lang),
    }
