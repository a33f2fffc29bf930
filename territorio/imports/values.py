"""Reading one cell the way people write it: dates (ISO, day-first, Spanish or English month names, a year
or a month alone), numbers with a decimal comma, fatality ranges such as "14-24", http(s) links.

Each parser returns a value or raises ValueProblem(code, params) naming what is wrong; validate.py turns
that into a row's rejection or warning.
"""

from __future__ import annotations

import datetime as dt
import re

from territorio.i18n.text import fold


class ValueProblem(ValueError):
    def __init__(self, code: str, **params: object):
        self.code, self.params = code, params
        super().__init__(code)


MONTHS = {  # folded month names and abbreviations, Spanish and English -> month number
    **{m: i for i, m in enumerate(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                    "septiembre", "octubre", "noviembre", "diciembre"], start=1)},
    **{m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                    "september", "october", "november", "december"], start=1)},
    **{m: i for i, m in enumerate(["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct",
                                    "nov", "dic"], start=1)},
    **{m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                    "nov", "dec"], start=1)},
    "setiembre": 9, "set": 9, "sept": 9,
}
FILLER = {"de", "del", "of", "the"}
WEEKDAYS = {"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "lun", "mie", "jue", "vie", "sab", "dom",
            "mon", "tue", "wed", "thu", "fri", "sat", "sun"}   # 'mar' is March: a weekday never decides a date
TIME = r"(?:[ t]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?"
FORMULA_GUARD = re.compile(r"^'(?=[=+\-@])")
URL = re.compile(r"https?://[^\s|,;\"'<>]+", re.IGNORECASE)


def unguard(cell: str) -> str:
    """Undo the CSV export's formula guard: "'=1+1" -> "=1+1", "'-66.9" -> "-66.9"."""
    return FORMULA_GUARD.sub("", cell)


def urls(text: str) -> list[str]:
    return URL.findall(str(text or ""))


# --- dates ------------------------------------------------------------------------------------------

def _year(token: str) -> int:
    y = int(token)
    if len(token) == 2:
        y += 2000 if y <= dt.date.today().year % 100 else 1900
    return y


def _make(year: int, month: int | None = None, day: int | None = None) -> tuple[str, str]:
    if month is None:
        return f"{year:04d}", "year"
    if day is None:
        if not 1 <= month <= 12:
            raise ValueError
        return f"{year:04d}-{month:02d}", "month"
    return dt.date(year, month, day).isoformat(), "day"


_NUMERIC = [  # (pattern, groups -> (year, month, day)) tried in order; day-first as written in Venezuela
    (r"(\d{4})", lambda g: (int(g[0]), None, None)),
    (r"(\d{4})-(\d{1,2})", lambda g: (int(g[0]), int(g[1]), None)),
    (r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + TIME, lambda g: (int(g[0]), int(g[1]), int(g[2]))),
    (r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + TIME, lambda g: (_year(g[2]), int(g[1]), int(g[0]))),
    (r"(\d{1,2})[-/.](\d{4})", lambda g: (int(g[1]), int(g[0]), None)),
]


def _numeric(text: str):
    for pattern, parts in _NUMERIC:
        m = re.fullmatch(pattern, text)
        if m:
            return parts(m.groups())
    return None


def _named(text: str):
    """'12 de febrero de 2019', 'febrero 2019', '9-May-20', '09 May 2020', 'February 12, 2019', with a weekday
    before it ('Sábado, 7 de marzo de 2020') or a time after it ('7 de marzo de 2020 14:30')."""
    words = re.sub(TIME + "$", "", fold(text).strip())
    tokens = [w for w in re.split(r"[\s\-/.,]+", words) if w and w not in FILLER]
    if len(tokens) > 2 and tokens[0] in WEEKDAYS:
        tokens = tokens[1:]
    months = [MONTHS[w] for w in tokens if w in MONTHS]
    numbers = [w for w in tokens if w.isdigit()]
    if len(months) != 1 or len(numbers) + 1 != len(tokens) or not 1 <= len(numbers) <= 2:
        return None
    years = [w for w in numbers if len(w) == 4] or [numbers[-1]]
    days = [w for w in numbers if w != years[0]] or ([numbers[0]] if len(numbers) == 2 else [])
    return _year(years[0]), months[0], (int(days[0]) if days else None)


def parse_date(value: str) -> tuple[str, str]:
    """(ISO text, precision) for a date as people write it; ValueProblem('date_missing'|'date_unreadable')."""
    text = str(value or "").strip()
    if not text:
        raise ValueProblem("date_missing")
    parts = _numeric(text.lower()) or _named(text)
    if parts is None:
        raise ValueProblem("date_unreadable", value=text)
    try:
        return _make(*parts)
    except ValueError:
        raise ValueProblem("date_unreadable", value=text) from None


def date_bounds(iso: str, precision: str) -> tuple[dt.date, dt.date]:
    from territorio.catalog.dates import interval

    return interval(iso, precision)


# --- numbers ----------------------------------------------------------------------------------------

def parse_number(value: str) -> float | None:
    """A decimal number, '.' or ',' as the decimal mark; None when empty; ValueError when unreadable."""
    text = str(value or "").strip().replace("\u2212", "-")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    return float(text)


_RANGE = re.compile(r"(-?\d+)\s*(?:-|–|—|a|to|al)\s*(-?\d+)")


def parse_fatalities(value: str) -> tuple[int | None, int | None]:
    """'' -> (None, None); '3' -> (3, 3); '14-24' / '14 a 24' -> (14, 24); ValueProblem when unreadable,
    negative or reversed."""
    text = str(value or "").strip()
    if not text:
        return None, None
    m = _RANGE.fullmatch(text)
    try:
        lo, hi = (int(m[1]), int(m[2])) if m else (int(float(text.replace(",", "."))),) * 2
    except ValueError:
        raise ValueProblem("fatalities_unreadable", value=text) from None
    if lo < 0 or hi < 0:
        raise ValueProblem("fatalities_negative", value=text)
    if hi < lo:
        raise ValueProblem("fatalities_reversed", value=text)
    return lo, hi
