"""The prioritisation phase as CSV and XLSX: what the pages show, nothing more.

Every figure comes from the pages' own builders (`process_page`, `rating_page`,
`pairwise_results`), so an export follows the same anonymity plan as the page:
a group below the threshold is in no row, by name or by count. Text cells go
through `kerne.lib.spreadsheets`, so nothing anyone typed runs as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kerne.lib.spreadsheets import append_text_row, one_line_break, text_row
from kerne.priorities.pages import ProcessPage, RatingPage, UnitResult
from kerne.priorities.pages_pairwise import PairwiseResults, result_rows


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: list[str]
    rows: list[list[Any]]


def initiative_sheets(page: ProcessPage) -> list[Sheet]:
    """The initiatives with their newest decision, and the whole decisions log."""
    initiatives = Sheet(
        _("Initiatives"),
        [
            _("Initiative"),
            _("Description"),
            _("Dimensions"),
            _("Decision"),
            _("Decided on"),
            _("Reason"),
        ],
        [
            [
                row.initiative.title,
                row.initiative.description,
                ", ".join(row.initiative.dimension_labels()),
                row.decision.get_kind_display() if row.decision else "",
                row.decision.decided_on.isoformat() if row.decision else "",
                row.decision.reason if row.decision else "",
            ]
            for row in page.rows
        ],
    )
    log = Sheet(
        _("Decisions log"),
        [_("Initiative"), _("Decision"), _("Decided on"), _("Reason")],
        [
            [
                d.initiative.title,
                d.get_kind_display(),
                d.decided_on.isoformat(),
                d.reason,
            ]
            for d in page.log
        ],
    )
    return [initiatives, log]


def _percent(value: float) -> int:
    # As the page's widthratio rounds.
    return round(100 * value)


def _rating_row(title: str, unit: UnitResult) -> list[Any]:
    return [
        title,
        unit.label,
        *[n for _label, n in unit.distribution],
        unit.answered,
        _percent(unit.agreement),
        _percent(unit.interval[0]),
        _percent(unit.interval[1]),
    ]


def rating_sheet(page: RatingPage) -> Sheet:
    """Per initiative and shown unit: the distribution, agreement and its interval."""
    labels: Sequence[str] = next(
        (
            [label for label, _n in r.all_shown.distribution]
            for r in page.results
            if r.all_shown is not None
        ),
        [],
    )
    rows = []
    for result in page.results:
        title = result.initiative.title
        rows += [_rating_row(title, unit) for unit in result.units]
        if result.all_shown is not None:
            rows.append(_rating_row(title, result.all_shown))
    return Sheet(
        _("Rating"),
        [
            _("Initiative"),
            _("Group"),
            *labels,
            _("Answered"),
            _("Agreement (%)"),
            _("Lower limit (%)"),
            _("Upper limit (%)"),
        ],
        rows,
    )


def pairwise_sheet(results: PairwiseResults) -> Sheet:
    return Sheet(
        _("Pairwise prioritisation"),
        [
            _("Initiative"),
            _("Group"),
            _("Score (%)"),
            _("Lower limit (%)"),
            _("Upper limit (%)"),
            _("Comparisons"),
        ],
        # Numbers as numbers in the workbook; result_rows gives the CSV's text.
        [
            [*row[:2], *(_number(cell) for cell in row[2:])]
            for row in result_rows(results)
        ],
    )


def _number(cell: str) -> str | int:
    return int(cell) if cell.isdigit() else cell


def to_csv(sheet: Sheet) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 only with a byte-order mark.
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(sheet.headers)
    writer.writerows(
        text_row(one_line_break(c) if isinstance(c, str) else c for c in row)
        for row in sheet.rows
    )
    return buffer.getvalue()


def to_xlsx(sheets: Sequence[Sheet]) -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for sheet in sheets:
        found = workbook.create_sheet(sheet.title[:31])  # Excel's limit for names.
        found.append(sheet.headers)
        for cell in found[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            append_text_row(found, row)
        found.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(sheet: Sheet, filename: str) -> HttpResponse:
    return _attachment(
        HttpResponse(to_csv(sheet), content_type="text/csv; charset=utf-8"), filename
    )


def xlsx_response(sheets: Sequence[Sheet], filename: str) -> HttpResponse:
    return _attachment(HttpResponse(to_xlsx(sheets), content_type=XLSX), filename)
