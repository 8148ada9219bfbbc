from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kerne.participation.limits import RECEIPT as RECEIPT_LIMIT
from kerne.participation.models import Answer, LimitedAttempt, Respondent
from kerne.participation.tests.test_start import ParticipantTestCase


def strip(html: str, code: str) -> str:
    """The page without the typed code and the per-response CSRF tokens."""
    return re.sub(r"[A-Za-z0-9]{64}", "", html.replace(code, ""))


RECEIPT = reverse("participation:receipt")
ANSWERS = reverse("participation:receipt_answers")
DELETE = reverse("participation:receipt_delete")


class ReceiptTests(ParticipantTestCase):
    def setUp(self):
        super().setUp()
        self.respondent = self.begin()
        self.client.post(self.url("answer"), self.full_answers())
        # Look up from another device, as a participant would.
        self.client = Client()
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    def look_up(self, code, **kwargs):
        return self.client.post(RECEIPT, {"code": code}, **kwargs)

    def test_it_shows_the_form(self):
        r = self.client.get(RECEIPT)
        assert r.status_code == 200
        self.assertContains(r, 'name="code"')
        self.assertContains(r, '<label class="form-label" for="id_code">')

    def test_it_finds_the_answers_by_code(self):
        r = self.look_up(self.respondent.receipt_display.lower().replace("-", " "))
        self.assertRedirects(r, ANSWERS, fetch_redirect_response=False)
        r = self.client.get(ANSWERS)
        assert r.status_code == 200
        self.assertContains(r, self.text_q.prompt)
        self.assertContains(r, "At vi kommer hver dag.")
        self.assertContains(r, "Dag")
        self.assertContains(r, f'href="{DELETE}"')

    def test_it_shows_only_the_owners_answers(self):
        other = Client()
        other.post(self.url("start"))
        other.post(
            self.url("answer"),
            self.full_answers(**{f"q_{self.text_q.pk}": "Hemmeligt"}),
        )
        self.look_up(self.respondent.receipt_code)
        r = self.client.get(ANSWERS)
        self.assertNotContains(r, "Hemmeligt")

    def test_it_deletes_the_answers(self):
        self.look_up(self.respondent.receipt_code)
        r = self.client.get(DELETE)
        assert r.status_code == 200
        self.assertContains(r, 'method="post"')
        assert Respondent.objects.filter(pk=self.respondent.pk).exists()
        r = self.client.post(DELETE)
        assert r.status_code == 200
        self.assertContains(r, "Your answers have been deleted")
        assert not Respondent.objects.filter(pk=self.respondent.pk).exists()
        assert Answer.objects.count() == 0
        # The session no longer opens anything.
        self.assertRedirects(self.client.get(ANSWERS), RECEIPT)
        self.assertRedirects(self.client.post(DELETE), RECEIPT)

    def test_it_refuses_a_wrong_code(self):
        wrong = self.look_up("ABCD-EFGH-JKMN")
        assert wrong.status_code == 400
        self.assertContains(
            wrong, "We found no answers with that code", status_code=400
        )
        self.assertContains(wrong, 'aria-invalid="true"', status_code=400)
        empty = self.look_up("")
        assert empty.status_code == 400
        assert self.client.get(ANSWERS).status_code == 302

    def test_it_answers_a_wrong_code_the_same_whether_it_exists(self):
        # A code of another shape and a near miss look the same to a guesser.
        near = self.respondent.receipt_code[:-1] + (
            "2" if self.respondent.receipt_code[-1] != "2" else "3"
        )
        a = self.look_up(near)
        b = self.look_up("ZZZZ")
        assert a.status_code == b.status_code == 400
        assert strip(a.content.decode(), near) == strip(b.content.decode(), "ZZZZ")

    def test_it_limits_wrong_guesses_from_one_client(self):
        for _ in range(RECEIPT_LIMIT.count):
            assert self.look_up("WRONG").status_code == 400
        r = self.look_up(self.respondent.receipt_code)
        assert r.status_code == 429
        self.assertContains(r, "too many wrong codes", status_code=429)

    def test_it_limits_wrong_guesses_per_client_across_sessions(self):
        for _ in range(RECEIPT_LIMIT.count):
            Client(REMOTE_ADDR="10.0.0.7").post(RECEIPT, {"code": "WRONG"})
        r = Client(REMOTE_ADDR="10.0.0.7").post(
            RECEIPT, {"code": self.respondent.receipt_code}
        )
        assert r.status_code == 429
        # Another client is not affected.
        r = Client(REMOTE_ADDR="10.0.0.8").post(
            RECEIPT, {"code": self.respondent.receipt_code}
        )
        assert r.status_code == 302

    def test_the_count_is_kept_in_the_database_and_forgets_after_the_window(self):
        # Every web process reads the same rows, so a guesser cannot spread guesses
        # over the workers; what is older than the window neither counts nor stays.
        for _ in range(RECEIPT_LIMIT.count):
            Client(REMOTE_ADDR="10.0.0.9").post(RECEIPT, {"code": "WRONG"})
        rows = LimitedAttempt.objects.filter(scope=RECEIPT_LIMIT.scope)
        assert rows.count() == RECEIPT_LIMIT.count
        assert "10.0.0.9" not in {row.key for row in rows}
        blocked = Client(REMOTE_ADDR="10.0.0.9").post(
            RECEIPT, {"code": self.respondent.receipt_code}
        )
        assert blocked.status_code == 429
        rows.update(at=timezone.now() - timedelta(seconds=RECEIPT_LIMIT.window + 1))
        r = Client(REMOTE_ADDR="10.0.0.9").post(RECEIPT, {"code": "WRONG"})
        assert r.status_code == 400
        assert rows.count() == 1
        r = Client(REMOTE_ADDR="10.0.0.9").post(
            RECEIPT, {"code": self.respondent.receipt_code}
        )
        assert r.status_code == 302

    def test_a_lookup_keeps_no_session_row_and_unlocks_by_a_signed_cookie(self):
        from django.contrib.sessions.models import Session

        before = Session.objects.count()
        self.look_up("WRONG")
        r = self.look_up(self.respondent.receipt_code)
        assert r.status_code == 302
        # Nothing on the server holds the respondent, or a time, for this device.
        assert Session.objects.count() == before
        cookie = r.cookies["kerne_receipt"]
        assert cookie["path"] == RECEIPT
        assert cookie["max-age"] == 1800
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
        assert self.client.get(ANSWERS).status_code == 200
        # A cookie made up or altered by hand unlocks nothing.
        self.client.cookies["kerne_receipt"] = self.respondent.receipt_code
        self.assertRedirects(self.client.get(ANSWERS), RECEIPT)

    def test_deleting_forgets_the_unlock(self):
        self.look_up(self.respondent.receipt_code)
        r = self.client.post(DELETE)
        assert r.status_code == 200
        assert r.cookies["kerne_receipt"].value == ""
        assert not Respondent.objects.filter(pk=self.respondent.pk).exists()
        self.assertRedirects(self.client.get(ANSWERS), RECEIPT)

    def test_a_right_code_does_not_count_against_the_limit(self):
        for _ in range(RECEIPT_LIMIT.count + 2):
            assert self.look_up(self.respondent.receipt_code).status_code == 302

    def test_pages_need_a_lookup_first(self):
        self.assertRedirects(self.client.get(ANSWERS), RECEIPT)
        self.assertRedirects(self.client.get(DELETE), RECEIPT)
        self.assertRedirects(self.client.post(DELETE), RECEIPT)
        assert Respondent.objects.count() == 1

    def test_it_rejects_wrong_methods(self):
        assert self.client.put(RECEIPT).status_code == 405
        assert self.client.post(ANSWERS).status_code == 405
        assert self.client.put(DELETE).status_code == 405

    def test_the_error_is_linked_to_the_field(self):
        r = self.look_up("WRONG")
        self.assertContains(
            r, 'aria-describedby="id_code_hint id_code_error"', status_code=400
        )
