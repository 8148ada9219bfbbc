from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from kerne.organisations.services import add_unit, create_organisation
from kerne.participation.models import Invitation, Respondent
from kerne.participation.services import ensure_invitations, set_invitation_state
from kerne.processes.models import Question
from kerne.processes.services import (
    add_question,
    close_round,
    create_process,
    create_round,
    open_round,
    update_question,
)


class ParticipantTestCase(TestCase):
    """An open round with a required text question, a scale and a single choice."""

    @classmethod
    def setUpTestData(cls):
        organisation = create_organisation(name="Solbjerg Kommune")
        unit = add_unit(organisation, name="Hjemmeplejen Nord")
        cls.process = create_process(
            unit,
            title="Hjemmeplejens kerneopgave",
            purpose="Vi vil finde vores kerneopgave sammen med jer.",
            by=None,
        )
        cls.round = cls.process.rounds.get()
        cls.text_q, cls.text_q2, *_ = list(cls.round.questions.all())
        update_question(cls.text_q, required=True)
        cls.scale_q = add_question(
            cls.round,
            prompt="Hvor enig er du?",
            kind=Question.Kind.SCALE,
            scale_low_label="Helt uenig",
            scale_high_label="Helt enig",
        )
        cls.choice_q = add_question(
            cls.round,
            prompt="Hvor arbejder du?",
            kind=Question.Kind.CHOICE,
            choices=["Dag", "Aften"],
        )
        open_round(cls.round)
        cls.invitation = ensure_invitations(cls.round)[0]
        cls.token = cls.invitation.token

    def setUp(self):
        # Answer in English so assertions use the msgids, whatever da says later.
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    def url(self, name: str) -> str:
        return reverse(f"participation:{name}", args=[self.token])

    def begin(self) -> Respondent:
        self.client.post(self.url("start"))
        return Respondent.objects.latest("pk")

    def full_answers(self, **overrides: str) -> dict[str, str]:
        data = {
            f"q_{self.text_q.pk}": "At vi kommer hver dag.",
            f"q_{self.text_q2.pk}": "",
            f"q_{self.scale_q.pk}": "4",
            f"q_{self.choice_q.pk}": "Dag",
        }
        for q in self.round.questions.all():
            data.setdefault(f"q_{q.pk}", "")
        data.update(overrides)
        return data


class StartTests(ParticipantTestCase):
    def test_it_explains_why_and_how(self):
        r = self.client.get(self.url("start"))
        assert r.status_code == 200
        self.assertContains(r, "Hjemmeplejen Nord")
        self.assertContains(r, "Hjemmeplejens kerneopgave")
        self.assertContains(r, "Vi vil finde vores kerneopgave sammen med jer.")
        self.assertContains(r, self.round.intro[:40])
        self.assertContains(r, "IP address")
        self.assertContains(r, "at least 5 people")
        self.assertContains(r, "receipt code")
        self.assertContains(r, 'name="robots" content="noindex')
        self.assertContains(r, 'type="submit"')
        self.assertContains(r, f'<form method="post" action="{self.url("start")}">')
        assert "style=" not in r.content.decode()
        assert "<script>" not in r.content.decode()

    def test_it_starts_a_respondent_and_sets_the_cookie(self):
        r = self.client.post(self.url("start"))
        self.assertRedirects(r, self.url("answer"), fetch_redirect_response=False)
        respondent = Respondent.objects.get()
        assert respondent.invitation == self.invitation
        assert respondent.group == self.invitation.group
        assert not respondent.submitted
        cookie = r.cookies[f"kerne_r_{self.invitation.pk}"]
        assert cookie["httponly"]
        assert cookie["samesite"] == "Lax"
        assert cookie["path"] == self.url("start")
        assert int(cookie["max-age"]) >= 170 * 24 * 3600
        # Signed, and holding the receipt code.
        assert respondent.receipt_code in cookie.value
        assert cookie.value != respondent.receipt_code

    def test_it_continues_on_the_same_device(self):
        self.begin()
        r = self.client.get(self.url("start"))
        self.assertContains(r, "Continue where you left off")
        self.assertContains(r, f'href="{self.url("answer")}"')
        # Starting again does not make a second respondent.
        self.client.post(self.url("start"))
        assert Respondent.objects.count() == 1

    def test_it_ignores_a_tampered_cookie(self):
        self.begin()
        name = f"kerne_r_{self.invitation.pk}"
        self.client.cookies[name] = "forged"
        r = self.client.get(self.url("start"))
        self.assertNotContains(r, "Continue where you left off")

    def test_it_ignores_another_invitations_cookie(self):
        self.begin()
        other = Invitation.objects.exclude(pk=self.invitation.pk).first()
        cookie = self.client.cookies[f"kerne_r_{self.invitation.pk}"]
        self.client.cookies[f"kerne_r_{other.pk}"] = cookie.value
        r = self.client.get(reverse("participation:start", args=[other.token]))
        self.assertNotContains(r, "Continue where you left off")

    def test_it_404s_for_an_unknown_token(self):
        r = self.client.get(reverse("participation:start", args=["nope"]))
        assert r.status_code == 404
        r = self.client.post(reverse("participation:start", args=["nope"]))
        assert r.status_code == 404
        assert Respondent.objects.count() == 0

    def test_it_rejects_other_methods(self):
        assert self.client.put(self.url("start")).status_code == 405
        assert self.client.delete(self.url("start")).status_code == 405


class ClosedStartTests(ParticipantTestCase):
    def assert_closed(self):
        r = self.client.get(self.url("start"))
        assert r.status_code == 200
        self.assertContains(r, "The round is closed")
        self.assertContains(r, reverse("participation:receipt"))
        # No start form: the open page's form (test_it_explains_why_and_how) is gone.
        self.assertNotContains(r, f'action="{self.url("start")}"')
        r = self.client.post(self.url("start"))
        assert r.status_code == 409
        self.assertContains(r, "The round is closed", status_code=409)
        assert Respondent.objects.count() == 0

    def test_it_is_closed_when_the_round_is_closed(self):
        close_round(self.round)
        self.assert_closed()

    def test_it_is_closed_after_closes_at(self):
        self.round.closes_at = timezone.now() - timedelta(minutes=1)
        self.round.save(update_fields=["closes_at"])
        self.assert_closed()

    def test_it_is_closed_when_the_link_is_deactivated(self):
        set_invitation_state(self.invitation, is_active=False)
        self.assert_closed()

    def test_a_round_not_yet_open_says_it_opens_later(self):
        draft = create_round(self.process, title="Anden runde")
        token = ensure_invitations(draft)[0].token
        r = self.client.get(reverse("participation:start", args=[token]))
        self.assertContains(r, "The round has not opened yet")
        self.assertContains(r, "opens later")
        self.assertNotContains(r, "closed")
        self.assertNotContains(r, "no longer possible")
        r = self.client.post(reverse("participation:start", args=[token]))
        self.assertContains(r, "The round has not opened yet", status_code=409)
        assert Respondent.objects.count() == 0

    def test_it_is_closed_after_the_invitation_closes(self):
        self.invitation.closes_at = timezone.now() - timedelta(seconds=1)
        self.invitation.save(update_fields=["closes_at"])
        self.assert_closed()
