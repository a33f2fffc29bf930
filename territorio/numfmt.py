"""Numbers shown to people, localised: 1,234.5 in English, 1.234,5 in Spanish."""

from __future__ import annotations

SEPARATORS = {"en": (",", "."), "es": (".", ",")}   # (thousands, decimal)


def number(value: float | int, lang: str, decimals: int = 0) -> str:
    """`value` with `decimals` places and the language's separators."""
    thousands, decimal = SEPARATORS.get(lang, SEPARATORS["en"])
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def count_range(lo, hi, lang: str) -> str:
    """'3' or '3-5' for a range of counts."""
    return number(lo, lang) if lo == hi else f"{number(lo, lang)}-{number(hi, lang)}"
