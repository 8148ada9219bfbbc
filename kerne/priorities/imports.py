"""Read initiatives from a CSV or XLSX file into rows and per-row Danish errors; saves nothing.

The first row names the columns: a title column ("titel" or "initiativ") is required,
"beskrivelse" and "dimensioner" are optional. Dimensions are written by key or by
name, separated by comma or semicolon. Danish Excel writes CSV with semicolons, so
the delimiter is sniffed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from kerne.processes.models import Dimension

MAX_ROWS = 500
TITLE_COLUMNS = ("titel", "initiativ", "title")
DESCRIPTION_COLUMNS = ("beskrivelse", "description")
DIMENSION_COLUMNS = ("dimensioner", "dimension", "dimensions")


@dataclass(frozen=True)
class ImportRow:
    line: int
    title: str
    description: str
    dimensions: list[str]


@dataclass
class ImportResult:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """One message per bad row, or one for the whole file."""


def _dimension_key(text: str) -> str | None:
    wanted = text.strip().casefold()
    for dimension in Dimension:
        names = {dimension.value, str(dimension.label).casefold()}
        if wanted in names:
            return dimension.value
    return None


class _TooLong(Exception):
    pass


# Blank lines are allowed between rows, but a file is never read beyond this many lines,
# and never wider than this many columns: a 2 MB XLSX can unpack to millions of cells.
MAX_LINES = 4 * MAX_ROWS
MAX_COLUMNS = 50


def _cells(row: Iterable[object]) -> list[str]:
    # A NUL byte is no character of any text, and PostgreSQL refuses to store one.
    return [
        "" if cell is None else str(cell).replace("\x00", "")
        for cell in islice(row, MAX_COLUMNS)
    ]


def _lines(rows: Iterable[Iterable[object]]) -> list[list[str]]:
    table: list[list[str]] = []
    for row in rows:
        if len(table) == MAX_LINES + 1:
            raise _TooLong
        table.append(_cells(row))
    return table


def _table(name: str, data: bytes) -> list[list[str]]:
    if name.lower().endswith(".xlsx"):
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        if sheet is None:
            return []
        return _lines(sheet.iter_rows(values_only=True))
    text = data.decode("utf-8-sig")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:4096], delimiters=";,\t"
        )
    except csv.Error:
        dialect = csv.excel
    return _lines(csv.reader(io.StringIO(text), dialect))


def parse_initiatives(name: str, data: bytes, *, existing: set[str]) -> ImportResult:
    """Rows to import and what is wrong with the others; `existing` holds titles already there."""
    result = ImportResult()
    try:
        table = _table(name, data)
    except _TooLong:
        result.errors.append(
            _("The file has more than %(max)d rows.") % {"max": MAX_ROWS}
        )
        return result
    except Exception:
        # A hostile or broken file can make the zip, XML and CSV readers fail in more
        # ways than they document (BadZipFile, ParseError, KeyError, …); each is the same
        # answer to the person uploading it.
        result.errors.append(_("The file could not be read. Use CSV (UTF-8) or XLSX."))
        return result
    # Line numbers as the person sees them in the file, counting blank lines too.
    numbered = [
        (line, row)
        for line, row in enumerate(table, start=1)
        if any(cell.strip() for cell in row)
    ]
    if not numbered:
        result.errors.append(_("The file is empty."))
        return result
    header = [cell.strip().casefold() for cell in numbered[0][1]]

    def column(names: tuple[str, ...]) -> int | None:
        return next((i for i, h in enumerate(header) if h in names), None)

    title_at = column(TITLE_COLUMNS)
    if title_at is None:
        result.errors.append(_("The first row must name a column “titel”."))
        return result
    if len(numbered) == 1:
        result.errors.append(_("The file has no initiatives below the first row."))
        return result
    description_at = column(DESCRIPTION_COLUMNS)
    dimensions_at = column(DIMENSION_COLUMNS)
    if len(numbered) - 1 > MAX_ROWS:
        result.errors.append(
            _("The file has more than %(max)d rows.") % {"max": MAX_ROWS}
        )
        return result
    seen = {title.casefold() for title in existing}

    def cell(row: list[str], at: int | None) -> str:
        return row[at].strip() if at is not None and at < len(row) else ""

    for line, row in numbered[1:]:
        title = cell(row, title_at)
        if not title:
            result.errors.append(
                _("Row %(line)d: the title is missing.") % {"line": line}
            )
            continue
        if len(title) > 200:
            result.errors.append(
                _("Row %(line)d: the title is longer than 200 characters.")
                % {"line": line}
            )
            continue
        if title.casefold() in seen:
            result.errors.append(
                _("Row %(line)d: “%(title)s” is already on the list.")
                % {"line": line, "title": title}
            )
            continue
        keys: list[str] = []
        unknown: list[str] = []
        for part in cell(row, dimensions_at).replace(";", ",").split(","):
            if part.strip():
                key = _dimension_key(part)
                if key is None:
                    unknown.append(part.strip())
                elif key not in keys:
                    keys.append(key)
        if unknown:
            result.errors.append(
                _("Row %(line)d: unknown dimension “%(name)s”.")
                % {"line": line, "name": unknown[0]}
            )
            continue
        seen.add(title.casefold())
        ordered = [d for d in Dimension.values if d in keys]
        result.rows.append(ImportRow(line, title, cell(row, description_at), ordered))
    return result
