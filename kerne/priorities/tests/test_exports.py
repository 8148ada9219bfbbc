"""The phase's CSV and XLSX files: they open, hold the page's rows and hide small groups."""

from __future__ import annotations

import datetime as dt
import io

from django.urls import reverse
from openpyxl import load_workbook

from kerne.priorities.services import (
    add_initiative,
    create_rating_round,
    record_decision,
)
from kerne.priorities.tests.helpers import make_round, vote
from kerne.priorities.tests.test_rating import rate
from kerne.processes.services import close_round, open_round
from kerne.testing import BaseTestCase

FORMULA = '=HYPERLINK("http://example.com","Klik")'


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return load_workbook(io.BytesIO(response.content))


def values(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def csv_lines(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return response.content.decode("utf-8-sig").strip().splitlines()


class InitiativeExportTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.hostile = add_initiative(
            cls.process, by=cls.alice, title=FORMULA, dimensions=["vaerdi"]
        )
        cls.quiet = add_initiative(cls.process, by=cls.alice, title="Tøjvask")
        for kind, day in (("down", 1), ("stop", 2)):
            record_decision(
                cls.hostile,
                by=cls.alice,
                kind=kind,
                reason="+cmd|' /C calc'!A0",
                decided_on=dt.date(2026, 3, day),
            )

    def get(self, name):
        self.client.force_login(self.alice)
        return self.client.get(reverse(f"priorities:{name}", args=[self.process.pk]))

    def test_the_csv_holds_each_initiative_with_its_newest_decision(self):
        lines = csv_lines(self.get("initiatives_csv"))
        assert lines[0] == (
            "Initiativ;Beskrivelse;Dimensioner;Beslutning;Besluttet den;Begrundelse"
        )
        assert len(lines) == 3
        # Neutralised: the cell starts with an apostrophe, so it is text.
        hostile = next(line for line in lines if "HYPERLINK" in line)
        assert hostile.startswith("\"'=HYPERLINK(")
        assert ";Stop;2026-03-02;'+cmd|" in hostile
        assert "Tøjvask;;;;;" in lines

    def test_the_decisions_csv_holds_the_whole_log(self):
        lines = csv_lines(self.get("decisions_csv"))
        assert lines[0] == "Initiativ;Beslutning;Besluttet den;Begrundelse"
        assert [line.split(";")[1] for line in lines[1:]] == [
            "Stop",
            "Prioritér ned",
        ]

    def test_the_workbook_has_both_sheets_and_no_formulas(self):
        book = workbook(self.get("initiatives_xlsx"))
        assert book.sheetnames == ["Initiativer", "Beslutningslog"]
        rows = values(book["Initiativer"])
        assert rows[0][0] == "Initiativ"
        assert len(rows) == 3
        log = values(book["Beslutningslog"])
        assert len(log) == 3
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f"
        assert any(str(r[0]).startswith("'=HYPERLINK") for r in rows)

    def test_the_page_links_the_exports(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:process", args=[self.process.pk]))
        for name in ("initiatives_csv", "initiatives_xlsx", "decisions_csv"):
            self.assertContains(
                r, reverse(f"priorities:{name}", args=[self.process.pk])
            )

    def test_outsiders_get_404(self):
        self.client.force_login(self.charlie)
        for name in ("initiatives_csv", "initiatives_xlsx", "decisions_csv"):
            url = reverse(f"priorities:{name}", args=[self.process.pk])
            assert self.client.get(url).status_code == 404


class RatingExportTests(BaseTestCase):
    """k employees rate the first initiative; k − 1 managers do, and are never shown."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.k = k = cls.process.anonymity_threshold
        add_initiative(cls.process, by=cls.alice, title="Madservice")
        add_initiative(cls.process, by=cls.alice, title="Tøjvask")
        cls.rating = create_rating_round(cls.process, by=cls.alice)
        open_round(cls.rating.round)
        rate(cls.rating, "medarbejder", [0] * (k - 1) + [1])
        rate(cls.rating, "leder", [2] * (k - 1))
        close_round(cls.rating.round)

    def get(self, name):
        self.client.force_login(self.alice)
        return self.client.get(reverse(f"priorities:{name}", args=[self.rating.pk]))

    def test_the_csv_holds_the_pages_figures_for_the_shown_groups_only(self):
        lines = csv_lines(self.get("rating_csv"))
        assert lines[0] == (
            "Initiativ;Gruppe;Prioritér op;Behold;Prioritér ned;Ikke kerneopgave;"
            "Svaret;Enighed (%);Nedre grænse (%);Øvre grænse (%)"
        )
        k = self.k
        agreement = round(100 * (k - 1) / k)
        assert lines[1].startswith(f"Madservice;Medarbejder;{k - 1};1;0;0;{k};")
        assert lines[1].split(";")[7] == str(agreement)
        assert lines[2].startswith(f"Madservice;Alle viste grupper;{k - 1};1;0;0;{k};")
        # Nothing on the unrated initiative, nothing of the managers.
        assert len(lines) == 3
        text = "\n".join(lines)
        assert "Leder" not in text and "Tøjvask" not in text

    def test_the_workbook_holds_the_same_rows(self):
        rows = values(workbook(self.get("rating_xlsx")).active)
        assert len(rows) == 3
        assert [r[1] for r in rows[1:]] == ["Medarbejder", "Alle viste grupper"]
        assert [r[6] for r in rows[1:]] == [self.k, self.k]
        assert not any("Leder" in str(cell) for row in rows for cell in row)

    def test_the_page_links_the_exports_and_outsiders_get_404(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:rating", args=[self.rating.pk]))
        for name in ("rating_csv", "rating_xlsx"):
            self.assertContains(r, reverse(f"priorities:{name}", args=[self.rating.pk]))
        self.client.force_login(self.charlie)
        for name in ("rating_csv", "rating_xlsx"):
            url = reverse(f"priorities:{name}", args=[self.rating.pk])
            assert self.client.get(url).status_code == 404


class PairwiseExportTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.k = cls.process.anonymity_threshold
        cls.pairwise = make_round(
            cls.process, cls.alice, titles=(FORMULA, "Tøjvask", "Træning")
        )
        pairs = [(FORMULA, "Tøjvask"), (FORMULA, "Træning"), ("Tøjvask", "Træning")]
        vote(cls.pairwise, "medarbejder", cls.k, pairs)
        vote(cls.pairwise, "leder", cls.k - 1, [("Træning", FORMULA)])
        close_round(cls.pairwise.round)

    def test_the_workbook_holds_the_csvs_rows_without_the_small_group(self):
        self.client.force_login(self.alice)
        args = [self.pairwise.pk]
        book = workbook(self.client.get(reverse("priorities:pairwise_xlsx", args=args)))
        rows = values(book.active)
        lines = csv_lines(
            self.client.get(reverse("priorities:pairwise_csv", args=args))
        )
        assert len(rows) == len(lines) == 1 + 3 * 2
        assert rows[0] == lines[0].split(";")
        assert not any("Leder" in str(cell) for row in rows for cell in row)
        assert "Leder" not in "\n".join(lines)
        top = rows[1]
        assert top[0] == "'" + FORMULA
        assert isinstance(top[2], int) and top[2] > 50
        assert [cell.data_type for cell in book.active[2]][:2] == ["s", "s"]
        page = self.client.get(reverse("priorities:pairwise", args=args))
        self.assertContains(page, reverse("priorities:pairwise_xlsx", args=args))

    def test_outsiders_get_404(self):
        self.client.force_login(self.charlie)
        url = reverse("priorities:pairwise_xlsx", args=[self.pairwise.pk])
        assert self.client.get(url).status_code == 404
