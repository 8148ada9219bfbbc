from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from kerne.coretasks.models import QualificationQuestion
from kerne.coretasks.qualification import (
    qualification_result,
    recognition,
    recognitions,
)
from kerne.coretasks.testing import make_qualification, make_version, rate
from kerne.participation import reporting
from kerne.participation.forms import field_name
from kerne.participation.models import Answer
from kerne.processes.models import Phase, Question, Round
from kerne.testing import BaseTestCase, invitation, make_process, make_unit

Measure = QualificationQuestion.Measure


class CreateQualificationTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.version = make_version(cls.process, by=cls.alice)

    def test_it_creates_a_round_of_the_draft_with_two_ratings_and_a_suggestion(self):
        self.client.force_login(self.alice)
        r = self.client.post(reverse("coretasks:qualify", args=[self.version.pk]))
        round_ = Round.objects.get(qualification__version=self.version)
        self.assertRedirects(r, round_.get_absolute_url())
        questions = list(round_.questions.all())
        assert [q.kind for q in questions[:3]] == [
            Question.Kind.SCALE,
            Question.Kind.SCALE,
            Question.Kind.TEXT,
        ]
        assert len(questions) == 12
        assert "Jeg genkender det" in questions[0].prompt
        assert "Det er klart formuleret" in questions[1].prompt
        assert self.version.statement in round_.intro
        measures = QualificationQuestion.objects.filter(question__round=round_)
        assert measures.filter(measure="recognise").count() == 4
        # Every group gets its link through the existing invitation machinery.
        assert round_.invitations.count() == self.process.groups.count()
        self.process.refresh_from_db()
        assert self.process.phase == Phase.KVALIFICERING

    def test_it_rejects_get_and_outsiders(self):
        url = reverse("coretasks:qualify", args=[self.version.pk])
        self.client.force_login(self.alice)
        assert self.client.get(url).status_code == 405
        self.client.force_login(self.charlie)
        assert self.client.post(url).status_code == 404


class AnswerTests(BaseTestCase):
    def test_a_participant_answers_through_the_ordinary_pages(self):
        qualification = make_qualification(make_version(self.process))
        token = invitation(qualification.round, "borger").token
        self.client.post(reverse("participation:start", args=[token]))
        questions = list(qualification.round.questions.order_by("order"))
        first = questions[0]
        # A browser sends every textarea, even empty ones.
        data = {field_name(q): "" for q in questions if q.kind == Question.Kind.TEXT}
        data[field_name(first)] = "5"
        r = self.client.post(reverse("participation:answer", args=[token]), data)
        self.assertRedirects(r, reverse("participation:thanks", args=[token]))
        assert Answer.objects.get(question=first).number == 5


class ResultTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.qualification = make_qualification(make_version(cls.process))
        rate(cls.qualification, "medarbejder", 7, recognise=5, suggestion="Skriv os")
        rate(cls.qualification, "borger", 6, recognise=2, clear=3)
        rate(cls.qualification, "samarbejdspartner", 2, recognise=1)
        cls.url = reverse("coretasks:qualification", args=[cls.qualification.pk])

    def test_it_shows_each_group_and_the_sides_with_intervals(self):
        result = qualification_result(self.qualification)
        value = result.dimensions[0]
        labels = [u.unit.label for u in value.units]
        assert labels[0] == "Medarbejder"
        assert value.units[0].recognise.mean == 5
        assert value.units[0].recognise.low == 5  # all alike: no spread
        assert value.inside["recognise"].n == 7
        assert value.recognise_gap is not None and value.recognise_gap.is_large

    def test_it_never_shows_a_group_below_the_threshold(self):
        result = qualification_result(self.qualification)
        for dimension in result.dimensions:
            for rated in dimension.units:
                assert "Samarbejdspartner" not in rated.unit.label or (
                    rated.unit.count >= result.report.threshold
                )
        # Two partners are left out; the citizens are never merged away to cover them.
        assert [u.label for u in result.report.units] == ["Medarbejder", "Borger"]
        outside = result.dimensions[0].outside["recognise"]
        assert outside is not None and outside.n == 6

    def test_it_lists_suggestions_with_their_group(self):
        result = qualification_result(self.qualification)
        suggestions = result.dimensions[0].suggestions
        assert len(suggestions) == 7
        assert suggestions[0].unit_label == "Medarbejder"
        assert result.dimensions[0].themes is None  # too few to group

    def test_recognition_per_side(self):
        score = recognition(self.qualification)
        assert score.inside == 5
        # The partners' 1s are left out, not pooled with the citizens' 2s.
        assert score.outside == 2

    def test_the_page_for_members(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        assert r.status_code == 200
        self.assertContains(r, "Skriv os (medarbejder 0)")
        assert self.client.post(self.url).status_code == 405

    def test_it_hides_the_page_from_outsiders(self):
        self.client.force_login(self.charlie)
        assert self.client.get(self.url).status_code == 404

    def test_the_page_opens_with_sentences_and_keeps_intervals_in_a_disclosure(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        content = r.content.decode()
        summary = r.context["summary"]
        assert 2 <= len(summary) <= 5
        assert (
            "5,0 mod 2,0" in summary[1]
        )  # the two sides, as the table rounds them (partners left out)
        first = content.index(escape(summary[0]))
        assert first < content.index("95 %-interval") < content.index("n=7")
        outside = re.sub(r"<details.*?</details>", "", content, flags=re.S)
        assert "n=7" not in outside and "95 %-interval" not in outside
        assert outside.count("Sådan er det beregnet") == 0
        assert content.count("Sådan er det beregnet") == 4
        dimension, sentences = r.context["dimensions"][0]
        assert sentences[1] == "Det er en stor forskel."


class SmallRoundTests(BaseTestCase):
    def test_nothing_is_shown_below_the_threshold(self):
        qualification = make_qualification(make_version(self.process))
        rate(qualification, "medarbejder", 2, recognise=5, suggestion="Lille")
        result = qualification_result(qualification)
        assert result.report.units == []
        assert all(not d.suggestions for d in result.dimensions)
        assert recognition(qualification).inside is None
        self.client.force_login(self.alice)
        r = self.client.get(reverse("coretasks:qualification", args=[qualification.pk]))
        self.assertNotContains(r, "Lille (medarbejder")

    def test_a_side_is_left_out_when_a_pool_mixes_the_sides(self):
        qualification = make_qualification(make_version(self.process))
        rate(qualification, "medarbejder", 6, recognise=4)
        rate(qualification, "leder", 2, recognise=1)
        rate(qualification, "borger", 3, recognise=2)
        Round.objects.filter(pk=qualification.round_id).update(
            status=Round.Status.CLOSED
        )
        qualification.round.refresh_from_db()
        result = qualification_result(qualification)
        value = result.dimensions[0]
        assert result.report.units[-1].label == "Øvrige grupper samlet"
        # Leder (inside) and borger (outside) are pooled: that pool counts for neither side.
        assert value.inside["recognise"].n == 6
        assert value.outside["recognise"] is None


def test_many_suggestions_are_grouped_by_the_theme_engine():
    from kerne.coretasks.qualification import Suggestion, group_suggestions

    texts = [
        "Skriv mere om faste hjælpere",
        "Faste hjælpere betyder meget",
        "Nævn at hjælperne er de samme hver dag",
        "Tryghed kommer af faste hjælpere",
        "Det er vigtigt med de samme hjælpere",
        "Hjælperne skal kende borgeren",
        "Kontinuitet i hjælpen mangler i teksten",
        "Husk de pårørende i målgruppen",
        "Pårørende er også en del af målgruppen",
        "Målgruppen bør nævne familien",
        "Skriv pårørende ind",
        "Familien og de pårørende mangler",
        "Pårørende hjælper også borgeren",
        "Nævn netværket omkring borgeren",
    ]
    themes = group_suggestions([Suggestion(t, "Borger") for t in texts])
    assert themes is not None and len(themes) >= 2
    assert sum(len(t.suggestions) for t in themes) == len(texts)


class RecognitionsTests(BaseTestCase):
    """The batch behind the overview must show exactly what the qualification page shows."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.rounds = []
        cases = [
            # Both sides shown on their own.
            {"medarbejder": (6, [5, 4]), "borger": (5, [2, 3])},
            # Closed, leder and borger pooled: the pool mixes the sides, so only inside.
            {"medarbejder": (6, [4]), "leder": (2, [1]), "borger": (3, [2])},
            # Closed, small outside groups pooled together: the pool counts as outside.
            {"medarbejder": (5, [3]), "borger": (3, [1, 2]), "paaroerende": (2, [5])},
            # Open, the same small groups are not pooled yet: only inside.
            {"medarbejder": (5, [3]), "borger": (3, [1, 2]), "paaroerende": (2, [5])},
            # Below the threshold altogether: nothing.
            {"medarbejder": (2, [5]), "borger": (1, [1])},
            # No answers at all.
            {},
        ]
        for i, case in enumerate(cases):
            process = make_process(make_unit(cls.organisation, f"Enhed {i}"))
            qualification = make_qualification(make_version(process))
            for key, (count, scores) in case.items():
                rate(qualification, key, count, recognise=scores)
            if i in (1, 2):
                Round.objects.filter(pk=qualification.round_id).update(
                    status=Round.Status.CLOSED
                )
                qualification.round.refresh_from_db()
            cls.rounds.append(qualification)

    def test_the_plan_is_the_one_round_report_makes(self):
        for qualification in self.rounds:
            round_ = qualification.round
            groups = list(round_.process.groups.all())
            counts = reporting.submitted_counts(round_)
            assert reporting.report_from_counts(
                round_, groups, counts
            ) == reporting.round_report(round_)

    def test_it_agrees_with_the_qualification_result(self):
        scores = recognitions(self.rounds)
        for qualification in self.rounds:
            result = qualification_result(qualification, with_themes=False)
            for side in ("inside", "outside"):
                shown = [
                    e
                    for d in result.dimensions
                    if (e := getattr(d, side)[Measure.RECOGNISE]) is not None
                ]
                expected = (
                    sum(e.mean * e.n for e in shown) / sum(e.n for e in shown)
                    if shown
                    else None
                )
                assert getattr(scores[qualification.pk], side) == (
                    None if expected is None else pytest.approx(expected)
                )
        assert [
            (scores[q.pk].inside is None, scores[q.pk].outside is None)
            for q in self.rounds
        ] == [
            (False, False),
            (False, True),
            (False, False),
            (False, True),
            (True, True),
            (True, True),
        ]

    def test_it_takes_four_queries_for_any_number_of_rounds(self):
        with self.assertNumQueries(4):
            recognitions(self.rounds)
        with self.assertNumQueries(4):
            recognitions(self.rounds[:2])
