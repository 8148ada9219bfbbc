"""Cells that a spreadsheet shows as text, never runs as a formula.

Anything a participant or facilitator typed may reach an export: an answer that starts with
``=HYPERLINK(…)`` or ``+cmd|…`` would otherwise run when a leader opens the file in Excel or
LibreOffice. OWASP's rule for CSV injection: a text cell that starts with one of these
characters gets a leading apostrophe, which both programs show as plain text. XLSX cells are
also stored with the string type, so they are never formulas whatever they start with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def text_cell(value: Any) -> Any:
    """The value, with text that a spreadsheet would read as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def text_row(cells: Iterable[Any]) -> list[Any]:
    return [text_cell(cell) for cell in cells]


def one_line_break(value: str) -> str:
    """Line breaks as "\\n" only: a CSV written with "\\n" rows quotes no bare "\\r"."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def plain_text(value: str) -> str:
    """Undo text_cell on a cell read back from one of our own exports."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def append_text_row(sheet: Worksheet, cells: Sequence[Any]) -> None:
    """Append a row whose text cells are strings to the spreadsheet, not formulas.

    XLSX cannot hold most control characters at all (openpyxl refuses them), so they are
    dropped rather than let one odd character in a name break the whole export.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    sheet.append(
        [
            text_cell(ILLEGAL_CHARACTERS_RE.sub("", cell))
            if isinstance(cell, str)
            else cell
            for cell in cells
        ]
    )
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
