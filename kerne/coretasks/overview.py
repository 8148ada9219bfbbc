"""Every unit of an organisation side by side, for administrators, and its exports.

The recognition scores come from `qualification.recognitions`, so the overview and
its CSV/XLSX exports show a side's score only where the anonymity plan lets the
qualification page show it. Everything is loaded for all units at once: the page
makes the same number of queries for 5 units as for 80.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kerne.coretasks.models import Adoption, QualificationRound
from kerne.coretasks.qualification import recognitions
from kerne.coretasks.services import ReviewState, review_state
from kerne.lib import figures
from kerne.lib.spreadsheets import append_text_row, text_row
from kerne.organisations.models import Organisation, Unit
from kerne.processes.models import Phase, Process

FIRST_LINES_LIMIT = 140


@dataclass(frozen=True)
class OverviewRow:
    unit: Unit
    area: str
    phase: str
    phase_index: int
    statement: str
    adopted_on: dt.date | None
    review_on: dt.date | None
    review: ReviewState | None
    inside: float | None
    outside: float | None

    @property
    def inside_score(self) -> Decimal | None:
        """The score as the page, the CSV and the XLSX all show it."""
        return None if self.inside is None else figures.one_decimal(self.inside)

    @property
    def outside_score(self) -> Decimal | None:
        return None if self.outside is None else figures.one_decimal(self.outside)


def first_lines(text: str, limit: int = FIRST_LINES_LIMIT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _in_area(unit: Unit, area: Unit | None, parents: dict[int, int | None]) -> bool:
    node: int | None = unit.pk
    while node is not None:
        if area is None or node == area.pk:
            return True
        node = parents.get(node)
    return False


def overview_rows(
    organisation: Organisation, *, area: Unit | None = None
) -> list[OverviewRow]:
    units = list(
        Unit.objects.filter(organisation=organisation).select_related("parent")
    )
    parents = {u.pk: u.parent_id for u in units}
    latest_process: dict[int, Process] = {}
    for found in Process.objects.filter(unit__organisation=organisation).order_by(
        "created_at"
    ):
        latest_process[found.unit_id] = found
    adoptions: dict[int, Adoption] = {}
    for adopted in (
        Adoption.objects.filter(unit__organisation=organisation)
        .select_related("version")
        .order_by("adopted_on", "created_at", "pk")
    ):
        adoptions[adopted.unit_id] = adopted
    qualifications: dict[int, QualificationRound] = {}
    for q in (
        QualificationRound.objects.filter(
            round__process__unit__organisation=organisation
        )
        .select_related("round__process")
        .order_by("created_at", "pk")
    ):
        qualifications[q.round.process.unit_id] = q
    scores = recognitions(list(qualifications.values()))
    phases = list(Phase.values)
    rows = []
    for unit in units:
        if not _in_area(unit, area, parents):
            continue
        process: Process | None = latest_process.get(unit.pk)
        adoption: Adoption | None = adoptions.get(unit.pk)
        qualification = qualifications.get(unit.pk)
        score = scores.get(qualification.pk) if qualification is not None else None
        rows.append(
            OverviewRow(
                unit=unit,
                area=unit.parent.name if unit.parent else "",
                phase=process.get_phase_display() if process is not None else "",
                phase_index=phases.index(process.phase) if process is not None else -1,
                statement=first_lines(adoption.version.statement)
                if adoption is not None
                else "",
                adopted_on=adoption.adopted_on if adoption is not None else None,
                review_on=adoption.review_on if adoption is not None else None,
                review=review_state(adoption) if adoption is not None else None,
                inside=score.inside if score else None,
                outside=score.outside if score else None,
            )
        )
    return sort_rows(rows, "name")


SORT_KEYS: dict[str, Callable[[OverviewRow], Any]] = {
    "name": lambda r: r.unit.name.lower(),
    "phase": lambda r: r.phase_index,
    "adopted": lambda r: r.adopted_on or dt.date.min,
    "review": lambda r: r.review_on or dt.date.max,
    "inside": lambda r: -1.0 if r.inside is None else r.inside,
    "outside": lambda r: -1.0 if r.outside is None else r.outside,
}


def sort_rows(
    rows: list[OverviewRow], key: str, *, descending: bool = False
) -> list[OverviewRow]:
    by = SORT_KEYS.get(key, SORT_KEYS["name"])
    # Name second, so equal values keep a stable, readable order.
    ordered = sorted(rows, key=lambda r: r.unit.name.lower())
    return sorted(ordered, key=by, reverse=descending)


def _score(value: Decimal | None) -> str:
    # A Danish decimal comma in any language: the file opens in Danish Excel (";").
    return "" if value is None else str(value).replace(".", ",")


def headers() -> list[str]:
    return [
        _("Unit"),
        _("Area"),
        _("Phase"),
        _("Adopted core task"),
        _("Adopted"),
        _("Next review"),
        _("Recognition inside (1–5)"),
        _("Recognition outside (1–5)"),
    ]


def _cells(row: OverviewRow) -> list[Any]:
    return [
        row.unit.name,
        row.area,
        row.phase,
        row.statement,
        row.adopted_on,
        row.review_on,
        None if row.inside_score is None else float(row.inside_score),
        None if row.outside_score is None else float(row.outside_score),
    ]


def to_csv(rows: list[OverviewRow]) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 only with a byte-order mark.
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers())
    for row in rows:
        cells = _cells(row)
        cells[4] = row.adopted_on.isoformat() if row.adopted_on else ""
        cells[5] = row.review_on.isoformat() if row.review_on else ""
        cells[6], cells[7] = _score(row.inside_score), _score(row.outside_score)
        writer.writerow(text_row(cells))
    return buffer.getvalue()


def to_xlsx(rows: list[OverviewRow], *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]  # Excel's limit for sheet names.
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_text_row(sheet, _cells(row))
    for column, width in zip("ABCDEFGH", (28, 22, 18, 60, 12, 12, 14, 14), strict=True):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in cells:
            cell.number_format = "yyyy-mm-dd"
    for cells in sheet.iter_rows(min_row=2, min_col=7, max_col=8):
        for cell in cells:
            cell.number_format = "0.0"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
