"""What each settings and editing form actually changes, not only that it answers."""

from __future__ import annotations

from django.urls import reverse

from kerne.participation.models import Invitation
from kerne.processes.models import Question, StakeholderGroup
from kerne.processes.services import ThresholdInUse, update_process
from kerne.testing import BaseTestCase, group, invitation, make_process


class ProcessSettingsTests(BaseTestCase):
    def test_it_saves_title_purpose_and_threshold(self):
        # A process whose round has not opened: the threshold may still change.
        self.process = make_process(self.unit, by=self.alice, title="Nyt forløb")
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:settings", args=[self.process.pk]),
            {"title": "Ny titel", "purpose": "Et nyt formål", "anonymity_threshold": 7},
        )
        assert r.status_code == 302
        self.process.refresh_from_db()
        assert (self.process.title, self.process.purpose) == (
            "Ny titel",
            "Et nyt formål",
        )
        assert self.process.anonymity_threshold == 7

    def test_invalid_input_changes_nothing_and_keeps_what_was_typed(self):
        self.client.force_login(self.alice)
        before = (self.process.title, self.process.anonymity_threshold)
        r = self.client.post(
            reverse("processes:settings", args=[self.process.pk]),
            {"title": "Skrevet titel", "purpose": "", "anonymity_threshold": 2},
        )
        assert r.status_code == 200
        assert "Skrevet titel" in r.content.decode()
        self.process.refresh_from_db()
        assert (self.process.title, self.process.anonymity_threshold) == before

    def test_an_opened_round_freezes_the_threshold_but_not_the_title(self):
        k = self.process.anonymity_threshold
        with self.assertRaises(ThresholdInUse):
            update_process(
                self.process, title="T", purpose="", anonymity_threshold=k + 1
            )
        update_process(
            self.process, title="Ny titel", purpose="", anonymity_threshold=k
        )
        self.process.refresh_from_db()
        assert (self.process.title, self.process.anonymity_threshold) == ("Ny titel", k)


class GroupEditTests(BaseTestCase):
    def test_it_renames_the_group_and_moves_it_to_the_other_side(self):
        self.client.force_login(self.alice)
        citizens = group(self.process, "borger")
        assert citizens.side == StakeholderGroup.Side.OUTSIDE
        r = self.client.post(
            reverse("processes:group_edit", args=[citizens.pk]),
            {"name": "Brugere", "side": StakeholderGroup.Side.INSIDE},
        )
        assert r.status_code == 302
        citizens.refresh_from_db()
        assert citizens.name == "Brugere"
        assert citizens.side == StakeholderGroup.Side.INSIDE

    def test_a_duplicate_name_is_refused_and_nothing_changes(self):
        self.client.force_login(self.alice)
        citizens = group(self.process, "borger")
        staff = group(self.process, "medarbejder")
        r = self.client.post(
            reverse("processes:group_edit", args=[citizens.pk]),
            {"name": staff.name, "side": citizens.side},
        )
        assert r.status_code == 200
        citizens.refresh_from_db()
        assert citizens.name != staff.name


class QuestionEditTests(BaseTestCase):
    def test_it_saves_the_changed_fields_and_keeps_the_kind(self):
        self.client.force_login(self.alice)
        question = self.round.questions.filter(kind=Question.Kind.TEXT).first()
        assert question is not None
        r = self.client.post(
            reverse("processes:question_edit", args=[question.pk]),
            {
                "prompt": "Hvad ville borgerne savne mest?",
                "help_text": "Skriv med dine egne ord.",
                "kind": Question.Kind.SCALE,  # disabled when editing: ignored
                "dimension": question.dimension,
                "choices": "",
                "scale_low_label": "",
                "scale_high_label": "",
                "required": "on",
            },
        )
        assert r.status_code == 302
        question.refresh_from_db()
        assert question.prompt == "Hvad ville borgerne savne mest?"
        assert question.help_text == "Skriv med dine egne ord."
        assert question.required is True
        assert question.kind == Question.Kind.TEXT

    def test_an_empty_prompt_is_refused(self):
        self.client.force_login(self.alice)
        question = self.round.questions.first()
        assert question is not None
        prompt = question.prompt
        r = self.client.post(
            reverse("processes:question_edit", args=[question.pk]),
            {"prompt": "", "kind": question.kind, "dimension": question.dimension},
        )
        assert r.status_code == 200
        question.refresh_from_db()
        assert question.prompt == prompt


class NewRoundTests(BaseTestCase):
    def test_it_creates_a_round_with_the_dimension_questions_and_invitations(self):
        self.client.force_login(self.alice)
        before = self.process.rounds.count()
        r = self.client.post(
            reverse("processes:round_create", args=[self.process.pk]),
            {
                "title": "Runde 2",
                "intro": "Anden runde",
                "with_dimension_questions": "on",
            },
        )
        assert r.status_code == 302
        assert self.process.rounds.count() == before + 1
        new = self.process.rounds.get(title="Runde 2")
        assert new.intro == "Anden runde"
        assert new.questions.count() == 4
        assert new.invitations.count() == self.process.groups.count()
        assert r["Location"] == new.get_absolute_url()

    def test_without_the_dimension_questions_it_starts_empty(self):
        self.client.force_login(self.alice)
        self.client.post(
            reverse("processes:round_create", args=[self.process.pk]),
            {"title": "Tom runde", "intro": ""},
        )
        assert self.process.rounds.get(title="Tom runde").questions.count() == 0


def is_active(inv: Invitation) -> bool:
    return Invitation.objects.get(pk=inv.pk).is_active


class InvitationToggleTests(BaseTestCase):
    def test_it_switches_the_link_off_and_on_again(self):
        self.client.force_login(self.alice)
        inv = invitation(self.round, "borger")
        assert is_active(inv)
        url = reverse("participation:invitation_toggle", args=[inv.pk])
        self.client.post(url)
        assert not is_active(inv)
        start = reverse("participation:start", args=[inv.token])
        self.client.logout()
        self.assertTemplateUsed(self.client.get(start), "participation/closed.html")
        self.client.force_login(self.alice)
        self.client.post(url)
        assert is_active(inv)
        self.client.logout()
        self.assertTemplateNotUsed(self.client.get(start), "participation/closed.html")

    def test_it_changes_only_that_invitation(self):
        self.client.force_login(self.alice)
        inv = invitation(self.round, "borger")
        self.client.post(reverse("participation:invitation_toggle", args=[inv.pk]))
        others = self.round.invitations.exclude(pk=inv.pk)
        assert others.exists()
        assert all(other.is_active for other in others)
