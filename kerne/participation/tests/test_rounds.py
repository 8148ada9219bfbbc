"""The round page, its live counts, the answers page and svar.csv: all through the anonymity plan."""

from __future__ import annotations

from django.urls import reverse

from kerne.processes.services import close_round
from kerne.testing import BaseTestCase, add_respondents, make_process


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
        r = self.client.get(reverse("participation:answers", args=[self.round.pk]))
        body = r.content.decode()
        report = r.context["report"]
        # Borger (6) is never merged away to cover Pårørende (2): Pårørende is left out.
        assert [u.label for u in report.units] == ["Medarbejder", "Borger"]
        assert "Borgersvar" in body
        assert "Pårørendesvar" not in body
        assert "færre end 5 svar" in body

    def test_counts_cannot_be_subtracted(self):
        r = self.client.get(reverse("participation:round", args=[self.round.pk]))
        body = r.content.decode()
        assert ">2<" not in body and ">16<" not in body
        # The total is the shown groups only.
        assert r.context["report"].groups_total == 14
        assert ">14<" in body

    def test_filtering_to_a_hidden_group_is_not_possible(self):
        borger = self.process.groups.get(key="paaroerende")
        r = self.client.get(
            reverse("participation:answers", args=[self.round.pk]),
            {"gruppe": str(borger.pk)},
        )
        # An unknown unit key falls back to all shown units; the group is never on its own.
        assert r.context["filters"].unit is None

    def test_csv_uses_the_same_plan(self):
        r = self.client.get(reverse("participation:answers_csv", args=[self.round.pk]))
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
        r = self.client.get(reverse("participation:answers", args=[round_.pk]))
        assert "Hemmeligt svar" not in r.content.decode()
        r = self.client.get(reverse("participation:answers_csv", args=[round_.pk]))
        assert "Hemmeligt svar" not in r.content.decode("utf-8-sig")
        r = self.client.get(reverse("participation:round", args=[round_.pk]))
        # The group's cell says "fewer than 5" where it would say 4, and the total is 0.
        report = r.context["report"]
        assert [
            row.count for row in report.group_counts() if row.group.key == "medarbejder"
        ] == [None]
        self.assertContains(r, "færre end 5")
        self.assertContains(
            r,
            '<th scope="row">I alt i de viste grupper</th>'
            '<td class="text-align-right">0</td>',
        )
        assert ">4<" not in r.content.decode()

    def test_htmx_returns_only_the_results(self):
        r = self.client.get(
            reverse("participation:answers", args=[self.round.pk]),
            {"q": "Medarbejder"},
            headers={"HX-Request": "true"},
        )
        body = r.content.decode()
        assert '<div id="results"' in body and "<html" not in body
        assert 'hx-swap-oob="true"' in body
        assert "Borgersvar" not in body

    def test_answers_and_round_pages_take_the_same_queries_for_16_and_46_people(self):
        pages = {
            reverse("participation:answers", args=[self.round.pk]): 8,
            # One of them asks whether an app above runs the round (round_pages).
            reverse("participation:round", args=[self.round.pk]): 8,
        }
        for added in (0, 30):  # 16 respondents, then 46 (a new group among them)
            add_respondents(self.round, "borger", added // 2, text="Borgersvar")
            add_respondents(self.round, "leder", added // 2, text="Ledersvar")
            for url, queries in pages.items():
                with self.assertNumQueries(queries):
                    r = self.client.get(url)
                assert r.status_code == 200
        # The larger size is really on the page: leaders now answer above the threshold.
        r = self.client.get(reverse("participation:answers", args=[self.round.pk]))
        self.assertContains(r, "Ledersvar")


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
        r = self.client.get(reverse("participation:answers_csv", args=[self.round.pk]))
        return [line.split(";") for line in r.content.decode("utf-8-sig").splitlines()]

    def test_while_open_small_groups_are_not_pooled(self):
        r = self.client.get(reverse("participation:answers", args=[self.round.pk]))
        body = r.content.decode()
        assert [u.label for u in r.context["report"].units] == [
            "Medarbejder",
            "Borger",
        ]
        assert "Ledersvar" not in body and "Pårørendesvar" not in body
        r = self.client.get(reverse("participation:round_status", args=[self.round.pk]))
        body = r.content.decode()
        assert ">4<" not in body and ">8<" not in body and ">19<" not in body
        assert ">6<" in body and ">5<" in body and ">11<" in body

    def test_once_closed_small_groups_are_pooled_without_their_names(self):
        close_round(self.round)
        r = self.client.get(reverse("participation:answers", args=[self.round.pk]))
        body = r.content.decode()
        labels = [u.label for u in r.context["report"].units]
        assert labels == ["Medarbejder", "Borger", "Øvrige grupper samlet"]
        assert "Ledersvar" in body and "Pårørendesvar" in body
        # The counter still never shows the pool or a total with small groups in it.
        r = self.client.get(reverse("participation:round", args=[self.round.pk]))
        body = r.content.decode()
        # The same cells carry the shown groups and their total: 6 + 5 = 11.
        assert ">6<" in body and ">5<" in body and ">11<" in body
        assert ">8<" not in body and ">19<" not in body

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
        r = self.client.get(reverse("participation:answers_csv", args=[self.round.pk]))
        rows = [line.split(";") for line in r.content.decode("utf-8-sig").splitlines()]
        borger_questions = {q for label, q, _d, _a in rows[1:] if label == "Borger"}
        assert question.prompt not in borger_questions
        assert (
            len(borger_questions)
            == self.round.questions.filter(kind="text").count() - 1
        )


class RoundPageTests(BaseTestCase):
    """The round page offers what the round's status allows, and polls its counts only while open."""

    def page(self) -> str:
        self.client.force_login(self.alice)
        r = self.client.get(reverse("participation:round", args=[self.round.pk]))
        assert r.status_code == 200
        return r.content.decode()

    def test_an_open_round_can_be_closed_and_its_counts_update_by_themselves(self):
        html = self.page()
        assert reverse("processes:round_close", args=[self.round.pk]) in html
        assert reverse("processes:round_open", args=[self.round.pk]) not in html
        assert reverse("participation:round_status", args=[self.round.pk]) in html

    def test_a_closed_round_can_be_reopened_and_its_counts_stand_still(self):
        close_round(self.round)
        html = self.page()
        assert reverse("processes:round_open", args=[self.round.pk]) in html
        assert "Genåbn runden" in html
        assert reverse("processes:round_close", args=[self.round.pk]) not in html
        assert reverse("participation:round_status", args=[self.round.pk]) not in html
