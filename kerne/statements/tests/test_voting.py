from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from kerne.processes.services import close_round, create_round
from kerne.statements.models import Statement, Vote, VoteEvent
from kerne.statements.services import cast_vote, next_statement, submit_statement
from kerne.statements.tests.helpers import make_statements, voters
from kerne.testing import BaseTestCase, invitation


class VotingOrderTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.statements = make_statements(cls.process, ["Et.", "To.", "Tre."])
        cls.alfa, cls.beta = voters(cls.round, "borger", 2)

    def test_it_serves_the_statement_with_fewest_votes_first(self):
        cast_vote(self.beta, self.statements[0], 1)
        cast_vote(self.beta, self.statements[1], 1)
        assert next_statement(self.alfa) == self.statements[2]

    def test_it_never_serves_a_statement_already_voted_on(self):
        seen = []
        while (statement := next_statement(self.alfa)) is not None:
            assert statement not in seen
            seen.append(statement)
            cast_vote(self.alfa, statement, 0)
        assert len(seen) == 3

    def test_a_new_statement_catches_up(self):
        for statement in self.statements:
            cast_vote(self.beta, statement, 1)
        cast_vote(self.alfa, self.statements[0], 1)
        late = make_statements(self.process, ["Fire."])[0]
        assert next_statement(self.alfa) == late

    def test_unmoderated_statements_are_not_served(self):
        pending = submit_statement(self.beta, text="Mit eget udsagn.")
        assert pending.status == Statement.Status.PENDING
        served = set()
        while (statement := next_statement(self.alfa)) is not None:
            served.add(statement)
            cast_vote(self.alfa, statement, 0)
        assert pending not in served


class CastVoteTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.statement = make_statements(cls.process, ["Et."])[0]
        (cls.voter,) = voters(cls.round, "medarbejder", 1)

    def test_the_same_vote_twice_counts_once(self):
        assert cast_vote(self.voter, self.statement, 1).changed
        assert not cast_vote(self.voter, self.statement, 1).changed
        assert Vote.objects.count() == 1
        assert VoteEvent.objects.count() == 1

    def test_a_changed_vote_replaces_the_old_and_keeps_history(self):
        cast_vote(self.voter, self.statement, 1)
        cast_vote(self.voter, self.statement, -1)
        assert list(Vote.objects.values_list("value", flat=True)) == [-1]
        assert list(VoteEvent.objects.values_list("value", flat=True)) == [1, -1]

    def test_it_stores_agree_as_plus_one(self):
        cast_vote(self.voter, self.statement, Vote.Value.AGREE)
        assert Vote.objects.get().value == 1


class VoteViewTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.statements = make_statements(cls.process, ["Et.", "To."])
        cls.token = invitation(cls.round, "borger").token
        cls.vote_url = reverse("statements:vote", args=[cls.token])
        cls.cast_url = reverse("statements:cast", args=[cls.token])

    def start(self):
        r = self.client.post(self.vote_url)
        assert r.status_code == 302
        return r

    def test_it_starts_a_respondent_and_shows_one_statement(self):
        self.start()
        r = self.client.get(self.vote_url)
        self.assertContains(r, "Et.")
        self.assertNotContains(r, "To.")
        self.assertContains(r, 'name="vote" value="1"')

    def test_a_vote_without_javascript_redirects_back(self):
        self.start()
        r = self.client.post(
            self.cast_url, {"statement": self.statements[0].pk, "vote": "1"}
        )
        self.assertRedirects(r, self.vote_url)
        assert Vote.objects.get().value == 1

    def test_an_htmx_vote_returns_the_next_statement(self):
        self.start()
        r = self.client.post(
            self.cast_url,
            {"statement": self.statements[0].pk, "vote": "-1"},
            headers={"HX-Request": "true"},
        )
        assert r.status_code == 200
        self.assertContains(r, "To.")
        self.assertContains(r, "autofocus")
        self.assertNotContains(r, "<html")

    def test_a_double_click_counts_once(self):
        self.start()
        for _ in range(2):
            self.client.post(
                self.cast_url, {"statement": self.statements[0].pk, "vote": "1"}
            )
        assert Vote.objects.count() == 1

    def test_a_vote_can_be_changed_from_my_votes(self):
        self.start()
        self.client.post(
            self.cast_url, {"statement": self.statements[0].pk, "vote": "1"}
        )
        r = self.client.post(
            self.cast_url,
            {"statement": self.statements[0].pk, "vote": "0", "next": "mine"},
        )
        self.assertRedirects(r, reverse("statements:mine", args=[self.token]))
        assert Vote.objects.get().value == 0
        assert VoteEvent.objects.count() == 2

    def test_it_refuses_votes_without_a_start(self):
        r = self.client.post(
            self.cast_url, {"statement": self.statements[0].pk, "vote": "1"}
        )
        assert r.status_code == 403
        assert not Vote.objects.exists()

    def test_a_closed_round_refuses_votes_politely(self):
        self.start()
        close_round(self.round)
        r = self.client.post(
            self.cast_url, {"statement": self.statements[0].pk, "vote": "1"}
        )
        assert r.status_code == 409
        assert "<h1" in r.content.decode()
        assert not Vote.objects.exists()

    def test_a_round_not_yet_open_says_voting_opens_later(self):
        draft = create_round(self.process, title="Anden runde")
        token = invitation(draft, "borger").token
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        r = self.client.get(reverse("statements:vote", args=[token]))
        self.assertContains(r, "Voting has not opened yet")
        self.assertNotContains(r, "closed")
        close_round(self.round)
        r = self.client.get(self.vote_url)
        self.assertContains(r, "Voting is closed")

    def test_it_ignores_a_statement_of_another_process(self):
        self.start()
        r = self.client.post(self.cast_url, {"statement": 999999, "vote": "1"})
        assert r.status_code == 302
        assert not Vote.objects.exists()

    def test_it_rejects_get_on_cast(self):
        assert self.client.get(self.cast_url).status_code == 405

    def test_an_unknown_token_is_404(self):
        assert (
            self.client.get(reverse("statements:vote", args=["nope"])).status_code
            == 404
        )


class VoteQueryTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.statements = make_statements(cls.process, ["Et.", "To.", "Tre."])
        cls.token = invitation(cls.round, "borger").token
        cls.cast_url = reverse("statements:cast", args=[cls.token])

    def setUp(self):
        self.client.post(reverse("statements:vote", args=[self.token]))

    def cast(self, statement, value):
        return self.client.post(
            self.cast_url,
            {"statement": statement.pk, "vote": value},
            headers={"HX-Request": "true"},
        )

    def test_an_htmx_vote_takes_ten_queries(self):
        # The client's unknown-link guesses (throttle.py); invitation with its round,
        # respondent, statement; savepoints, vote, history, count; then the next
        # statement with the progress line in one query.
        with self.assertNumQueries(10):
            r = self.cast(self.statements[0], 1)
        self.assertContains(r, "To.")
        self.assertContains(r, "2 af 3")

    def test_a_double_click_costs_no_more_than_a_vote(self):
        self.cast(self.statements[0], 1)
        # Savepoints, an insert and an update that change nothing, the vote.
        with self.assertNumQueries(10):
            self.cast(self.statements[0], 1)
        assert Vote.objects.count() == 1
        assert VoteEvent.objects.count() == 1

    def test_it_counts_each_voter_once_per_statement(self):
        self.cast(self.statements[0], 1)
        self.cast(self.statements[0], 1)
        self.cast(self.statements[0], -1)
        (other,) = voters(self.round, "medarbejder", 1)
        cast_vote(other, self.statements[0], 0)
        counts = dict(Statement.objects.values_list("pk", "vote_count"))
        assert counts == {
            self.statements[0].pk: 2,
            self.statements[1].pk: 0,
            self.statements[2].pk: 0,
        }
