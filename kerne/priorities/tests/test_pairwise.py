from __future__ import annotations

import numpy as np

from kerne.analysis.pairwise import rank, win_matrix
from kerne.participation.services import InvitationClosed, start_respondent
from kerne.priorities.models import Comparison, Initiative
from kerne.priorities.pages_pairwise import pairwise_results, vote_page
from kerne.priorities.services import (
    DuplicateItem,
    ItemNotInPairs,
    NotPending,
    SuggestionsClosed,
    TooFewInitiatives,
    add_initiative,
    create_pairwise_round,
    moderate_item,
    record_comparison,
    suggest_item,
)
from kerne.priorities.tests.helpers import items, make_round, vote
from kerne.processes.services import NoQuestions, close_round, open_round
from kerne.testing import BaseTestCase, invitation


class CreateTests(BaseTestCase):
    def test_it_needs_two_initiatives(self):
        add_initiative(self.process, by=self.alice, title="Madservice")
        with self.assertRaises(TooFewInitiatives):
            create_pairwise_round(self.process, by=self.alice)

    def test_it_puts_every_initiative_in_the_pairs_with_invitations(self):
        pairwise = make_round(self.process, self.alice)
        assert sorted(items(pairwise)) == ["Madservice", "Træning", "Tøjvask"]
        assert pairwise.round.invitations.count() == self.process.groups.count()
        assert not pairwise.round.questions.exists()
        self.process.refresh_from_db()
        assert self.process.phase == "prioritering"

    def test_an_ordinary_round_still_needs_questions(self):
        add_initiative(self.process, by=self.alice, title="A")
        add_initiative(self.process, by=self.alice, title="B")
        pairwise = create_pairwise_round(self.process, by=self.alice)
        with self.assertRaises(NoQuestions):
            open_round(pairwise.round)


class RecordTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pairwise = make_round(cls.process, cls.alice)
        cls.items = items(cls.pairwise)

    def respondent(self):
        return start_respondent(invitation(self.pairwise.round, "medarbejder"))

    def test_a_pair_is_stored_once_and_answering_it_again_replaces_it(self):
        r = self.respondent()
        a, b = self.items["Tøjvask"], self.items["Madservice"]
        record_comparison(r, first=a, second=b, winner=a)
        record_comparison(r, first=b, second=a, winner=None)
        [comparison] = Comparison.objects.all()
        assert comparison.low_id < comparison.high_id
        assert {comparison.low, comparison.high} == {a, b}
        assert comparison.winner is None

    def test_it_refuses_a_pair_of_one_item_or_a_winner_outside_the_pair(self):
        r = self.respondent()
        a, b, c = self.items.values()
        with self.assertRaises(ItemNotInPairs):
            record_comparison(r, first=a, second=a, winner=a)
        with self.assertRaises(ItemNotInPairs):
            record_comparison(r, first=a, second=b, winner=c)
        assert not Comparison.objects.exists()

    def test_it_refuses_a_pending_suggestion(self):
        r = self.respondent()
        pending = suggest_item(self.pairwise, r, title="Ny idé")
        with self.assertRaises(ItemNotInPairs):
            record_comparison(
                r, first=pending, second=self.items["Træning"], winner=pending
            )

    def test_it_refuses_once_the_round_is_closed(self):
        r = self.respondent()
        close_round(self.pairwise.round)
        a, b, _c = self.items.values()
        with self.assertRaises(InvitationClosed):
            record_comparison(r, first=a, second=b, winner=a)

    def test_it_refuses_an_item_of_another_round(self):
        other = create_pairwise_round(self.process, by=self.alice)
        r = self.respondent()
        foreign = other.items.get(title="Træning")
        with self.assertRaises(ItemNotInPairs):
            record_comparison(
                r, first=self.items["Træning"], second=foreign, winner=foreign
            )


class SuggestTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pairwise = make_round(cls.process, cls.alice)

    def setUp(self):
        self.respondent = start_respondent(invitation(self.pairwise.round, "borger"))

    def test_a_suggestion_waits_and_enters_the_pairs_as_an_initiative_when_approved(
        self,
    ):
        item = suggest_item(self.pairwise, self.respondent, title="Havegang")
        assert item.status == "pending"
        assert not Initiative.objects.filter(title="Havegang").exists()
        moderate_item(item, approve=True, by=self.alice)
        item.refresh_from_db()
        assert item.status == "published"
        assert item.initiative == Initiative.objects.get(title="Havegang")
        with self.assertRaises(NotPending):
            moderate_item(item, approve=False, by=self.alice)

    def test_a_new_item_is_shown_first_until_it_catches_up(self):
        vote(self.pairwise, "medarbejder", 2, [("Madservice", "Tøjvask")])
        item = suggest_item(self.pairwise, self.respondent, title="Havegang")
        moderate_item(item, approve=True, by=self.alice)
        for seed in range(10):
            page = vote_page(
                self.pairwise, self.respondent, np.random.default_rng(seed)
            )
            assert page.pair is not None
            assert "Havegang" in {page.pair[0].title, page.pair[1].title}

    def test_a_rejected_suggestion_never_enters_the_pairs(self):
        item = suggest_item(self.pairwise, self.respondent, title="Havegang")
        moderate_item(item, approve=False, by=self.alice)
        assert not Initiative.objects.filter(title="Havegang").exists()
        for seed in range(10):
            page = vote_page(
                self.pairwise, self.respondent, np.random.default_rng(seed)
            )
            assert page.pair is not None
            assert item not in page.pair

    def test_it_refuses_once_the_round_is_closed(self):
        close_round(self.pairwise.round)
        with self.assertRaises(InvitationClosed):
            suggest_item(self.pairwise, self.respondent, title="Havegang")
        assert self.pairwise.items.count() == 3

    def test_it_refuses_a_duplicate_and_a_round_without_suggestions(self):
        with self.assertRaises(DuplicateItem):
            suggest_item(self.pairwise, self.respondent, title="madservice")
        self.pairwise.participants_may_suggest = False
        with self.assertRaises(SuggestionsClosed):
            suggest_item(self.pairwise, self.respondent, title="Havegang")
        assert self.pairwise.items.count() == 3


class VotePageTests(BaseTestCase):
    def test_it_never_repeats_an_answered_pair_and_ends_after_all_three(self):
        pairwise = make_round(self.process, self.alice)
        respondent = start_respondent(invitation(pairwise.round, "medarbejder"))
        rng = np.random.default_rng(1)
        seen = set()
        for _ in range(3):
            page = vote_page(pairwise, respondent, rng)
            assert page.pair is not None
            first, second = page.pair
            assert frozenset((first.pk, second.pk)) not in seen
            seen.add(frozenset((first.pk, second.pk)))
            record_comparison(respondent, first=first, second=second, winner=None)
        page = vote_page(pairwise, respondent, rng)
        assert page.pair is None
        assert page.answered == 3


class ResultTests(BaseTestCase):
    """Employees reach k; two managers do not, and the managers alone prefer Træning."""

    EMPLOYEE_CHOICES = [
        ("Madservice", "Tøjvask"),
        ("Madservice", "Træning"),
        ("Tøjvask", "Træning"),
    ]
    MANAGER_CHOICES = [("Træning", "Madservice"), ("Træning", "Tøjvask")]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.k = cls.process.anonymity_threshold
        cls.pairwise = make_round(cls.process, cls.alice)
        vote(cls.pairwise, "medarbejder", cls.k, cls.EMPLOYEE_CHOICES)
        cls.managers = vote(cls.pairwise, "leder", 2, cls.MANAGER_CHOICES)

    def test_the_ranking_is_the_employees_fit_exactly(self):
        results = pairwise_results(self.pairwise, reps=50)
        assert [row.item.title for row in results.rows] == [
            "Madservice",
            "Tøjvask",
            "Træning",
        ]
        order = ["Madservice", "Tøjvask", "Træning"]
        idx = {t: i for i, t in enumerate(order)}
        outcomes = [(idx[w], idx[lo]) for w, lo in self.EMPLOYEE_CHOICES] * self.k
        expected = rank(win_matrix(3, outcomes), reps=50)
        for row in results.rows:
            i = idx[row.item.title]
            assert abs(row.overall.score - expected.scores[i]) < 1e-9
            assert row.overall.comparisons == 2 * self.k
        assert results.respondents == self.k
        assert results.comparisons == 3 * self.k
        assert results.hidden_groups == 1

    def test_a_small_groups_votes_change_no_figure(self):
        with_managers = pairwise_results(self.pairwise, reps=50)
        for respondent in self.managers:
            respondent.delete()
        without = pairwise_results(self.pairwise, reps=50)
        assert with_managers.rows == without.rows
        assert with_managers.units == without.units
        assert with_managers.comparisons == without.comparisons

    def test_small_groups_are_pooled_without_names_once_the_round_closes(self):
        vote(self.pairwise, "borger", self.k - 2, self.MANAGER_CHOICES)
        vote(self.pairwise, "paaroerende", 1, self.MANAGER_CHOICES)
        open_results = pairwise_results(self.pairwise, reps=20)
        assert [u.label for u in open_results.units] == ["Medarbejder"]
        close_round(self.pairwise.round)
        results = pairwise_results(self.pairwise, reps=20)
        assert [u.label for u in results.units] == [
            "Medarbejder",
            "Øvrige grupper samlet",
        ]
        assert [u.respondents for u in results.units] == [self.k, self.k + 1]
        assert results.hidden_groups == 0
        assert results.rows[0].item.title == "Madservice"

    def test_an_item_compared_by_fewer_than_k_shows_nothing(self):
        respondent = start_respondent(invitation(self.pairwise.round, "borger"))
        item = suggest_item(self.pairwise, respondent, title="Havegang")
        moderate_item(item, approve=True, by=self.alice)
        vote(self.pairwise, "medarbejder", 1, [("Havegang", "Madservice")])
        results = pairwise_results(self.pairwise, reps=20)
        row = next(r for r in results.rows if r.item.title == "Havegang")
        assert row.overall.score is None
        assert row.overall.comparisons is None
        assert results.rows[-1] == row
        assert results.rows[0].overall.score is not None
