"""A pairwise round is an ordinary Round too: its ordinary page must lead somewhere that works."""

from __future__ import annotations

from django.urls import reverse

from kerne.priorities.services import add_initiative, create_pairwise_round
from kerne.processes.models import Round
from kerne.processes.services import create_round
from kerne.testing import BaseTestCase


class OrdinaryRoundPageTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for title in ("Madservice", "Tøjvask"):
            add_initiative(cls.process, by=cls.alice, title=title)
        cls.pairwise = create_pairwise_round(cls.process, by=cls.alice)
        cls.own_page = reverse("priorities:pairwise", args=[cls.pairwise.pk])

    def test_it_sends_the_facilitator_to_the_pairwise_page(self):
        self.client.force_login(self.alice)
        r = self.client.get(
            reverse("participation:round", args=[self.pairwise.round_id])
        )
        self.assertRedirects(r, self.own_page)

    def test_the_process_page_links_the_round_to_a_page_without_dead_ends(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.process.get_absolute_url(), follow=True)
        assert r.status_code == 200
        r = self.client.get(self.pairwise.round.get_absolute_url(), follow=True)
        self.assertContains(
            r, reverse("priorities:pairwise_open", args=[self.pairwise.pk])
        )
        self.assertNotContains(
            r, reverse("processes:question_add", args=[self.pairwise.round_id])
        )

    def test_its_open_action_opens_a_round_without_questions(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:round_open", args=[self.pairwise.round_id]), follow=True
        )
        self.assertRedirects(r, self.own_page)
        self.assertNotContains(r, "Tilføj mindst ét spørgsmål")
        self.pairwise.round.refresh_from_db()
        assert self.pairwise.round.status == Round.Status.OPEN

    def test_an_ordinary_round_keeps_its_page_and_still_needs_a_question(self):
        round_ = create_round(self.process, title="Tom runde")
        self.client.force_login(self.alice)
        r = self.client.get(reverse("participation:round", args=[round_.pk]))
        assert r.status_code == 200
        self.client.post(reverse("processes:round_open", args=[round_.pk]))
        round_.refresh_from_db()
        assert round_.status == Round.Status.DRAFT

    def test_outsiders_get_404_not_the_redirect(self):
        self.client.force_login(self.charlie)
        r = self.client.get(
            reverse("participation:round", args=[self.pairwise.round_id])
        )
        assert r.status_code == 404
        r = self.client.post(
            reverse("processes:round_open", args=[self.pairwise.round_id])
        )
        assert r.status_code == 404
