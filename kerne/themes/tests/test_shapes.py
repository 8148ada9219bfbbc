"""Every shape of round analyses: it finishes, or it says why there is nothing to show yet."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from kerne.participation.models import Respondent
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.processes.models import Round, StakeholderGroup
from kerne.processes.services import rename_group
from kerne.testing import BaseTestCase, add_respondents, invitation
from kerne.themes.models import Analysis, QuestionAnalysis
from kerne.themes.tasks import run_round_analysis
from kerne.themes.tests.helpers import CITIZEN_VALUE, STAFF_VALUE


def add_empty_forms(round_: Round, key: str, count: int) -> None:
    """Submitted respondents without a single answer.

    Rounds collected before empty forms were refused hold such respondents, so the
    analysis must survive them whatever the questionnaire accepts today.
    """
    pks = [start_respondent(invitation(round_, key)).pk for _i in range(count)]
    Respondent.objects.filter(pk__in=pks).update(submitted=True)


class PilotRoundTests(BaseTestCase):
    """Medarbejder 6, Borger 1, Pårørende 5 of whom four sent an empty form (issue #8)."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        add_respondents(cls.round, "medarbejder", 6)
        add_respondents(cls.round, "borger", 1, text="Hjælp til indkøb og rengøring")
        add_respondents(cls.round, "paaroerende", 1, text="Min mor er tryg derhjemme")
        add_empty_forms(cls.round, "paaroerende", 4)

    def test_it_finishes_at_every_threshold(self):
        for threshold in (3, 4, 5, 6):
            with self.subTest(threshold=threshold):
                self.process.anonymity_threshold = threshold
                self.process.save(update_fields=["anonymity_threshold"])
                assert run_round_analysis.call(self.round.pk) == "done"
                analysis = Analysis.objects.get(round=self.round)
                assert analysis.error == ""

    def test_its_pages_render(self):
        run_round_analysis.call(self.round.pk)
        self.client.force_login(self.alice)
        r = self.client.get(reverse("themes:round", args=[self.round.pk]))
        assert r.status_code == 200
        assert r.context["analysis"].status == Analysis.Status.DONE
        for question in self.round.questions.all():
            r = self.client.get(reverse("themes:question", args=[question.pk]))
            assert r.status_code == 200


# What one respondent sends: their own words, the words everyone uses, "ved ikke"
# everywhere, only the first question, or nothing at all.
OWN, SAME, DUNNO, FIRST, EMPTY = "own", "same", "dunno", "first", "empty"
INSIDE, OUTSIDE = StakeholderGroup.Side.INSIDE, StakeholderGroup.Side.OUTSIDE
KEYS = ("medarbejder", "leder", "borger", "paaroerende", "samarbejdspartner")


@dataclass(frozen=True)
class Shape:
    threshold: int
    sides: tuple[str, ...]
    groups: tuple[tuple[str, ...], ...]  # per group in KEYS, one kind per respondent


shapes = st.builds(
    Shape,
    threshold=st.integers(3, 6),
    sides=st.tuples(*[st.sampled_from([INSIDE, OUTSIDE])] * len(KEYS)),
    groups=st.tuples(
        *[
            st.lists(
                st.sampled_from([OWN, SAME, DUNNO, FIRST, EMPTY]), max_size=15
            ).map(tuple)
        ]
        * len(KEYS)
    ),
)


def text_for(kind: str, key: str, i: int, question: int) -> str:
    bank = STAFF_VALUE if key in ("medarbejder", "leder") else CITIZEN_VALUE
    if kind == OWN:
        return bank[(i + 3 * question) % len(bank)]
    if kind == SAME:
        return "Tryghed i eget hjem"
    if kind == DUNNO:
        return "ved ikke"
    return bank[i % len(bank)] if question == 0 else ""


def pilot(threshold: int) -> Shape:
    staff = (OWN,) * 6
    relatives = (OWN, EMPTY, EMPTY, EMPTY, EMPTY)
    return Shape(
        threshold,
        (INSIDE, INSIDE, OUTSIDE, OUTSIDE, OUTSIDE),
        (staff, (), (OWN,), relatives, ()),
    )


class RoundShapeTests(HypothesisTestCase, BaseTestCase):
    """The real background task over generated rounds, on the database, then every page."""

    def build(self, shape: Shape) -> None:
        self.process.anonymity_threshold = shape.threshold
        self.process.save(update_fields=["anonymity_threshold"])
        questions = list(self.round.questions.filter(kind="text"))
        for key, side, kinds in zip(KEYS, shape.sides, shape.groups, strict=True):
            group = self.process.groups.get(key=key)
            rename_group(group, name=group.name, side=side)
            empty = []
            for i, kind in enumerate(kinds):
                respondent = start_respondent(invitation(self.round, key))
                if kind == EMPTY:
                    empty.append(respondent.pk)
                    continue
                save_answers(
                    respondent,
                    {
                        q: AnswerValue(text=text_for(kind, key, i, n))
                        for n, q in enumerate(questions)
                    },
                )
                submit_respondent(respondent)
            Respondent.objects.filter(pk__in=empty).update(submitted=True)

    def check_stored(self, shape: Shape) -> list[QuestionAnalysis]:
        analysis = Analysis.objects.get(round=self.round)
        assert analysis.status == Analysis.Status.DONE, analysis.error
        qas = list(analysis.questions.all())
        assert len(qas) == self.round.questions.filter(kind="text").count()
        sides = dict(self.process.groups.values_list("pk", "side"))
        for qa in qas:
            units = qa.figures["units"]
            if not qa.themes:
                # The stored "not enough yet": nothing from anyone.
                assert units == [] and qa.assignments == {}
                continue
            keys = [u["key"] for u in units]
            assert len(keys) == len(set(keys))
            group_ids = [gid for u in units for gid in u["group_ids"]]
            assert len(group_ids) == len(set(group_ids))
            assert all(u["n"] >= shape.threshold for u in units)
            assert {p["unit"] for p in qa.assignments.values()} <= set(keys)
            comparison = qa.figures["comparison"]
            if comparison:
                by_key = {u["key"]: u for u in units}
                for side, unit_keys in ((INSIDE, "units_a"), (OUTSIDE, "units_b")):
                    for key in comparison[unit_keys]:
                        assert {sides[g] for g in by_key[key]["group_ids"]} == {side}
                assert min(comparison["n_a"], comparison["n_b"]) >= shape.threshold
        return qas

    def check_pages(self, shape: Shape, qas: list[QuestionAnalysis]) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(reverse("themes:round", args=[self.round.pk]))
        assert r.status_code == 200
        if any(not qa.themes for qa in qas):
            self.assertContains(r, f"Der skal mindst {shape.threshold} svar")
        for qa in qas:
            r = self.client.get(reverse("themes:question", args=[qa.question_id]))
            assert r.status_code == 200
            if not qa.themes:
                self.assertContains(r, f"Der skal mindst {shape.threshold} svar")
                continue
            theme = next(t for t in qa.themes if t["id"] != "intet-svar")
            url = reverse("themes:theme", args=[qa.question_id])
            r = self.client.get(url, {"tema": theme["id"]})
            assert r.status_code == 200

    @settings(max_examples=20)
    @given(shapes)
    @example(pilot(3))
    @example(pilot(5))
    @example(Shape(5, (INSIDE,) * 5, ((SAME,) * 15, (), (), (), ())))
    @example(Shape(3, (OUTSIDE,) * 5, ((DUNNO,) * 15,) * 5))
    @example(Shape(4, (INSIDE, OUTSIDE) * 2 + (INSIDE,), ((EMPTY,) * 5,) * 5))
    @example(Shape(3, (INSIDE,) * 5, ((),) * 5))
    def test_every_round_shape_analyses(self, shape: Shape) -> None:
        self.build(shape)
        assert run_round_analysis.call(self.round.pk) == "done"
        self.check_pages(shape, self.check_stored(shape))
