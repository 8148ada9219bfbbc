"""A participant can only start on a link that takes answers, even if it closes mid-request."""

from __future__ import annotations

from unittest import mock

from django.urls import reverse

from kerne.participation.models import Invitation, Respondent
from kerne.participation.services import (
    InvitationClosed,
    set_invitation_state,
    start_respondent,
)
from kerne.processes.services import close_round
from kerne.testing import BaseTestCase, invitation


class StartRespondentTests(BaseTestCase):
    def setUp(self):
        self.invitation = invitation(self.round, "borger")

    def test_a_closed_round_takes_no_one(self):
        close_round(self.round)
        self.invitation.refresh_from_db()
        with self.assertRaises(InvitationClosed):
            start_respondent(self.invitation)
        assert not Respondent.objects.exists()

    def test_a_deactivated_link_takes_no_one(self):
        set_invitation_state(self.invitation, is_active=False)
        with self.assertRaises(InvitationClosed):
            start_respondent(self.invitation)
        assert not Respondent.objects.exists()

    def closing_after_the_check(self):
        # The view's check passes, then the link closes before the service runs.
        return mock.patch.object(
            Invitation, "is_accepting_answers", side_effect=[True, False]
        )

    def test_the_start_page_says_closed_when_it_closes_meanwhile(self):
        url = reverse("participation:start", args=[self.invitation.token])
        with self.closing_after_the_check():
            r = self.client.post(url)
        assert r.status_code == 409
        self.assertTemplateUsed(r, "participation/closed.html")
        assert not Respondent.objects.exists()

    def test_the_voting_page_says_closed_when_it_closes_meanwhile(self):
        url = reverse("statements:vote", args=[self.invitation.token])
        with self.closing_after_the_check():
            r = self.client.post(url)
        assert r.status_code == 409
        self.assertTemplateUsed(r, "statements/closed.html")
        assert not Respondent.objects.exists()
