"""CSV: comma or semicolon (or tab) separated, UTF-8 with or without BOM, or Latin-1 (Windows-1252)."""

from __future__ import annotations

import csv as std_csv
import io
import re

from territorio.imports.columns import generic_mapper
from territorio.imports.report import FileRejected, Issue
from territorio.imports.safety import Limits, check_columns, check_rows
from territorio.imports.table import Record, Table
from territorio.imports.values import unguard

DELIMITERS = (",", ";", "\t")
CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f]")
BINARY_SHARE = 0.01   # control characters in a text file: none; in random bytes read as Latin-1, about 11%


def decode(data: bytes) -> str:
    """UTF-8 (BOM dropped), else Windows-1252 (Latin-1 with curly quotes), else Latin-1, which reads any byte."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    for encoding in ("utf-8", "cp1252"):
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue
    return body.decode("latin-1")


def _delimiter(text: str) -> str:
    head = text.split("\n", 1)[0]
    return max(DELIMITERS, key=head.count)


def _lines(reader, limits: Limits) -> list[list[str]]:
    """The non-blank lines, each counted against the column cap and all against the row cap as they are read
    (a 48 MB CSV of 1.4 million rows took 106 s and 3.4 GB read whole)."""
    lines = []
    for cells in reader:
        if any(c.strip() for c in cells):
            check_columns(len(cells), limits)
            lines.append(cells)
            check_rows(len(lines) - 1, limits)   # the header is not a row
    return lines


def without_nul(text: str) -> tuple[str, list[Issue]]:
    """The text with its NUL characters removed (a spreadsheet or a database dump leaves some inside fields),
    with a warning saying how many; a file with other control characters throughout is not text at all."""
    nul = text.count("\x00")
    if len(CONTROL.findall(text)) > BINARY_SHARE * len(text):
        raise FileRejected("not_text")
    if not nul:
        return text, []
    return text.replace("\x00", ""), [Issue(None, "nul_stripped", {"n": nul})]


def rows(text: str, limits: Limits = Limits()) -> tuple[list[str], list[list[str]]]:
    """Header and data rows; blank lines are not rows; a header alone is refused (nothing to load is not a
    success)."""
    if "\x00" in text:
        raise FileRejected("not_text")
    reader = std_csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        lines = _lines(reader, limits)
    except std_csv.Error as exc:
        raise FileRejected("csv_unreadable", detail=str(exc)) from None
    if not lines:
        raise FileRejected("empty")
    if len(lines) == 1:
        raise FileRejected("header_no_rows")
    header = [h.strip() for h in lines[0]]
    return header, lines[1:]


def header_of(text: str) -> list[str]:
    """The first line's cells (for recognising a format by its columns)."""
    first = text.replace("\x00", "").split("\n", 1)[0]
    return [h.strip() for h in next(std_csv.reader([first], delimiter=_delimiter(first)), [])]


def table(header: list[str], body: list[list[str]], fmt: str) -> Table:
    records, warnings = [], []
    for n, cells in enumerate(body, start=1):
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            warnings.append(Issue(n, "extra_cells", {"n": len(cells), "expected": len(header)}))
        cells = [unguard(c) for c in cells] + [""] * (len(header) - len(cells))
        records.append(Record(n, dict(zip(header, cells))))
    return Table(fmt, header, records, warnings=warnings, mapper=generic_mapper(header))


def read(data: bytes, name: str, limits: Limits) -> Table:
    text, warnings = without_nul(decode(data))
    header, body = rows(text, limits)
    tab = table(header, body, "csv")
    tab.warnings[:0] = warnings
    return tab
