from __future__ import annotations

from django.test import TestCase
from django.urls import reverse

from kerne.coretasks.models import PublicPage
from kerne.demo.services import load_demo
from kerne.organisations.models import Unit
from kerne.priorities.models import (
    CompetenceRound,
    Decision,
    PairwiseRound,
    RatingRound,
)
from kerne.priorities.pages import rating_page
from kerne.priorities.pages_competences import heat_map
from kerne.priorities.pages_pairwise import pairwise_results
from kerne.processes.models import Round


class DemoPrioritiesTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        load_demo()
        cls.unit = Unit.objects.get(name="Hjemmeplejen Syd")
        cls.process = cls.unit.processes.get()

    def test_the_unit_has_initiatives_linked_to_dimensions(self):
        initiatives = list(self.process.initiatives.all())
        assert len(initiatives) == 7
        assert all(i.dimensions for i in initiatives)

    def test_the_rating_is_closed_and_shows_the_large_groups_only(self):
        rating = RatingRound.objects.get(round__process=self.process)
        assert rating.round.status == Round.Status.CLOSED
        page = rating_page(rating)
        assert len(page.results) == 7
        for result in page.results:
            # The two relatives are below the threshold: shown nowhere, counted nowhere.
            assert [u.label for u in result.units] == ["Medarbejder", "Leder", "Borger"]
            assert result.all_shown.answered == 12 + 6 + 7
            assert not result.complete

    def test_the_pairwise_round_is_closed_and_scored(self):
        pairwise = PairwiseRound.objects.get(round__process=self.process)
        assert pairwise.round.status == Round.Status.CLOSED
        results = pairwise_results(pairwise, reps=50)
        assert [u.label for u in results.units] == ["Medarbejder", "Leder", "Borger"]
        assert results.respondents == 10 + 5 + 6
        assert results.hidden_groups == 1
        assert len(results.scored) == 7
        assert results.scored[0].item.title == "Faste hjælpere til den enkelte borger"

    def test_decisions_are_logged_and_not_core_is_public(self):
        decisions = Decision.objects.filter(initiative__process=self.process)
        assert sorted(d.kind for d in decisions) == ["down", "not_core", "up"]
        assert self.unit.not_core_tasks.filter(
            title="Følgeskab til frisør og fodterapeut"
        ).exists()
        page = PublicPage.objects.get(unit=self.unit)
        r = self.client.get(page.get_absolute_url())
        self.assertContains(r, "Følgeskab til frisør og fodterapeut", count=1)
        # Only the not-core decision is public: the others stay in the log.
        self.assertNotContains(r, "Dokumentation på tablet i hjemmet")

    def test_the_decisions_page_shows_the_evidence(self):
        self.client.force_login(self.process.created_by)
        r = self.client.get(reverse("priorities:process", args=[self.process.pk]))
        assert r.status_code == 200
        rows = r.context["page"].rows
        assert all(row.rating is not None and row.pairwise is not None for row in rows)
        assert all(row.rating.units for row in rows)
        # Per initiative a row for each shown group; the two relatives have none.
        self.assertContains(r, '<th scope="row">Medarbejder</th>', count=7)
        self.assertContains(r, '<th scope="row">Borger</th>', count=7)
        self.assertNotContains(r, '<th scope="row">Pårørende</th>')

    def test_the_competences_are_assessed_by_the_employees_and_lacking_ones_named(self):
        assessment = CompetenceRound.objects.get(round__process=self.process)
        assert assessment.round.status == Round.Status.CLOSED
        page = heat_map(assessment)
        # The three leaders are below the threshold: no column, no figure.
        assert [u.label for u in page.units] == ["Medarbejder"]
        assert all(row.together.answered == 14 for row in page.rows)
        lacking = [row.competence.title for row in page.lacking]
        assert "Viden om demens og samtaler med pårørende" in lacking
        assert "Relationen til borgeren og samtalen i hjemmet" not in lacking
        assert [d.value for d in page.uncovered] == ["ambition"]
