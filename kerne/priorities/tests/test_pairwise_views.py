from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kerne.participation.services import start_respondent
from kerne.priorities.models import Comparison, Initiative
from kerne.priorities.services import (
    MAX_SUGGESTIONS_PER_RESPONDENT,
    create_pairwise_round,
    suggest_item,
)
from kerne.priorities.tests.helpers import make_round, vote
from kerne.processes.services import close_round
from kerne.testing import BaseTestCase, invitation


class ResultPageTests(BaseTestCase):
    """Employees reach k; two managers do not: the page and the CSV never show them."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pairwise = make_round(cls.process, cls.alice)
        vote(
            cls.pairwise,
            "medarbejder",
            cls.process.anonymity_threshold,
            [
                ("Madservice", "Tøjvask"),
                ("Madservice", "Træning"),
                ("Tøjvask", "Træning"),
            ],
        )
        vote(cls.pairwise, "leder", 2, [("Træning", "Madservice")])

    def test_the_small_group_appears_nowhere_on_the_page_or_in_the_csv(self):
        self.client.force_login(self.alice)
        page = self.client.get(reverse("priorities:pairwise", args=[self.pairwise.pk]))
        assert page.status_code == 200
        # The counter and the links below name every group; the results above must not.
        html = page.content.decode()
        results, links = html.split('id="counts-heading"')
        assert "Leder" in links
        assert "Leder" not in results
        assert "Madservice" in results
        assert "1 gruppe er ikke vist" in results
        assert "„Madservice“ betyder mest for kerneopgaven" in results
        assert "„Træning“ betyder mindst" in results
        csv = self.client.get(
            reverse("priorities:pairwise_csv", args=[self.pairwise.pk])
        )
        text = csv.content.decode("utf-8-sig")
        assert "Medarbejder" in text
        assert "Leder" not in text
        lines = text.strip().splitlines()
        assert lines[0].startswith("Initiativ;Gruppe;Score (%)")
        # Overall and the one shown group, per initiative.
        assert len(lines) == 1 + 3 * 2


class SentenceTests(BaseTestCase):
    def test_a_cycle_is_told_as_no_initiative_standing_out(self):
        pairwise = make_round(self.process, self.alice)
        k = self.process.anonymity_threshold
        cycle = [
            ("Madservice", "Tøjvask"),
            ("Tøjvask", "Træning"),
            ("Træning", "Madservice"),
        ]
        vote(pairwise, "medarbejder", k, cycle)
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:pairwise", args=[pairwise.pk]))
        self.assertContains(r, "Intet initiativ skiller sig ud endnu")
        self.assertNotContains(r, "betyder mest for kerneopgaven")

    def test_nothing_is_told_before_k_people_have_voted(self):
        pairwise = make_round(self.process, self.alice)
        vote(
            pairwise,
            "medarbejder",
            self.process.anonymity_threshold - 1,
            [("Madservice", "Tøjvask")],
        )
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:pairwise", args=[pairwise.pk]))
        self.assertContains(r, "Ingen resultater endnu")
        self.assertNotContains(r, "Madservice“")
        assert r.context["page"].results.units == []


class FacilitatorViewTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pairwise = make_round(cls.process, cls.alice)
        respondent = start_respondent(invitation(cls.pairwise.round, "borger"))
        cls.pending = suggest_item(cls.pairwise, respondent, title="Havegang")

    def test_outsiders_get_404_everywhere(self):
        self.client.force_login(self.charlie)
        pk = self.pairwise.pk
        assert (
            self.client.get(reverse("priorities:pairwise", args=[pk])).status_code
            == 404
        )
        assert (
            self.client.get(reverse("priorities:pairwise_csv", args=[pk])).status_code
            == 404
        )
        assert (
            self.client.post(
                reverse("priorities:pairwise_close", args=[pk])
            ).status_code
            == 404
        )
        url = reverse("priorities:pairwise_moderate", args=[self.pending.pk])
        assert self.client.post(url, {"action": "approve"}).status_code == 404
        url = reverse("priorities:create_pairwise", args=[self.process.pk])
        assert self.client.post(url).status_code == 404
        self.pending.refresh_from_db()
        assert self.pending.status == "pending"
        assert self.process.rounds.filter(pairwise__isnull=False).count() == 1

    def test_the_facilitator_approves_from_the_page(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("priorities:pairwise", args=[self.pairwise.pk]))
        self.assertContains(r, "Havegang")
        self.assertContains(r, "Sådan er det beregnet")
        self.assertContains(
            r,
            reverse(
                "priorities:pairwise_vote",
                args=[invitation(self.pairwise.round, "borger").token],
            ),
        )
        url = reverse("priorities:pairwise_moderate", args=[self.pending.pk])
        assert self.client.post(url, {"action": "approve"}).status_code == 302
        self.pending.refresh_from_db()
        assert self.pending.status == "published"

    def test_creating_with_one_initiative_says_why(self):
        Initiative.objects.exclude(title="Madservice").delete()
        self.client.force_login(self.alice)
        url = reverse("priorities:create_pairwise", args=[self.process.pk])
        r = self.client.post(url, follow=True)
        self.assertContains(r, "mindst to initiativer")

    def test_close_and_reopen(self):
        self.client.force_login(self.alice)
        self.client.post(reverse("priorities:pairwise_close", args=[self.pairwise.pk]))
        self.pairwise.round.refresh_from_db()
        assert self.pairwise.round.status == "closed"
        self.client.post(reverse("priorities:pairwise_open", args=[self.pairwise.pk]))
        self.pairwise.round.refresh_from_db()
        assert self.pairwise.round.status == "open"


class ParticipantViewTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pairwise = make_round(cls.process, cls.alice)
        cls.token = invitation(cls.pairwise.round, "medarbejder").token
        cls.url = reverse("priorities:pairwise_vote", args=[cls.token])
        cls.cast_url = reverse("priorities:pairwise_cast", args=[cls.token])
        cls.suggest_url = reverse("priorities:pairwise_suggest", args=[cls.token])

    def start(self):
        r = self.client.post(self.url)
        assert r.status_code == 302

    def test_it_starts_shows_a_pair_and_saves_the_choice(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Hvad betyder mest for vores kerneopgave?")
        self.assertContains(r, "Begynd at stemme")
        self.start()
        r = self.client.get(self.url)
        first, second = r.context["vote"].pair
        self.assertContains(r, "Kan ikke vælge")
        self.assertContains(r, first.title)
        assert not Comparison.objects.exists()
        data = {"first": first.pk, "second": second.pk, "choice": second.pk}
        assert self.client.post(self.cast_url, data).status_code == 302
        [comparison] = Comparison.objects.all()
        assert comparison.winner == second

    def test_cant_choose_is_stored_without_a_winner(self):
        self.start()
        first, second = self.client.get(self.url).context["vote"].pair
        data = {"first": first.pk, "second": second.pk, "choice": "none"}
        self.client.post(self.cast_url, data)
        assert Comparison.objects.get().winner is None

    def test_a_forged_pair_saves_nothing(self):
        self.start()
        foreign = create_pairwise_round(self.process, by=self.alice).items.first()
        mine = self.pairwise.items.first()
        for data in (
            {"first": mine.pk, "second": foreign.pk, "choice": mine.pk},
            {"first": mine.pk, "second": mine.pk, "choice": mine.pk},
            {"first": "x", "second": "", "choice": "1"},
        ):
            r = self.client.post(self.cast_url, data)
            assert r.status_code == 302
        assert not Comparison.objects.exists()

    def test_without_a_start_the_choice_is_refused(self):
        a, b = list(self.pairwise.items.all())[:2]
        r = self.client.post(
            self.cast_url, {"first": a.pk, "second": b.pk, "choice": a.pk}
        )
        assert r.status_code == 403
        assert not Comparison.objects.exists()

    def test_a_closed_round_refuses_politely(self):
        self.start()
        close_round(self.pairwise.round)
        a, b = list(self.pairwise.items.all())[:2]
        r = self.client.post(
            self.cast_url, {"first": a.pk, "second": b.pk, "choice": a.pk}
        )
        assert r.status_code == 409
        self.assertContains(r, "Afstemningen er lukket", status_code=409)

    def test_a_suggestion_needs_a_title_and_keeps_what_was_typed(self):
        self.start()
        r = self.client.post(self.suggest_url, {"title": "   "})
        assert r.status_code == 400
        self.assertContains(r, "Skriv det initiativ, du foreslår.", status_code=400)
        long = "x" * 201
        r = self.client.post(self.suggest_url, {"title": long})
        assert r.status_code == 400
        self.assertContains(r, long, status_code=400)
        r = self.client.post(self.suggest_url, {"title": "Havegang"})
        assert r.status_code == 302
        assert self.pairwise.items.get(title="Havegang").status == "pending"

    def test_one_participant_suggests_at_most_the_limit(self):
        self.start()
        for i in range(MAX_SUGGESTIONS_PER_RESPONDENT):
            r = self.client.post(self.suggest_url, {"title": f"Forslag {i}"})
            assert r.status_code == 302, i
        r = self.client.post(self.suggest_url, {"title": "Et forslag for meget"})
        self.assertContains(r, "Du har foreslået 5 initiativer", status_code=400)
        self.assertContains(r, "Et forslag for meget", status_code=400)
        assert not self.pairwise.items.filter(title="Et forslag for meget").exists()

    def test_a_questionnaire_link_has_no_pairs(self):
        token = invitation(self.round, "medarbejder").token
        r = self.client.get(reverse("priorities:pairwise_vote", args=[token]))
        assert r.status_code == 404


class QueryCountTests(BaseTestCase):
    def count_queries(self, url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert self.client.get(url).status_code == 200
        return len(queries)

    def test_the_results_and_the_vote_page_query_the_same_at_two_sizes(self):
        pairwise = make_round(self.process, self.alice)
        k = self.process.anonymity_threshold
        choices = [("Madservice", "Tøjvask"), ("Tøjvask", "Træning")]
        vote(pairwise, "medarbejder", k, choices)
        self.client.force_login(self.alice)
        results = reverse("priorities:pairwise", args=[pairwise.pk])
        token = invitation(pairwise.round, "leder").token
        voting = reverse("priorities:pairwise_vote", args=[token])
        self.client.post(voting)
        small = (self.count_queries(results), self.count_queries(voting))
        vote(pairwise, "medarbejder", 2 * k, choices)
        vote(pairwise, "leder", k, choices)
        large = (self.count_queries(results), self.count_queries(voting))
        assert small == large


class HtmxTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pairwise = make_round(cls.process, cls.alice)
        cls.token = invitation(cls.pairwise.round, "borger").token
        cls.url = reverse("priorities:pairwise_vote", args=[cls.token])
        cls.cast_url = reverse("priorities:pairwise_cast", args=[cls.token])

    def test_a_choice_returns_the_next_card_only(self):
        self.client.post(self.url)
        first, second = self.client.get(self.url).context["vote"].pair
        data = {"first": first.pk, "second": second.pk, "choice": first.pk}
        r = self.client.post(self.cast_url, data, headers={"HX-Request": "true"})
        assert r.status_code == 200
        html = r.content.decode()
        assert html.startswith('<section id="pair-card"')
        assert "Dit valg er gemt. Her er det næste par." in html
        assert "Du har svaret på 1 par." in html
        assert Comparison.objects.get().winner == first

    def test_a_refusal_sends_the_whole_page_to_the_vote_page(self):
        first, second = list(self.pairwise.items.all())[:2]
        data = {"first": first.pk, "second": second.pk, "choice": first.pk}
        r = self.client.post(self.cast_url, data, headers={"HX-Request": "true"})
        assert r.status_code == 200
        assert r["HX-Redirect"] == self.url
        assert not Comparison.objects.exists()
