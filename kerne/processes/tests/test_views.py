from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from kerne.processes.models import Phase, Process, Question, Round
from kerne.processes.services import close_round
from kerne.testing import BaseTestCase, add_respondents


class CreateTests(BaseTestCase):
    def test_it_creates_a_process_from_the_template(self):
        self.client.force_login(self.alice)
        url = reverse("processes:create", args=[self.unit.pk])
        r = self.client.post(
            url, {"title": "Ny proces", "purpose": "Fordi", "anonymity_threshold": 6}
        )
        process = Process.objects.get(title="Ny proces")
        self.assertRedirects(r, process.get_absolute_url())
        assert process.anonymity_threshold == 6
        assert [g.key for g in process.groups.all()] == [
            "medarbejder",
            "leder",
            "borger",
            "paaroerende",
            "samarbejdspartner",
        ]
        round_ = process.rounds.get()
        assert [q.dimension for q in round_.questions.all()] == [
            "vaerdi",
            "ambition",
            "tilgang",
            "maalgruppe",
        ]
        assert round_.invitations.count() == 5

    def test_it_refuses_a_threshold_below_three(self):
        self.client.force_login(self.alice)
        url = reverse("processes:create", args=[self.unit.pk])
        r = self.client.post(url, {"title": "Ny proces", "anonymity_threshold": 2})
        assert r.status_code == 200
        assert not Process.objects.filter(title="Ny proces").exists()
        assert r.context["form"].errors["anonymity_threshold"]

    def test_it_hides_units_of_other_organisations(self):
        self.client.force_login(self.alice)
        assert (
            self.client.get(
                reverse("processes:create", args=[self.other_unit.pk])
            ).status_code
            == 404
        )


class RoundTests(BaseTestCase):
    def test_it_closes_and_reopens(self):
        self.client.force_login(self.alice)
        self.client.post(reverse("processes:round_close", args=[self.round.pk]))
        self.round.refresh_from_db()
        assert self.round.status == Round.Status.CLOSED
        self.client.post(reverse("processes:round_open", args=[self.round.pk]))
        self.round.refresh_from_db()
        assert self.round.status == Round.Status.OPEN

    def test_it_refuses_a_closing_time_in_the_past(self):
        close_round(self.round)
        self.client.force_login(self.alice)
        past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
        r = self.client.post(
            reverse("processes:round_open", args=[self.round.pk]),
            {"closes_at": past},
            follow=True,
        )
        self.round.refresh_from_db()
        assert self.round.status == Round.Status.CLOSED
        assert "future" in r.content.decode() or "fremtiden" in r.content.decode()

    def test_it_schedules_closing_as_a_background_task(self):
        from django_tasks_db.models import DBTaskResult

        close_round(self.round)
        self.client.force_login(self.alice)
        future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("processes:round_open", args=[self.round.pk]),
                {"closes_at": future},
            )
        task = DBTaskResult.objects.get(task_path__endswith="close_round_when_due")
        assert task.run_after is not None

    def test_close_task_closes_only_when_due(self):
        from kerne.processes.tasks import close_round_when_due

        self.round.closes_at = timezone.now() + timedelta(hours=1)
        self.round.save(update_fields=["closes_at"])
        assert close_round_when_due.call(self.round.pk) is False
        self.round.closes_at = timezone.now() - timedelta(minutes=1)
        self.round.save(update_fields=["closes_at"])
        assert close_round_when_due.call(self.round.pk) is True
        self.round.refresh_from_db()
        assert self.round.status == Round.Status.CLOSED

    def test_open_and_close_refuse_get(self):
        self.client.force_login(self.alice)
        assert (
            self.client.get(
                reverse("processes:round_close", args=[self.round.pk])
            ).status_code
            == 405
        )

    def test_status_partial_updates_counts(self):
        self.client.force_login(self.alice)
        url = reverse("participation:round_status", args=[self.round.pk])
        r = self.client.get(url, headers={"HX-Request": "true"})
        assert 'id="round-counts"' in r.content.decode()
        add_respondents(self.round, "medarbejder", 7)
        r = self.client.get(url, headers={"HX-Request": "true"})
        assert ">7<" in r.content.decode()


class QuestionTests(BaseTestCase):
    def test_it_adds_a_single_choice_question(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:question_add", args=[self.round.pk]),
            {
                "prompt": "Hvor længe har du arbejdet her?",
                "kind": "choice",
                "choices": "Kort\nLænge\n\nKort",
            },
        )
        self.assertRedirects(r, self.round.get_absolute_url())
        question = self.round.questions.get(kind=Question.Kind.CHOICE)
        assert question.choices == ["Kort", "Længe"]

    def test_a_choice_question_needs_two_options(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:question_add", args=[self.round.pk]),
            {"prompt": "Hvad?", "kind": "choice", "choices": "Ja"},
        )
        assert r.status_code == 200
        assert r.context["form"].errors["choices"]

    def test_it_refuses_to_delete_an_answered_question(self):
        add_respondents(self.round, "medarbejder", 1)
        question = self.round.questions.first()
        self.client.force_login(self.alice)
        self.client.post(reverse("processes:question_delete", args=[question.pk]))
        assert Question.objects.filter(pk=question.pk).exists()

    def test_it_moves_a_question(self):
        first, second = list(self.round.questions.all())[:2]
        self.client.force_login(self.alice)
        self.client.post(
            reverse("processes:question_move", args=[second.pk]), {"direction": "up"}
        )
        assert list(self.round.questions.all())[:2] == [second, first]


class PhaseTests(BaseTestCase):
    def test_it_changes_phase(self):
        self.client.force_login(self.alice)
        self.client.post(
            reverse("processes:phase", args=[self.process.pk]),
            {"phase": Phase.FAELLES_FORSTAAELSE},
        )
        self.process.refresh_from_db()
        assert self.process.phase == Phase.FAELLES_FORSTAAELSE

    def test_it_rejects_an_unknown_phase(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:phase", args=[self.process.pk]), {"phase": "nonsense"}
        )
        assert r.status_code == 302
        self.process.refresh_from_db()
        assert self.process.phase == Phase.INDKREDSNING


class GroupTests(BaseTestCase):
    def test_adding_a_group_adds_an_invitation(self):
        self.client.force_login(self.alice)
        self.client.post(
            reverse("processes:group_add", args=[self.process.pk]),
            {"name": "Frivillige", "side": "outside"},
        )
        assert self.round.invitations.filter(group__name="Frivillige").exists()

    def test_it_refuses_a_duplicate_group_name(self):
        self.client.force_login(self.alice)
        r = self.client.post(
            reverse("processes:group_add", args=[self.process.pk]),
            {"name": "borger", "side": "outside"},
        )
        assert r.status_code == 400

    def test_it_refuses_to_delete_a_group_with_answers(self):
        add_respondents(self.round, "borger", 1)
        group = self.process.groups.get(key="borger")
        self.client.force_login(self.alice)
        self.client.post(reverse("processes:group_delete", args=[group.pk]))
        assert self.process.groups.filter(pk=group.pk).exists()
