from __future__ import annotations

from django.urls import reverse

from kerne.participation.tests.test_start import ParticipantTestCase
from kerne.processes.services import close_round


class ThanksTests(ParticipantTestCase):
    def send(self):
        respondent = self.begin()
        self.client.post(self.url("answer"), self.full_answers())
        return respondent

    def test_it_shows_the_receipt_code(self):
        respondent = self.send()
        r = self.client.get(self.url("thanks"))
        assert r.status_code == 200
        self.assertContains(r, respondent.receipt_display)
        assert respondent.receipt_display.count("-") == 6
        self.assertContains(r, "the only way to see or delete your answers")
        self.assertContains(r, 'data-copy-target="receipt-code"')
        self.assertContains(r, "data-print")
        self.assertContains(r, f'href="{self.url("answer")}"')
        self.assertContains(r, f'href="{reverse("participation:receipt")}"')
        assert r.content.decode().count("<h1") == 1
        assert "no-store" in r["Cache-Control"]

    def test_it_drops_the_edit_link_when_closed(self):
        self.send()
        close_round(self.round)
        r = self.client.get(self.url("thanks"))
        assert r.status_code == 200
        self.assertNotContains(r, f'href="{self.url("answer")}"')

    def test_it_sends_an_unsent_respondent_back_to_the_form(self):
        self.begin()
        r = self.client.get(self.url("thanks"))
        self.assertRedirects(r, self.url("answer"), fetch_redirect_response=False)

    def test_it_sends_a_stranger_to_start(self):
        r = self.client.get(self.url("thanks"))
        self.assertRedirects(r, self.url("start"), fetch_redirect_response=False)

    def test_it_404s_for_an_unknown_token(self):
        url = reverse("participation:thanks", args=["nope"])
        assert self.client.get(url).status_code == 404

    def test_it_rejects_post(self):
        assert self.client.post(self.url("thanks")).status_code == 405
