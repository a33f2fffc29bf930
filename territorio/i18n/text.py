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
# Streamlit's Markdown makes links of bare addresses (http://, https://, www., name@host) and emoji of :name:
# after the escapes are resolved (remark-gfm and remark-emoji work on the parsed text), so an escaped
# "https\://evil\.example" still became a link. A word joiner (U+2060: invisible, never a line break) after
# such a ':' or '@' and inside "www." leaves none of those patterns in the text.
_AUTOLINK_STARTS = re.compile(r"(?<=[:@])(?=[\w/+-])|(?<=www)(?=\.)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def shorten(text, limit: int = 80) -> str:
    """At most `limit` characters of a value from a URL or a file, "…" marking a cut (for a message that
    quotes it: the message keeps its own words whatever the value's length)."""
    text = str(text)
    return text[:limit] + "…" if len(text) > limit else text


def escape_markdown(text: str, limit: int = 80) -> str:
    """Text from a URL or a file, safe to put inside Markdown: length capped, specials escaped, and no bare
    address or emoji code left for the renderer to turn into a link or a picture."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", _AUTOLINK_STARTS.sub(WORD_JOINER, shorten(text, limit)))


def script_json(value) -> str:
    """JSON safe inside a <script> element, as a JS literal or for JSON.parse: no "</" can close the
    element and no "<!--" can open a comment (escaped in ways JSON itself allows)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
