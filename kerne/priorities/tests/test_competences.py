from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.priorities.pages_competences import heat, heat_map
from kerne.priorities.services import (
    DuplicateCompetence,
    NoCompetences,
    add_competence,
    create_competence_round,
)
from kerne.processes.models import StakeholderGroup
from kerne.processes.services import add_group, close_round, open_round
from kerne.testing import BaseTestCase, invitation


def assess(assessment, key: str, marks: list[dict[str, int]]) -> None:
    """One respondent in group `key` per entry of `marks` (competence title → 1–5)."""
    links = {
        link.competence.title: link.question
        for link in assessment.questions.select_related("competence", "question")
    }
    for mark in marks:
        respondent = start_respondent(invitation(assessment.round, key))
        save_answers(
            respondent,
            {links[title]: AnswerValue(number=n) for title, n in mark.items()},
        )
        submit_respondent(respondent)


class CompetenceListTests(BaseTestCase):
    def test_titles_are_unique_regardless_of_case(self):
        add_competence(self.process, by=self.alice, title="Demensviden")
        with self.assertRaises(DuplicateCompetence):
            add_competence(self.process, by=self.alice, title="demensviden")

    def test_the_page_adds_one_and_keeps_the_text_on_an_error(self):
        url = reverse("priorities:add_competence", args=[self.process.pk])
        self.client.force_login(self.alice)
        r = self.client.post(
            url, {"title": "Demensviden", "dimensions": ["tilgang", "maalgruppe"]}
        )
        assert r.status_code == 302
        competence = self.process.competences.get()
        assert competence.dimensions == ["tilgang", "maalgruppe"]
        r = self.client.post(url, {"title": "Demensviden", "description": "Nyt"})
        assert r.status_code == 400
        self.assertContains(r, "Kompetencen er allerede på listen.", status_code=400)
        self.assertContains(r, "Nyt", status_code=400)

    def test_outsiders_get_404(self):
        self.client.force_login(self.charlie)
        url = reverse("priorities:competences", args=[self.process.pk])
        assert self.client.get(url).status_code == 404
        add = reverse("priorities:add_competence", args=[self.process.pk])
        assert self.client.post(add, {"title": "X"}).status_code == 404
        assert not self.process.competences.exists()


class CompetenceRoundTests(BaseTestCase):
    def test_it_needs_a_competence(self):
        with self.assertRaises(NoCompetences):
            create_competence_round(self.process, by=self.alice)

    def test_it_asks_a_scale_per_competence_of_the_inside_groups_only(self):
        add_competence(self.process, by=self.alice, title="Demensviden")
        add_competence(self.process, by=self.alice, title="Rehabilitering")
        assessment = create_competence_round(self.process, by=self.alice)
        questions = list(assessment.round.questions.order_by("order"))
        assert [q.kind for q in questions] == ["scale", "scale"]
        assert questions[0].prompt == "„Demensviden“: Hvor godt mestrer du den?"
        active = {
            i.group.side
            for i in assessment.round.invitations.select_related("group")
            if i.is_active
        }
        assert active == {StakeholderGroup.Side.INSIDE}
        self.process.refresh_from_db()
        assert self.process.phase == "prioritering"

    def test_the_view_creates_it_and_outsiders_get_404(self):
        add_competence(self.process, by=self.alice, title="Demensviden")
        url = reverse("priorities:create_competence_round", args=[self.process.pk])
        self.client.force_login(self.charlie)
        assert self.client.post(url).status_code == 404
        self.client.force_login(self.alice)
        assert self.client.post(url).status_code == 302
        assert self.process.rounds.filter(competence_assessment__isnull=False).exists()


class HeatMapTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        k = cls.process.anonymity_threshold
        cls.k = k
        add_group(
            cls.process,
            key="team-nord",
            name="Team Nord",
            side=StakeholderGroup.Side.INSIDE,
        )
        add_competence(
            cls.process, by=cls.alice, title="Demensviden", dimensions=["maalgruppe"]
        )
        add_competence(
            cls.process,
            by=cls.alice,
            title="Rehabilitering",
            dimensions=["tilgang", "maalgruppe"],
        )
        cls.assessment = create_competence_round(cls.process, by=cls.alice)
        open_round(cls.assessment.round)
        # Employees: k people, strong in dementia, weak in rehabilitation.
        assess(
            cls.assessment,
            "medarbejder",
            [{"Demensviden": 5, "Rehabilitering": 2}] * (k - 1)
            + [{"Demensviden": 4, "Rehabilitering": 1}],
        )
        # Only k-1 answered rehabilitation in Team Nord: shown for dementia, not for it.
        assess(
            cls.assessment,
            "team-nord",
            [{"Demensviden": 3, "Rehabilitering": 5}] * (k - 1) + [{"Demensviden": 3}],
        )
        # Two leaders: below k, and the only ones who gave dementia a 1.
        assess(cls.assessment, "leder", [{"Demensviden": 1, "Rehabilitering": 5}] * 2)
        close_round(cls.assessment.round)
        cls.url = reverse("priorities:competence_round", args=[cls.assessment.pk])

    def test_the_cells_are_means_of_shown_teams_only(self):
        page = heat_map(self.assessment)
        labels = [u.label for u in page.units]
        assert labels == ["Medarbejder", "Team Nord"]
        by_title = {r.competence.title: r for r in page.rows}
        dementia = by_title["Demensviden"]
        k = self.k
        assert dementia.cells[0].mean == (5 * (k - 1) + 4) / k
        assert dementia.cells[1].mean == 3
        assert dementia.together.answered == 2 * k
        rehab = by_title["Rehabilitering"]
        assert rehab.cells[1].mean is None  # k-1 answered it in Team Nord
        assert rehab.together.answered == k
        assert not rehab.complete

    def test_the_lacking_list_and_the_uncovered_dimensions(self):
        page = heat_map(self.assessment)
        assert [r.competence.title for r in page.lacking] == ["Rehabilitering"]
        assert [d.value for d in page.uncovered] == ["vaerdi", "ambition"]
        dims = {d.dimension.value: d for d in page.dimensions}
        assert dims["tilgang"].competences == 1
        assert dims["maalgruppe"].together.answered == 3 * self.k

    def test_the_page_shows_the_heat_map_and_never_the_small_groups(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.status_code == 200
        self.assertContains(r, "Kompetencer, kerneopgaven kræver, som vi mangler")
        self.assertContains(r, "kerne-heat--strong")
        self.assertNotContains(r, "Leder")
        # The leaders' 1 for dementia and Team Nord's 5 for rehabilitation would pull
        # the means; the page shows only figures without them.
        k = self.k
        by_title = {row.competence.title: row for row in r.context["page"].rows}
        dementia, rehab = by_title["Demensviden"], by_title["Rehabilitering"]
        assert dementia.together.mean == ((5 * (k - 1) + 4) + 3 * k) / (2 * k)
        assert rehab.together.mean == (2 * (k - 1) + 1) / k

    def test_the_exports_hold_the_page_figures_only(self):
        self.client.force_login(self.alice)
        url = reverse("priorities:competence_round_csv", args=[self.assessment.pk])
        text = self.client.get(url).content.decode("utf-8-sig")
        lines = text.strip().splitlines()
        assert lines[0].startswith("Række;Dimensioner;Gruppe")
        assert "Leder" not in text
        assert not any(
            line.startswith("Rehabilitering;") and "Team Nord" in line for line in lines
        )
        url = reverse("priorities:competence_round_xlsx", args=[self.assessment.pk])
        book = load_workbook(io.BytesIO(self.client.get(url).content))
        rows = list(book.active.iter_rows(values_only=True))
        assert len(rows) == len(lines)
        assert ("Demensviden", "Målgruppen", "Team Nord", 3, self.k) in rows

    def test_outsiders_get_404(self):
        self.client.force_login(self.charlie)
        for name in (
            "competence_round",
            "competence_round_csv",
            "competence_round_xlsx",
        ):
            url = reverse(f"priorities:{name}", args=[self.assessment.pk])
            assert self.client.get(url).status_code == 404


def test_the_heat_steps():
    assert [heat(x) for x in (None, 1.0, 2.0, 2.9, 3.0, 3.99, 4.0, 5.0)] == [
        "none",
        "low",
        "weak",
        "weak",
        "fair",
        "fair",
        "strong",
        "strong",
    ]


class LateGroupTests(BaseTestCase):
    def test_an_outside_group_added_later_gets_no_working_link(self):
        add_competence(self.process, by=self.alice, title="Demensviden")
        assessment = create_competence_round(self.process, by=self.alice)
        outside = add_group(
            self.process, key="frivillig", name="Frivillig", side="outside"
        )
        inside = add_group(self.process, key="nat", name="Nathold", side="inside")
        assert not invitation(assessment.round, outside.key).is_active
        assert invitation(assessment.round, inside.key).is_active
        # Its links to the other rounds of the process work as before.
        assert invitation(self.round, outside.key).is_active
