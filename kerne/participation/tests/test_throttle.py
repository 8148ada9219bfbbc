"""Rate limits a participant can meet: guessing at links, and starting respondents."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kerne.participation.limits import LINK_GUESS, NEW_RESPONDENT, Limit
from kerne.participation.models import Invitation, LimitedAttempt, Respondent
from kerne.participation.services import ensure_invitations
from kerne.participation.tests.test_start import ParticipantTestCase


def client(ip: str) -> Client:
    c = Client(REMOTE_ADDR=ip)
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return c


def start_url(token: str) -> str:
    return reverse("participation:start", args=[token])


class LinkGuessTests(ParticipantTestCase):
    def guess(self, c: Client, n: int) -> None:
        for i in range(n):
            assert c.get(start_url(f"gaet-{i:04d}-xxxxxxxxxxxxxxxx")).status_code == 404

    def test_unknown_links_from_one_client_are_refused_after_the_limit(self):
        guesser = client("10.1.0.1")
        self.guess(guesser, LINK_GUESS.count)
        # Now every link is refused for this client, a real one too: otherwise the
        # guesser could go on and tell hits from misses.
        r = guesser.get(start_url(self.token))
        assert r.status_code == 429
        assert r["Retry-After"] == str(LINK_GUESS.window)
        self.assertContains(r, "Too many unknown links", status_code=429)
        assert guesser.get(start_url("gaet-9999")).status_code == 429
        # The addresses are stored only as salted hashes.
        keys = set(LimitedAttempt.objects.values_list("key", flat=True))
        assert all("10.1.0.1" not in key for key in keys)
        # Another client on another network is not affected.
        assert client("10.1.0.2").get(start_url(self.token)).status_code == 200

    def test_a_link_no_token_can_have_is_a_guess_that_no_query_sees(self):
        guesser = client("10.1.0.3")
        # PostgreSQL refuses a NUL in a query parameter: the shape stops it first.
        for token in ("\x00", "a b", "ø" * 24, "x" * 101):
            assert guesser.get(f"/s/{token}/").status_code == 404
        assert LimitedAttempt.objects.filter(scope=LINK_GUESS.scope).count() == 4

    def test_the_refusal_is_in_danish_for_danish_visitors(self):
        guesser = Client(REMOTE_ADDR="10.1.0.9")
        self.guess(guesser, LINK_GUESS.count)
        r = guesser.get(start_url(self.token))
        self.assertContains(r, "For mange ukendte links", status_code=429)

    def test_a_participant_with_the_links_own_cookie_carries_on(self):
        # A colleague on the same network started answering before the guesser came.
        colleague = client("10.1.0.3")
        colleague.post(start_url(self.token))
        other = self.second_invitation()
        stranger = client("10.1.0.3")
        stranger.post(start_url(other.token))
        self.guess(client("10.1.0.3"), LINK_GUESS.count)
        answer = reverse("participation:answer", args=[self.token])
        assert colleague.get(answer).status_code == 200
        # A real device cookie for another link does not open this one ...
        cookie = stranger.cookies[f"kerne_r_{other.pk}"]
        bearer = client("10.1.0.3")
        bearer.cookies[f"kerne_r_{other.pk}"] = cookie.value
        assert bearer.get(start_url(self.token)).status_code == 429
        # ... and neither does a forged cookie under this link's name.
        forger = client("10.1.0.3")
        forger.cookies[f"kerne_r_{self.invitation.pk}"] = "NOT-SIGNED"
        assert forger.get(start_url(self.token)).status_code == 429

    def second_invitation(self) -> Invitation:
        other = next(
            inv
            for inv in ensure_invitations(self.round)
            if inv.pk != self.invitation.pk
        )
        return other

    def test_a_missing_page_under_a_real_link_is_not_a_guess(self):
        # The link exists; the round simply has no pairwise page.
        c = client("10.1.0.4")
        url = reverse("priorities:pairwise_vote", args=[self.token])
        for _ in range(LINK_GUESS.count + 2):
            assert c.get(url).status_code == 404
        assert c.get(start_url(self.token)).status_code == 200
        assert not LimitedAttempt.objects.filter(scope=LINK_GUESS.scope).exists()

    def test_the_window_forgets(self):
        c = client("10.1.0.5")
        self.guess(c, LINK_GUESS.count)
        assert c.get(start_url(self.token)).status_code == 429
        LimitedAttempt.objects.update(
            at=timezone.now() - timedelta(seconds=LINK_GUESS.window + 1)
        )
        assert c.get(start_url(self.token)).status_code == 200
        self.guess(c, 1)
        assert LimitedAttempt.objects.filter(scope=LINK_GUESS.scope).count() == 1


class NewRespondentTests(ParticipantTestCase):
    def test_a_staff_meeting_on_one_network_is_never_stopped(self):
        # Forty colleagues behind the same address, each on their own phone.
        for _ in range(40):
            assert client("10.2.0.1").post(start_url(self.token)).status_code == 302
        assert Respondent.objects.count() == 40
        assert NEW_RESPONDENT.count >= 100

    def test_a_script_starting_respondents_is_stopped_per_link_and_connection(self):
        small = Limit(NEW_RESPONDENT.scope, count=3, window=NEW_RESPONDENT.window)
        with mock.patch("kerne.participation.services.NEW_RESPONDENT", small):
            phones = [client("10.2.0.2") for _ in range(3)]
            for phone in phones:
                assert phone.post(start_url(self.token)).status_code == 302
            r = client("10.2.0.2").post(start_url(self.token))
            assert r.status_code == 429
            assert r["Retry-After"] == str(NEW_RESPONDENT.window)
            self.assertContains(
                r, "Too many new answers from your connection", status_code=429
            )
            assert Respondent.objects.count() == 3
            # Those who started carry on; another connection starts as ever.
            answer = reverse("participation:answer", args=[self.token])
            assert phones[0].get(answer).status_code == 200
            assert client("10.2.0.3").post(start_url(self.token)).status_code == 302
            # The statement and pairwise links share the same count per link.
            vote = reverse("statements:vote", args=[self.token])
            assert client("10.2.0.2").post(vote).status_code == 429
