"""'Cite this view': a ready citation with a link that reopens the same filters.

Pure: takes the FilterSpec, language, data version and access date; the public address comes from the
TERRITORIO_PUBLIC_URL setting (read by `public_url`) unless a base is passed in.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from territorio import settings
from territorio.catalog import dates
from territorio.i18n import t
from territorio.selection import urlstate
from territorio.selection.dataset import CATALOG_ONLY, DatasetChoice
from territorio.selection.filters import FilterSpec


def public_url() -> str:
    """The address readers can open (set TERRITORIO_PUBLIC_URL when deploying)."""
    return settings.PUBLIC_URL.value()


def query_pairs(spec: FilterSpec, lang: str, data: DatasetChoice = CATALOG_ONLY) -> list[tuple[str, str]]:
    """The filters as URL query parameters, as the map page writes them (territorio.selection.urlstate), with
    both dates always present; list filters repeat their key (area=a&area=b); the dataset when one is chosen."""
    query = {**urlstate.to_query(urlstate.ViewState(spec=spec, lang=lang)), **urlstate.dataset_query(data)}
    return urlstate.pairs(query)


def link(pairs: list[tuple[str, str]], base: str | None = None, page: str = "") -> str:
    """The public address, an optional page (url_path such as 'profile'), and the query."""
    base = base or public_url()
    if page:
        base = base.rstrip("/") + "/" + page
    return f"{base}?{urlencode(pairs)}"


def view_link(spec: FilterSpec, lang: str, base: str | None = None, page: str = "",
              data: DatasetChoice = CATALOG_ONLY) -> str:
    return link(query_pairs(spec, lang, data), base, page)


def cite(spec: FilterSpec, lang: str, data_version: str, accessed: dt.date, *, uploaded: bool = False,
         base: str | None = None, view: str = "", page: str = "", data: DatasetChoice = CATALOG_ONLY,
         data_words: str = "") -> str:
    """The citation text. `view` is the filter in words (optional); `uploaded` warns that the link
    reopens only the embedded catalog, not data the reader uploaded; `data` (a kept dataset) travels in the
    link and `data_words` names it."""
    return cite_link(view_link(spec, lang, base, page, data), lang, data_version, accessed, uploaded=uploaded,
                     view=view, data_words=data_words)


def cite_link(url: str, lang: str, data_version: str, accessed: dt.date, *, uploaded: bool = False,
              view: str = "", data_words: str = "") -> str:
    """The citation text around any link (pages whose state is not a FilterSpec, such as the study)."""
    text = t("cite_text", lang, title=t("export_title", lang), version=data_version,
             accessed=dates.format_date(accessed.isoformat(), "day", lang), link=url)
    if data_words:
        text = data_words + " " + text
    if view:
        text = t("cite_view", lang, view=view.rstrip(".")) + " " + text
    if uploaded:
        text += " " + t("cite_uploaded", lang)
    return text
