"""Participants write statements only where the process takes them; the service says so."""

from __future__ import annotations

from django.urls import reverse

from kerne.statements.models import Statement
from kerne.statements.services import (
    WritingClosed,
    submit_statement,
    update_statement_settings,
)
from kerne.statements.tests.helpers import voters
from kerne.testing import BaseTestCase, invitation


class WritingClosedTests(BaseTestCase):
    def setUp(self):
        update_statement_settings(
            self.process, moderation=True, participants_may_write=False
        )

    def test_the_service_refuses_and_stores_nothing(self):
        (voter,) = voters(self.round, "borger", 1)
        with self.assertRaises(WritingClosed):
            submit_statement(voter, text="Faste hjælpere betyder mest.")
        assert not Statement.objects.exists()

    def test_the_page_says_so(self):
        token = invitation(self.round, "borger").token
        self.client.post(
            reverse("statements:vote", args=[token])
        )  # start on this device
        r = self.client.post(
            reverse("statements:write", args=[token]),
            {"text": "Faste hjælpere betyder mest."},
            follow=True,
        )
        assert r.status_code == 200
        assert "Der kan ikke tilføjes nye udsagn i dette forløb." in [
            str(m) for m in r.context["messages"]
        ]
        assert not Statement.objects.exists()
