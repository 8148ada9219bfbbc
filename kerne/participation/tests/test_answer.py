from __future__ import annotations

from pathlib import Path
from unittest import mock, skipUnless

from django.conf import settings
from django.db import IntegrityError
from django.urls import reverse

from kerne.participation.models import Answer, Respondent
from kerne.participation.services import AnswerValue, save_answers
from kerne.participation.tests.test_start import ParticipantTestCase
from kerne.processes.services import close_round

CATALOG = Path(settings.BASE_DIR) / "kerne/locale/da/LC_MESSAGES/django.mo"


class AnswerTests(ParticipantTestCase):
    def test_it_sends_to_start_without_a_respondent(self):
        r = self.client.get(self.url("answer"))
        self.assertRedirects(r, self.url("start"), fetch_redirect_response=False)

    def test_it_shows_every_question(self):
        self.begin()
        r = self.client.get(self.url("answer"))
        assert r.status_code == 200
        html = r.content.decode()
        for q in self.round.questions.all():
            assert f'name="q_{q.pk}"' in html
        # Text: a labelled textarea with the DKFDS character limit.
        assert f'<label class="form-label" for="id_q_{self.text_q.pk}">' in html
        assert 'data-maxlength="5000"' in html
        assert "At most 5,000 characters" in html
        # Scale and choice: radio buttons in a fieldset with a legend.
        assert html.count('type="radio"') == 5 + 2
        assert "<legend" in html
        assert "1 = Helt uenig" in html and "5 = Helt enig" in html
        assert "(required)" in html
        # Autosave on every field.
        assert html.count(f'hx-post="{self.url("autosave")}"') == 4 + 5 + 2
        assert "style=" not in html
        assert html.count("<h1") == 1

    def test_it_saves_and_submits(self):
        respondent = self.begin()
        r = self.client.post(self.url("answer"), self.full_answers())
        self.assertRedirects(r, self.url("thanks"), fetch_redirect_response=False)
        respondent.refresh_from_db()
        assert respondent.submitted
        answers = {a.question_id: a for a in respondent.answers.all()}
        assert answers[self.text_q.pk].text == "At vi kommer hver dag."
        assert answers[self.scale_q.pk].number == 4
        assert answers[self.choice_q.pk].choice == "Dag"
        # Empty answers are not stored.
        assert self.text_q2.pk not in answers

    def test_it_refuses_an_empty_required_answer(self):
        respondent = self.begin()
        data = self.full_answers(**{f"q_{self.text_q.pk}": "   "})
        r = self.client.post(self.url("answer"), data)
        assert r.status_code == 400
        self.assertContains(r, "Please answer this question.", status_code=400)
        self.assertContains(r, f'href="#id_q_{self.text_q.pk}"', status_code=400)
        self.assertContains(r, 'aria-invalid="true"', status_code=400)
        self.assertContains(r, f"id_q_{self.text_q.pk}_error", status_code=400)
        respondent.refresh_from_db()
        assert not respondent.submitted
        # The valid answers were saved anyway.
        assert respondent.answers.get(question=self.scale_q).number == 4

    def test_it_refuses_an_entirely_empty_form(self):
        self.round.questions.update(required=False)
        respondent = self.begin()
        empty = {f"q_{q.pk}": "  " for q in self.round.questions.all()}
        r = self.client.post(self.url("answer"), empty)
        assert r.status_code == 400
        self.assertContains(
            r, "You have not answered any of the questions", status_code=400
        )
        self.assertContains(r, "simply close the page", status_code=400)
        respondent.refresh_from_db()
        assert not respondent.submitted
        # One answer is enough.
        one = dict(empty, **{f"q_{self.scale_q.pk}": "3"})
        r = self.client.post(self.url("answer"), one)
        self.assertRedirects(r, self.url("thanks"), fetch_redirect_response=False)

    def test_an_emptied_form_is_not_counted(self):
        from kerne.participation import reporting

        self.round.questions.update(required=False)
        respondent = self.begin()
        self.client.post(self.url("answer"), self.full_answers())
        assert reporting.submitted_counts(self.round) == {respondent.group_id: 1}
        # Back on the page, the participant clears everything: refused, and not counted.
        empty = {f"q_{q.pk}": "" for q in self.round.questions.all()}
        r = self.client.post(self.url("answer"), empty)
        assert r.status_code == 400
        assert reporting.submitted_counts(self.round) == {}

    def test_it_refuses_a_too_long_answer_and_keeps_the_rest(self):
        respondent = self.begin()
        long_text = "x" * 5001
        data = self.full_answers(
            **{f"q_{self.text_q2.pk}": long_text, f"q_{self.text_q.pk}": "Nærvær"}
        )
        r = self.client.post(self.url("answer"), data)
        assert r.status_code == 400
        # Numbers grouped the same way in the message and in the hint under the field.
        self.assertContains(r, "5,001 characters long", status_code=400)
        self.assertContains(r, "to at most 5,000 characters", status_code=400)
        self.assertContains(r, "At most 5,000 characters", status_code=400)
        # Every entered value is shown again, the long one too.
        self.assertContains(r, long_text, status_code=400)
        self.assertContains(r, "Nærvær", status_code=400)
        self.assertContains(r, 'value="4" checked', status_code=400)
        # ...and the valid ones are saved.
        assert respondent.answers.get(question=self.text_q).text == "Nærvær"
        assert not respondent.answers.filter(question=self.text_q2).exists()

    def test_it_accepts_exactly_the_maximum(self):
        respondent = self.begin()
        data = self.full_answers(**{f"q_{self.text_q2.pk}": "x" * 5000})
        r = self.client.post(self.url("answer"), data)
        assert r.status_code == 302
        assert len(respondent.answers.get(question=self.text_q2).text) == 5000

    def test_it_refuses_malformed_values(self):
        respondent = self.begin()
        for field, value, message in [
            (self.scale_q, "7", "Choose a number from 1 to 5."),
            (self.scale_q, "<b>", "Choose a number from 1 to 5."),
            (self.choice_q, "Nat", "Choose one of the options."),
            (self.text_q, "Hej\x00med dig", "cannot be saved"),
        ]:
            r = self.client.post(
                self.url("answer"), self.full_answers(**{f"q_{field.pk}": value})
            )
            assert r.status_code == 400, value
            self.assertContains(r, message, status_code=400)
        respondent.refresh_from_db()
        assert not respondent.submitted

    def test_it_refuses_a_missing_text_field(self):
        self.begin()
        data = self.full_answers()
        del data[f"q_{self.text_q2.pk}"]
        r = self.client.post(self.url("answer"), data)
        assert r.status_code == 400
        self.assertContains(r, "missing from the form", status_code=400)

    def test_it_survives_an_empty_post(self):
        self.begin()
        r = self.client.post(self.url("answer"), {})
        assert r.status_code == 400

    def test_a_double_submit_gives_one_answer_per_question(self):
        respondent = self.begin()
        data = self.full_answers()
        self.client.post(self.url("answer"), data)
        r = self.client.post(self.url("answer"), data)
        self.assertRedirects(r, self.url("thanks"), fetch_redirect_response=False)
        assert respondent.answers.count() == 3
        assert Answer.objects.filter(question=self.text_q).count() == 1
        assert Respondent.objects.count() == 1

    def test_a_racing_submit_updates_instead_of_duplicating(self):
        respondent = self.begin()
        # The other request inserted its row between our lookup and our insert...
        save_answers(respondent, {self.text_q: AnswerValue(text="Den anden")})

        def lose_the_race(**kwargs):
            # ...so our insert hits the unique constraint.
            raise IntegrityError("answer_unique_per_question")

        with mock.patch.object(Answer.objects, "update_or_create", lose_the_race):
            save_answers(respondent, {self.text_q: AnswerValue(text="Først")})
        assert Answer.objects.filter(question=self.text_q).count() == 1
        assert respondent.answers.get(question=self.text_q).text == "Først"

    def test_it_lets_the_participant_edit_after_sending(self):
        respondent = self.begin()
        self.client.post(self.url("answer"), self.full_answers())
        r = self.client.get(self.url("answer"))
        self.assertContains(r, "You have sent your answers")
        self.assertContains(r, "At vi kommer hver dag.")
        self.assertContains(r, 'value="Dag" checked')
        data = self.full_answers(**{f"q_{self.text_q.pk}": "Tryghed"})
        self.client.post(self.url("answer"), data)
        assert respondent.answers.get(question=self.text_q).text == "Tryghed"
        assert respondent.answers.count() == 3

    def test_it_refuses_a_post_without_a_respondent_and_shows_the_text(self):
        r = self.client.post(self.url("answer"), self.full_answers())
        assert r.status_code == 403
        self.assertContains(r, "At vi kommer hver dag.", status_code=403)
        assert Answer.objects.count() == 0

    def test_a_closed_round_shows_the_answers_back(self):
        self.begin()
        close_round(self.round)
        r = self.client.get(self.url("answer"))
        assert r.status_code == 200
        self.assertContains(r, "The round is closed")
        # No field to answer in: every question's field (test_it_shows_every_question)
        # is gone, the answer itself shown back as text.
        for q in self.round.questions.all():
            self.assertNotContains(r, f'name="q_{q.pk}"')
        self.assertNotContains(r, "<textarea")
        r = self.client.post(self.url("answer"), self.full_answers())
        assert r.status_code == 409
        self.assertContains(r, "At vi kommer hver dag.", status_code=409)
        self.assertNotContains(r, f'name="q_{self.text_q.pk}"', status_code=409)
        self.assertNotContains(r, "<textarea", status_code=409)
        assert Answer.objects.count() == 0

    def test_it_404s_for_an_unknown_token(self):
        url = reverse("participation:answer", args=["nope"])
        assert self.client.get(url).status_code == 404
        assert self.client.post(url).status_code == 404

    def test_it_rejects_other_methods(self):
        assert self.client.put(self.url("answer")).status_code == 405


@skipUnless(
    CATALOG.exists(), "run compilemessages (make test does) to check the Danish"
)
class DanishAnswerTests(ParticipantTestCase):
    def setUp(self):
        super().setUp()
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"

    def test_it_speaks_danish(self):
        self.begin()
        r = self.client.get(self.url("answer"))
        self.assertContains(r, "Gem og send")
        self.assertContains(r, "Højst 5.000 tegn")

    def test_errors_are_danish(self):
        self.begin()
        data = self.full_answers(
            **{
                f"q_{self.text_q.pk}": "",
                f"q_{self.text_q2.pk}": "x" * 5001,
                f"q_{self.scale_q.pk}": "7",
            }
        )
        r = self.client.post(self.url("answer"), data)
        assert r.status_code == 400
        self.assertContains(r, "Du skal svare på spørgsmålet.", status_code=400)
        self.assertContains(r, "Dit svar fylder 5.001 tegn", status_code=400)
        self.assertContains(r, "så det højst fylder 5.000 tegn", status_code=400)
        self.assertContains(r, "Vælg et tal fra 1 til 5.", status_code=400)
