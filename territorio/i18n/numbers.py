"""Numbers as people read them: 12,345 in English, 12.345 in Spanish; ranges as 4-9."""

from __future__ import annotations

import pandas as pd

SEPARATORS = {"en": (",", "."), "es": (".", ",")}   # thousands, decimal


def fmt_int(n, lang: str) -> str:
    thousands, _ = SEPARATORS.get(lang, SEPARATORS["en"])
    return f"{int(n):,}".replace(",", thousands)


def fmt_float(x: float, lang: str, digits: int = 1) -> str:
    thousands, decimal = SEPARATORS.get(lang, SEPARATORS["en"])
    text = f"{x:,.{digits}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def fmt_range(lo, hi, lang: str) -> str:
    """'7', '4-9'; missing bounds give ''."""
    if pd.isna(lo) or pd.isna(hi):
        return ""
    return fmt_int(lo, lang) if lo == hi else f"{fmt_int(lo, lang)}-{fmt_int(hi, lang)}"
