"""The decision form stands next to the evidence: the figures of the results pages."""

from __future__ import annotations

from django.urls import reverse

from kerne.priorities.pages import rating_page
from kerne.priorities.pages_pairwise import pairwise_results
from kerne.priorities.services import (
    add_initiative,
    create_pairwise_round,
    create_rating_round,
)
from kerne.priorities.tests.helpers import vote
from kerne.priorities.tests.test_rating import rate
from kerne.processes.models import Round
from kerne.processes.services import close_round, open_round
from kerne.testing import BaseTestCase


class EvidenceTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for title in ("Madservice", "Tøjvask", "Træning"):
            add_initiative(cls.process, by=cls.alice, title=title)
        k = cls.process.anonymity_threshold
        cls.rating = create_rating_round(cls.process, by=cls.alice)
        open_round(cls.rating.round)
        # rate() rates the first initiative: "Madservice" (ordered by title).
        rate(cls.rating, "medarbejder", [0] * (k - 1) + [2])
        # Two leaders only, both "not core task": below k, shown nowhere.
        rate(cls.rating, "leder", [3, 3])
        close_round(cls.rating.round)
        cls.pairwise = create_pairwise_round(cls.process, by=cls.alice)
        open_round(cls.pairwise.round, needs_questions=False)
        vote(
            cls.pairwise,
            "medarbejder",
            k,
            [("Madservice", "Tøjvask"), ("Madservice", "Træning")],
        )
        vote(cls.pairwise, "medarbejder", 1, [("Træning", "Tøjvask")])
        # The small group alone picks Tøjvask, which no one else chose.
        vote(cls.pairwise, "leder", 2, [("Tøjvask", "Madservice")])
        close_round(cls.pairwise.round)
        cls.url = reverse("priorities:process", args=[cls.process.pk])

    def get(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.status_code == 200
        return r

    def test_the_rating_beside_the_form_is_the_rating_pages(self):
        r = self.get()
        rows = {row.initiative.title: row for row in r.context["page"].rows}
        expected = {x.initiative.title: x for x in rating_page(self.rating).results}
        assert rows["Madservice"].rating == expected["Madservice"]
        k = self.process.anonymity_threshold
        shown = rows["Madservice"].rating.all_shown
        assert [n for _, n in shown.distribution] == [k - 1, 0, 1, 0]
        assert shown.answered == k
        # The agreement as the rating page writes it, with its interval.
        low, high = shown.interval
        cell = (
            f"{round(100 * shown.agreement)} % "
            f'<span class="kerne-muted">({round(100 * low)}–{round(100 * high)} %)</span>'
        )
        # Once for the staff, once for all shown groups: on both pages alike.
        self.assertContains(r, cell, count=2)
        self.assertContains(
            self.client.get(reverse("priorities:rating", args=[self.rating.pk])),
            cell,
            count=2,
        )

    def test_the_pairwise_score_beside_the_form_is_the_pairwise_pages(self):
        r = self.get()
        rows = {row.initiative.title: row for row in r.context["page"].rows}
        expected = {row.item.title: row for row in pairwise_results(self.pairwise).rows}
        for title in ("Madservice", "Tøjvask", "Træning"):
            assert rows[title].pairwise == expected[title]
        cell = rows["Madservice"].pairwise.overall
        assert cell.score is not None
        self.assertContains(
            r,
            f"Valgt frem for et tilfældigt andet initiativ {cell.pct} gange ud af 100 "
            f"(sandsynligvis mellem {cell.low_pct} og {cell.high_pct}), "
            f"ud fra {cell.comparisons} sammenligninger.",
            count=1,
        )

    def test_a_small_groups_figures_appear_nowhere_beside_the_form(self):
        r = self.get()
        rows = {row.initiative.title: row for row in r.context["page"].rows}
        rating = rows["Madservice"].rating
        # "Not core task" came only from the two leaders.
        assert all(u.distribution[3][1] == 0 for u in [*rating.units, rating.all_shown])
        assert [u.label for u in rating.units] == ["Medarbejder"]
        assert not rating.complete
        self.assertContains(
            r, "Nogle grupper er udeladt, fordi for få af dem har svaret.", count=1
        )
        # The leaders' pairwise choices count nowhere: k + 1 staff, k*2 + 1 choices.
        results = pairwise_results(self.pairwise)
        k = self.process.anonymity_threshold
        assert results.comparisons == 2 * k + 1
        assert rows["Tøjvask"].pairwise.overall.comparisons == k + 1
        self.assertNotContains(r, "Leder")

    def test_too_few_respondents_shows_the_too_few_wording_and_no_figure(self):
        r = self.get()
        rows = {row.initiative.title: row for row in r.context["page"].rows}
        # Nobody rated Tøjvask or Træning: the rating page's words, no table.
        assert rows["Tøjvask"].rating.units == []
        self.assertContains(r, "Ikke vist: for få har vurderet det endnu.", count=2)
        self.assertContains(r, "Vurderinger af „Madservice“", count=1)
        self.assertNotContains(r, "Vurderinger af „Tøjvask“")

    def test_before_any_round_closes_the_page_says_so(self):
        Round.objects.filter(
            pk__in=[self.rating.round_id, self.pairwise.round_id]
        ).update(status=Round.Status.OPEN)
        r = self.get()
        assert all(
            row.rating is None and row.pairwise is None
            for row in r.context["page"].rows
        )
        self.assertContains(r, "Ingen vurderingsrunde er lukket endnu.", count=3)
        self.assertContains(r, "Ingen parvis runde er lukket endnu.", count=3)
