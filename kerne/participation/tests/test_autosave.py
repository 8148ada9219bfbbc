from __future__ import annotations

from django.urls import reverse

from kerne.participation.models import Answer
from kerne.participation.tests.test_start import ParticipantTestCase
from kerne.processes.services import close_round

HTMX = {"HX-Request": "true"}


class AutosaveTests(ParticipantTestCase):
    def save(self, question, value):
        return self.client.post(
            self.url("autosave"), {f"q_{question.pk}": value}, headers=HTMX
        )

    def test_it_saves_one_answer_without_submitting(self):
        respondent = self.begin()
        r = self.save(self.text_q, "Et trygt hjem")
        assert r.status_code == 200
        assert r.content.decode().strip() == "Saved"
        assert respondent.answers.get().text == "Et trygt hjem"
        respondent.refresh_from_db()
        assert not respondent.submitted

    def test_it_overwrites_and_clears(self):
        respondent = self.begin()
        self.save(self.scale_q, "2")
        self.save(self.scale_q, "5")
        assert respondent.answers.get().number == 5
        self.save(self.scale_q, "")
        assert not respondent.answers.exists()

    def test_it_leaves_required_questions_empty_for_now(self):
        self.begin()
        assert self.save(self.text_q, "").status_code == 200

    def test_coming_back_shows_the_saved_answers(self):
        self.begin()
        self.save(self.text_q, "Nærvær og tid")
        self.save(self.choice_q, "Aften")
        r = self.client.get(self.url("answer"))
        self.assertContains(r, "Nærvær og tid")
        self.assertContains(r, 'value="Aften" checked')

    def test_it_refuses_a_too_long_answer(self):
        self.begin()
        r = self.save(self.text_q, "x" * 5001)
        assert r.status_code == 400
        self.assertContains(r, "form-error-message", status_code=400)
        self.assertContains(r, "5,001 characters long", status_code=400)
        assert Answer.objects.count() == 0

    def test_it_refuses_malformed_values(self):
        self.begin()
        assert self.save(self.scale_q, "7").status_code == 400
        assert self.save(self.choice_q, "Nat").status_code == 400
        assert self.save(self.text_q, "a\x00b").status_code == 400
        assert Answer.objects.count() == 0

    def test_it_refuses_a_post_without_a_known_question(self):
        self.begin()
        r = self.client.post(self.url("autosave"), {"q_999999": "x"}, headers=HTMX)
        assert r.status_code == 400
        r = self.client.post(self.url("autosave"), {}, headers=HTMX)
        assert r.status_code == 400

    def test_it_refuses_without_a_respondent(self):
        assert self.save(self.text_q, "Hej").status_code == 403
        assert Answer.objects.count() == 0

    def test_it_refuses_when_the_round_is_closed(self):
        self.begin()
        close_round(self.round)
        r = self.save(self.text_q, "Hej")
        assert r.status_code == 409
        self.assertContains(r, "The round is closed", status_code=409)
        assert Answer.objects.count() == 0

    def test_it_404s_for_an_unknown_token(self):
        url = reverse("participation:autosave", args=["nope"])
        assert self.client.post(url, headers=HTMX).status_code == 404

    def test_it_rejects_get(self):
        assert self.client.get(self.url("autosave")).status_code == 405
