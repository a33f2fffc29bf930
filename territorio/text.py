"""Text normalisation for matching names typed by people ("cota 905", "El Paraiso", "KOKI")."""

from __future__ import annotations

import json
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


def script_json(value) -> str:
    """JSON safe inside a <script> element, as a JS literal or for JSON.parse: no "</" can close the
    element and no "<!--" can open a comment (escaped in ways JSON itself allows)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
