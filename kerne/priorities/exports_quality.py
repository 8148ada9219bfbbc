"""The adopted quality descriptions as CSV and XLSX, one row per description and statement.

The figures are the Kvalitet page's: the opinion map's, as `quality.map_standing` gives
them, so a cell is empty whenever the page shows no figure.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kerne.lib.spreadsheets import append_text_row, one_line_break, text_row
from kerne.priorities.pages_quality import QualityPage


def headers() -> list[str]:
    return [
        _("Dimension"),
        _("Current"),
        _("Adopted"),
        _("Quality description"),
        _("Statement"),
        _("Consensus in the map now"),
        _("Agree (%)"),
        _("Disagree (%)"),
        _("Pass (%)"),
        _("Votes"),
    ]


def rows(page: QualityPage) -> list[list[Any]]:
    """Newest description first within each dimension, dimensions in the method's order."""
    found = []
    standing = page.standing
    for section in page.sections:
        adopted = [section.current, *section.history] if section.current else []
        for description in adopted:
            start = [
                section.label,
                _("Yes") if description is section.current else _("No"),
                timezone.localtime(description.adopted_at).date(),
                one_line_break(description.text),
            ]
            statements = sorted(description.statements.all(), key=lambda s: s.pk)
            if not statements:
                found.append([*start, "", "", None, None, None, None])
            for statement in statements:
                figures = standing.shown.get(statement.pk) or {}
                found.append(
                    [
                        *start,
                        one_line_break(statement.text),
                        (_("Yes") if statement.pk in standing.agree else _("No"))
                        if standing.ready
                        else "",
                        figures.get("agree"),
                        figures.get("disagree"),
                        figures.get("pass"),
                        figures.get("n"),
                    ]
                )
    return found


def to_csv(page: QualityPage) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 only with a byte-order mark.
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers())
    for row in rows(page):
        row[2] = row[2].isoformat()
        writer.writerow(text_row("" if cell is None else cell for cell in row))
    return buffer.getvalue()


def to_xlsx(page: QualityPage) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Quality")[:31]  # Excel's limit for sheet names.
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(page):
        append_text_row(sheet, row)
    widths = (24, 10, 12, 60, 60, 14, 10, 10, 10, 10)
    for column, width in zip("ABCDEFGHIJ", widths, strict=True):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        for cell in cells:
            cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
