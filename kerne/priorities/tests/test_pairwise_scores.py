"""A closed round's scores are fitted once, after the close, and read by every page."""

from __future__ import annotations

from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from kerne.participation.services import delete_respondent
from kerne.priorities.models import PairwiseScores
from kerne.priorities.pages import process_page
from kerne.priorities.pages_pairwise import pairwise_results
from kerne.priorities.services import RoundStillOpen, store_pairwise_scores
from kerne.priorities.tasks import store_pairwise_scores as store_task
from kerne.priorities.tests.helpers import make_round, vote
from kerne.processes.services import close_round, open_round
from kerne.testing import BaseTestCase

CHOICES = [
    ("Madservice", "Tøjvask"),
    ("Madservice", "Træning"),
    ("Tøjvask", "Træning"),
]


class StoredScoresTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        k = cls.process.anonymity_threshold
        cls.pairwise = make_round(cls.process, cls.alice)
        cls.voters = vote(cls.pairwise, "medarbejder", k + 1, CHOICES)
        vote(cls.pairwise, "borger", k, [("Træning", "Madservice")])
        close_round(cls.pairwise.round)

    def tamper(self, score):
        """Change the stored top score, so a page that reads the row shows it."""
        scores = PairwiseScores.objects.get(pairwise_round=self.pairwise)
        scores.cells["overall"][0][0] = score
        scores.save(update_fields=["cells"])

    def test_closing_the_round_queues_the_fit_for_the_worker(self):
        pairwise = make_round(self.process, self.alice, titles=("A", "B"))
        with self.captureOnCommitCallbacks(execute=True):
            close_round(pairwise.round)
        task = DBTaskResult.objects.get(task_path__endswith="store_pairwise_scores")
        assert task.args_kwargs["args"] == [pairwise.pk]
        assert store_task.call(pairwise.pk) == "stored"
        assert PairwiseScores.objects.filter(pairwise_round=pairwise).exists()

    def test_the_stored_scores_are_the_ones_a_fresh_fit_gives(self):
        fresh = pairwise_results(self.pairwise)
        store_pairwise_scores(self.pairwise)
        stored = pairwise_results(self.pairwise)
        assert stored == fresh

    def test_the_pages_read_the_stored_scores(self):
        store_pairwise_scores(self.pairwise)
        self.tamper(0.987)
        self.client.force_login(self.alice)
        page = self.client.get(reverse("priorities:pairwise", args=[self.pairwise.pk]))
        self.assertContains(page, '<td class="text-align-right">99</td>')
        csv = self.client.get(
            reverse("priorities:pairwise_csv", args=[self.pairwise.pk])
        )
        assert ";Alle viste grupper;99;" in csv.content.decode("utf-8-sig")
        evidence = process_page(self.process).evidence.pairwise
        assert evidence is not None
        assert evidence.rows[0].overall.pct == 99

    def test_a_withdrawal_after_the_close_makes_the_pages_fit_anew(self):
        store_pairwise_scores(self.pairwise)
        self.tamper(0.987)
        delete_respondent(self.voters[0])
        assert all(r.overall.pct != 99 for r in pairwise_results(self.pairwise).rows)

    def test_an_open_round_stores_nothing(self):
        open_round(self.pairwise.round, needs_questions=False)
        with self.assertRaises(RoundStillOpen):
            store_pairwise_scores(self.pairwise)
        assert store_task.call(self.pairwise.pk) == "open"
        assert store_task.call(0) == "missing"
        assert not PairwiseScores.objects.exists()
