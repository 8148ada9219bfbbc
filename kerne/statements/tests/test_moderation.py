from __future__ import annotations

from django.urls import reverse

from kerne.statements.models import Statement
from kerne.statements.services import (
    MAX_STATEMENTS_PER_RESPONDENT,
    duplicate_warnings,
    submit_statement,
    update_statement_settings,
)
from kerne.statements.tests.helpers import make_statements, voters
from kerne.testing import BaseTestCase, invitation


class ModerationTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.seed = make_statements(
            cls.process,
            ["Vi skal bruge mere tid på at tale med borgeren end på at dokumentere."],
        )[0]
        (cls.voter,) = voters(cls.round, "borger", 1)
        cls.pending = submit_statement(
            cls.voter,
            text="Vi bør bruge mere tid på at snakke med borgerne end på dokumentation.",
        )

    def test_participant_statements_wait_for_moderation_by_default(self):
        assert self.pending.status == Statement.Status.PENDING

    def test_without_moderation_they_are_published_at_once(self):
        update_statement_settings(
            self.process, moderation=False, participants_may_write=True
        )
        other = submit_statement(self.voter, text="Faste hjælpere betyder mest.")
        assert other.status == Statement.Status.PUBLISHED

    def test_it_warns_about_near_duplicates(self):
        warnings = duplicate_warnings(self.process)
        assert [s for s, _ in warnings[self.pending.pk]] == [self.seed]
        assert warnings[self.pending.pk][0][1] >= 50

    def test_the_facilitator_approves_rejects_and_edits(self):
        self.client.force_login(self.alice)
        url = reverse("statements:moderate", args=[self.pending.pk])
        self.client.post(url, {"action": "approve"})
        self.pending.refresh_from_db()
        assert self.pending.status == Statement.Status.PUBLISHED
        self.client.post(url, {"action": "reject"})
        self.pending.refresh_from_db()
        assert self.pending.status == Statement.Status.REJECTED
        r = self.client.post(
            reverse("statements:edit", args=[self.pending.pk]),
            {"text": "Samtalen med borgeren går forud."},
        )
        assert r.status_code == 302
        self.pending.refresh_from_db()
        assert self.pending.text == "Samtalen med borgeren går forud."
        assert self.pending.status == Statement.Status.PUBLISHED

    def test_the_queue_shows_the_duplicate_warning(self):
        self.client.force_login(self.alice)
        r = self.client.get(reverse("statements:list", args=[self.process.pk]))
        self.assertContains(r, "alert-warning")
        self.assertContains(r, self.pending.text)

    def test_an_exact_duplicate_is_refused_with_a_danish_message(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("statements:add", args=[self.process.pk]),
            {"text": self.seed.text.upper()},
        )
        assert r.status_code == 400
        assert Statement.objects.count() == 2

    def test_a_participant_writes_through_the_invitation(self):
        token = invitation(self.round, "medarbejder").token
        self.client.post(reverse("statements:vote", args=[token]))
        r = self.client.post(
            reverse("statements:write", args=[token]), {"text": "x" * 301}
        )
        assert r.status_code == 400
        r = self.client.post(
            reverse("statements:write", args=[token]),
            {"text": "Mere tid til kaffe med borgeren."},
        )
        assert r.status_code == 302
        assert Statement.objects.filter(
            text="Mere tid til kaffe med borgeren.", status="pending"
        ).exists()

    def test_one_participant_writes_at_most_the_limit_and_keeps_the_text(self):
        token = invitation(self.round, "medarbejder").token
        self.client.post(reverse("statements:vote", args=[token]))
        url = reverse("statements:write", args=[token])
        for i in range(MAX_STATEMENTS_PER_RESPONDENT):
            r = self.client.post(url, {"text": f"Forslag nummer {i} om kaffe."})
            assert r.status_code == 302, i
        typed = "Endnu et forslag, som ikke kommer med."
        r = self.client.post(url, {"text": typed})
        self.assertContains(
            r, "Du har skrevet 20 udsagn, og det er det højeste", status_code=400
        )
        self.assertContains(r, typed, status_code=400)
        assert not Statement.objects.filter(text=typed).exists()
        # Another participant writes as before.
        self.client.cookies.clear()
        self.client.post(reverse("statements:vote", args=[token]))
        assert self.client.post(url, {"text": typed}).status_code == 302


class AccessTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.statement = make_statements(cls.process, ["Et."])[0]

    def test_outsiders_get_404(self):
        self.client.force_login(self.charlie)
        for url in (
            reverse("statements:list", args=[self.process.pk]),
            reverse("statements:map", args=[self.process.pk]),
            reverse("statements:edit", args=[self.statement.pk]),
        ):
            assert self.client.get(url).status_code == 404
        r = self.client.post(
            reverse("statements:moderate", args=[self.statement.pk]),
            {"action": "reject"},
        )
        assert r.status_code == 404
        self.statement.refresh_from_db()
        assert self.statement.status == Statement.Status.PUBLISHED

    def test_it_rejects_get_on_actions(self):
        self.client.force_login(self.alice)
        assert (
            self.client.get(
                reverse("statements:moderate", args=[self.statement.pk])
            ).status_code
            == 405
        )
        assert (
            self.client.get(
                reverse("statements:add", args=[self.process.pk])
            ).status_code
            == 405
        )
        assert (
            self.client.get(
                reverse("statements:map_refresh", args=[self.process.pk])
            ).status_code
            == 405
        )
