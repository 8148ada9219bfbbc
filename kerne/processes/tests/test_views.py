from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from kerne.processes.models import Phase, Process, Question, Round
from kerne.processes.services import close_round
from kerne.testing import BaseTestCase, add_respondents, make_process


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
        url = reverse("processes:round_status", args=[self.round.pk])
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
            {"phase": Phase.FORMULERING},
        )
        self.process.refresh_from_db()
        assert self.process.phase == Phase.FORMULERING

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


class AnswerAnonymityTests(BaseTestCase):
    """The answers page, its htmx partial and the CSV never show a group below the threshold."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        add_respondents(cls.round, "medarbejder", 8, text="Medarbejdersvar")
        add_respondents(cls.round, "borger", 6, text="Borgersvar")
        add_respondents(cls.round, "paaroerende", 2, text="Pårørendesvar")

    def setUp(self):
        self.client.force_login(self.alice)

    def test_a_group_that_reaches_the_threshold_is_shown_on_its_own(self):
        r = self.client.get(reverse("processes:answers", args=[self.round.pk]))
        body = r.content.decode()
        report = r.context["report"]
        # Borger (6) is never merged away to cover Pårørende (2): Pårørende is left out.
        assert [u.label for u in report.units] == ["Medarbejder", "Borger"]
        assert "Borgersvar" in body
        assert "Pårørendesvar" not in body
        assert "færre end 5 svar" in body

    def test_counts_cannot_be_subtracted(self):
        r = self.client.get(reverse("processes:round", args=[self.round.pk]))
        body = r.content.decode()
        assert ">2<" not in body and ">16<" not in body
        # The total is the shown groups only.
        assert r.context["report"].groups_total == 14
        assert ">14<" in body

    def test_filtering_to_a_hidden_group_is_not_possible(self):
        borger = self.process.groups.get(key="paaroerende")
        r = self.client.get(
            reverse("processes:answers", args=[self.round.pk]),
            {"gruppe": str(borger.pk)},
        )
        # An unknown unit key falls back to all shown units; the group is never on its own.
        assert r.context["filters"]["unit"] is None

    def test_csv_uses_the_same_plan(self):
        r = self.client.get(reverse("processes:answers_csv", args=[self.round.pk]))
        text = r.content.decode("utf-8-sig")
        assert "Medarbejdersvar" in text
        for line in text.splitlines()[1:]:
            group = line.split(";")[0]
            assert group in ("Medarbejder", "Borger")
        assert "Pårørendesvar" not in text

    def test_everything_hidden_below_threshold(self):
        process = make_process(self.unit, by=self.alice, title="Lille")
        round_ = process.rounds.get()
        from kerne.processes.services import open_round

        open_round(round_)
        add_respondents(round_, "medarbejder", 4, text="Hemmeligt svar")
        r = self.client.get(reverse("processes:answers", args=[round_.pk]))
        assert "Hemmeligt svar" not in r.content.decode()
        r = self.client.get(reverse("processes:answers_csv", args=[round_.pk]))
        assert "Hemmeligt svar" not in r.content.decode("utf-8-sig")
        r = self.client.get(reverse("processes:round", args=[round_.pk]))
        assert ">4<" not in r.content.decode()

    def test_htmx_returns_only_the_results(self):
        r = self.client.get(
            reverse("processes:answers", args=[self.round.pk]),
            {"q": "Medarbejder"},
            headers={"HX-Request": "true"},
        )
        body = r.content.decode()
        assert '<div id="results"' in body and "<html" not in body
        assert 'hx-swap-oob="true"' in body
        assert "Borgersvar" not in body

    def test_answers_page_query_count_is_flat(self):
        with self.assertNumQueries(8):
            self.client.get(reverse("processes:answers", args=[self.round.pk]))


class PoolTests(BaseTestCase):
    """Medarbejder 6 and Borger 5 on their own; Leder 4 and Pårørende 4 pooled once closed."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        add_respondents(cls.round, "medarbejder", 6, text="Medarbejdersvar")
        add_respondents(cls.round, "borger", 5, text="Borgersvar")
        add_respondents(cls.round, "leder", 4, text="Ledersvar")
        add_respondents(cls.round, "paaroerende", 4, text="Pårørendesvar")

    def setUp(self):
        self.client.force_login(self.alice)

    def csv_rows(self):
        r = self.client.get(reverse("processes:answers_csv", args=[self.round.pk]))
        return [line.split(";") for line in r.content.decode("utf-8-sig").splitlines()]

    def test_while_open_small_groups_are_not_pooled(self):
        r = self.client.get(reverse("processes:answers", args=[self.round.pk]))
        body = r.content.decode()
        assert [u.label for u in r.context["report"].units] == [
            "Medarbejder",
            "Borger",
        ]
        assert "Ledersvar" not in body and "Pårørendesvar" not in body
        r = self.client.get(reverse("processes:round_status", args=[self.round.pk]))
        body = r.content.decode()
        assert ">4<" not in body and ">8<" not in body and ">19<" not in body
        assert ">6<" in body and ">5<" in body and ">11<" in body

    def test_once_closed_small_groups_are_pooled_without_their_names(self):
        close_round(self.round)
        r = self.client.get(reverse("processes:answers", args=[self.round.pk]))
        body = r.content.decode()
        labels = [u.label for u in r.context["report"].units]
        assert labels == ["Medarbejder", "Borger", "Øvrige grupper samlet"]
        assert "Ledersvar" in body and "Pårørendesvar" in body
        # The counter still never shows the pool or a total with small groups in it.
        r = self.client.get(reverse("processes:round", args=[self.round.pk]))
        assert ">8<" not in r.content.decode() and ">19<" not in r.content.decode()

    def test_pool_rows_reveal_neither_group_nor_person(self):
        close_round(self.round)
        pool_rows: dict[str, list[str]] = {}
        for label, question, _dimension, answer in self.csv_rows()[1:]:
            assert label in ("Medarbejder", "Borger", "Øvrige grupper samlet")
            if label == "Øvrige grupper samlet":
                pool_rows.setdefault(question, []).append(answer)
        assert len(pool_rows) == 4
        # add_respondents gives person i the answer "… (group i)" in every question.
        people = [
            [text.split("(")[1] for text in answers] for answers in pool_rows.values()
        ]
        assert all(len(p) == 8 for p in people)
        assert any(p != sorted(p) for p in people)  # not by group, not by id
        assert any(p != people[0] for p in people[1:])  # not lined up across questions

    def test_the_order_is_the_keyed_hash_within_each_unit(self):
        from kerne.participation import reporting

        close_round(self.round)
        report = reporting.round_report(self.round)
        questions = list(self.round.questions.all())
        rows = reporting.shown_answers(
            report,
            reporting.question_plans(report, questions),
            reporting.visible_answers(report),
        )
        pool = [a for a, unit in rows if unit.key == "__pool__"]
        for question in questions:
            mine = [a for a in pool if a.question_id == question.pk]
            keys = [reporting.row_order(a.question_id, a.pk) for a in mine]
            assert keys == sorted(keys)

    def test_a_group_is_hidden_for_a_question_it_barely_answered(self):
        from kerne.participation.models import Answer

        question = self.round.questions.filter(kind="text").first()
        # One of the five citizens leaves this one question empty.
        Answer.objects.filter(
            question=question, respondent__group__key="borger"
        ).order_by("pk")[:1].get().delete()
        r = self.client.get(reverse("processes:answers_csv", args=[self.round.pk]))
        rows = [line.split(";") for line in r.content.decode("utf-8-sig").splitlines()]
        borger_questions = {q for label, q, _d, _a in rows[1:] if label == "Borger"}
        assert question.prompt not in borger_questions
        assert (
            len(borger_questions)
            == self.round.questions.filter(kind="text").count() - 1
        )
