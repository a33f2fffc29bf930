"""Text normalisation for matching names typed by people ("cota 905", "El Paraiso", "KOKI")."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lowercase, accents stripped, punctuation to spaces, spaces collapsed."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def split_list(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in str(value or "").split(sep) if v.strip()]


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_markdown(text: str, limit: int = 80) -> str:
    """Text from a URL or a file, safe to put inside Markdown: specials escaped, length capped."""
    text = str(text)
    if len(text) > limit:
        text = text[:limit] + "…"
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)
