"""A pairwise voter answers no question: the live counter and the plan count their choices."""

from __future__ import annotations

from django.urls import reverse

from kerne.participation.reporting import round_report
from kerne.participation.services import start_respondent
from kerne.priorities.pages_pairwise import pairwise_results
from kerne.priorities.services import record_comparison
from kerne.priorities.tests.helpers import items, make_round, vote
from kerne.processes.services import close_round, open_round
from kerne.testing import BaseTestCase, group, invitation


class LiveCounterTests(BaseTestCase):
    """k employees chose; k − 1 managers chose; one citizen only answered "can't choose"."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.k = cls.process.anonymity_threshold
        cls.pairwise = make_round(cls.process, cls.alice)
        vote(cls.pairwise, "medarbejder", cls.k, [("Madservice", "Tøjvask")])
        vote(cls.pairwise, "leder", cls.k - 1, [("Træning", "Madservice")])
        found = items(cls.pairwise)
        undecided = start_respondent(invitation(cls.pairwise.round, "borger"))
        record_comparison(
            undecided, first=found["Madservice"], second=found["Træning"], winner=None
        )
        cls.status_url = reverse(
            "participation:round_status", args=[cls.pairwise.round_id]
        )

    def counts(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.status_url)
        assert r.status_code == 200
        return r.content.decode()

    def row(self, key):
        return f"<tr><td>{group(self.process, key).name}</td>"

    def test_it_counts_the_voters_of_a_group_at_k(self):
        html = self.counts()
        assert (
            f'{self.row("medarbejder")}<td class="text-align-right">{self.k}</td>'
            in html
        )
        # The total holds the shown group only.
        assert f'<td class="text-align-right">{self.k}</td></tr></tfoot>' in html

    def test_a_group_below_k_shows_no_count(self):
        html = self.counts()
        fewer = f"færre end {self.k}"
        assert f'{self.row("leder")}<td class="text-align-right">{fewer}</td>' in html
        assert f'{self.row("borger")}<td class="text-align-right">{fewer}</td>' in html
        assert f">{self.k - 1}<" not in html

    def test_a_group_below_k_stays_hidden_after_the_close_when_it_cannot_pool(self):
        close_round(self.pairwise.round)
        # The managers alone are fewer than k and the undecided citizen is no voter.
        report = round_report(self.pairwise.round)
        assert report.plan.pooled_count is None
        assert f">{self.k - 1}<" not in self.counts()

    def test_the_results_use_the_same_plan_as_the_counter(self):
        report = round_report(self.pairwise.round)
        results = pairwise_results(self.pairwise, reps=20)
        assert report.groups_total == results.respondents == self.k
        assert [u.label for u in results.units] == [
            group(self.process, "medarbejder").name
        ]

    def test_the_pairwise_page_shows_the_live_counter(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:pairwise", args=[self.pairwise.pk]))
        self.assertContains(r, f'hx-get="{self.status_url}"')
        self.assertContains(
            r, f'{self.row("medarbejder")}<td class="text-align-right">{self.k}</td>'
        )


class ReopenedRoundTests(BaseTestCase):
    def test_a_reopened_round_never_pools_its_small_groups_again(self):
        k = self.process.anonymity_threshold
        pairwise = make_round(self.process, self.alice)
        vote(pairwise, "medarbejder", k, [("Madservice", "Tøjvask")])
        vote(pairwise, "leder", k - 1, [("Træning", "Madservice")])
        vote(pairwise, "borger", 1, [("Træning", "Tøjvask")])
        close_round(pairwise.round)
        assert pairwise_results(pairwise, reps=20).respondents == 2 * k
        open_round(pairwise.round, needs_questions=False)
        close_round(pairwise.round)
        pairwise.round.refresh_from_db()
        results = pairwise_results(pairwise, reps=20)
        assert results.respondents == k
        assert results.hidden_groups == 2
