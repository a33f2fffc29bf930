"""What the catalog covers and what it does not: counts by year, parishes with no recorded incident,
sources read only through mirrors. Shown on the Sources & method page so absence of dots is not read as calm."""

from __future__ import annotations

import pandas as pd

from territorio.catalog.model import Catalog

CATALOG_YEARS = (2013, 2024)   # the catalog's window (data 0.2.0); the page counts every year in it, empty or not


def incidents_per_year(joined: pd.DataFrame, first: int = CATALOG_YEARS[0], last: int = CATALOG_YEARS[1]) -> pd.Series:
    years = joined["date"].str[:4].astype(int)
    return years.value_counts().reindex(range(first, last + 1), fill_value=0).sort_index()


def parishes_without_incidents(cat: Catalog, joined: pd.DataFrame) -> list[str]:
    seen = set(joined["pcode"])
    return sorted(cat.parishes.loc[~cat.parishes.pcode.isin(seen), "name"])


def mirror_sources(cat: Catalog) -> pd.DataFrame:
    m = cat.sources[cat.sources.mirror == "true"]
    return m.groupby(["outlet", "host"]).event_id.apply(lambda s: ", ".join(sorted(set(s)))).reset_index()
