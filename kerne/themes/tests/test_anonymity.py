from __future__ import annotations

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis.extra.django import TestCase as HypothesisTestCase

from kerne.processes.models import Round
from kerne.processes.tests.test_attacker import GROUPS, PLANTED, build, oracle, shapes
from kerne.testing import BaseTestCase, group
from kerne.themes.models import QuestionAnalysis
from kerne.themes.tasks import run_round_analysis
from kerne.themes.tests.helpers import respond

SECRET = "Min mor får hjælp af den søde Birthe hver morgen"


class SmallGroupTests(BaseTestCase):
    """Leder (3) and pårørende (2) are below the threshold of 5."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        respond(cls.round, "medarbejder", 12)
        respond(cls.round, "borger", 10)
        respond(cls.round, "leder", 3)
        respond(cls.round, "paaroerende", 2)
        run_round_analysis.call(cls.round.pk)
        cls.small = [group(cls.process, "leder"), group(cls.process, "paaroerende")]

    def pages(self):
        self.client.force_login(self.alice)
        yield self.client.get(reverse("themes:round", args=[self.round.pk]))
        for question in self.round.questions.all():
            yield self.client.get(reverse("themes:question", args=[question.pk]))

    def test_small_groups_are_never_a_unit_of_their_own(self):
        # The round is open: no pool yet, so the small groups are left out entirely.
        small_ids = {g.pk for g in self.small}
        for qa in QuestionAnalysis.objects.all():
            units = qa.figures["units"]
            assert units
            for unit in units:
                assert not set(unit["group_ids"]) & small_ids
                assert unit["n"] >= 5
            keys = {u["key"] for u in units}
            assert set(qa.figures["diffusion_by_unit"]) <= keys
            for section in ("approach", "names"):
                if section in qa.figures:
                    assert set(qa.figures[section]["by_unit"]) <= keys
            assert {p["unit"] for p in qa.assignments.values()} <= keys

    def test_no_page_names_a_small_group_alone(self):
        large = [group(self.process, "medarbejder"), group(self.process, "borger")]
        named = set()
        for r in self.pages():
            assert r.status_code == 200
            content = r.content.decode()
            # The large groups do stand as rows of their own, in the same markup.
            named |= {g.name for g in large if f">{g.name}<" in content}
            for g in self.small:
                # Only inside the pooled label, never as a row or a side of its own.
                assert f">{g.name}<" not in content
                assert f"({g.name})" not in content
            for key in ("unit_diffusions", "approach", "names"):
                for row in r.context.get(key) or []:
                    assert row.label not in {g.name for g in self.small}
        assert named == {g.name for g in large}

    def test_a_mixed_pool_is_left_out_of_the_comparison(self):
        # Closed, leder (inside, 3) and pårørende (outside, 2) are pooled: neither side.
        Round.objects.filter(pk=self.round.pk).update(status=Round.Status.CLOSED)
        run_round_analysis.call(self.round.pk)
        self.client.force_login(self.alice)
        value = self.round.questions.get(dimension="vaerdi")
        qa = QuestionAnalysis.objects.filter(question=value).latest("pk")
        pool = next(u for u in qa.figures["units"] if u["key"] == "__pool__")
        assert set(pool["group_ids"]) == {g.pk for g in self.small}
        r = self.client.get(reverse("themes:question", args=[value.pk]))
        comparison = r.context["comparison"]
        assert comparison.n_a == 12
        assert comparison.n_b == 10
        content = r.content.decode()
        assert "Øvrige grupper samlet" in content
        for g in self.small:
            assert g.name not in content

    def test_no_count_below_the_threshold_is_shown_per_group(self):
        for r in self.pages():
            for key in ("unit_diffusions", "approach", "names"):
                for row in r.context.get(key) or []:
                    assert row.n >= 5
            comparison = r.context.get("comparison")
            if comparison:
                assert comparison.n_a >= 5 and comparison.n_b >= 5


class HiddenGroupTests(BaseTestCase):
    def test_a_group_the_report_hides_never_enters_the_analysis(self):
        # Alone below the threshold, with no other small group to pool with: hidden.
        respond(self.round, "paaroerende", 2)
        run_round_analysis.call(self.round.pk)
        for qa in QuestionAnalysis.objects.all():
            assert qa.themes == []
            assert qa.assignments == {}
        self.client.force_login(self.alice)
        value = self.round.questions.get(dimension="vaerdi")
        r = self.client.get(reverse("themes:question", args=[value.pk]))
        assert r.status_code == 200
        assert "themes" not in r.context

    def test_no_comparison_when_a_side_is_too_small(self):
        respond(self.round, "medarbejder", 12)
        respond(self.round, "borger", 4)
        respond(self.round, "leder", 6)
        run_round_analysis.call(self.round.pk)
        qa = QuestionAnalysis.objects.get(question__dimension="vaerdi")
        # Borger (4) is alone outside and hidden; leder (6) is never merged to cover it.
        assert qa.figures["comparison"] is None


class AttackerTests(HypothesisTestCase):
    """Every themes page of generated rounds, read for the small groups' own words."""

    @settings(
        max_examples=5,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(shapes)
    def test_no_themes_page_shows_what_fewer_than_k_real_people_said(self, shape):
        alice, round_, questions = build(shape)
        run_round_analysis.call(round_.pk)
        _real, units, shown = oracle(shape)
        self.client.force_login(alice)
        pages = [self.client.get(reverse("themes:round", args=[round_.pk]))]
        for i, question in enumerate(questions):
            r = self.client.get(reverse("themes:question", args=[question.pk]))
            pages.append(r)
            qa = QuestionAnalysis.objects.filter(question=question).last()
            if qa is None:
                continue
            for unit in qa.figures.get("units", []):
                # Every unit the analysis shows is one of the round's, with k real answers.
                members = frozenset(
                    GROUPS.index(g.key)
                    for g in round_.process.groups.filter(pk__in=unit["group_ids"])
                )
                assert members in shown[i] and unit["n"] >= shape.threshold
            for theme in qa.themes:
                if theme["id"] == "intet-svar":
                    continue  # no page of its own: it redirects to the question
                url = reverse("themes:theme", args=[question.pk])
                pages.append(self.client.get(url, {"tema": theme["id"]}))
        for r in pages:
            assert r.status_code == 200
            body = r.content.decode()
            for g, _person, q in PLANTED.findall(body):
                unit = next(u for u in units if int(g) in u)
                assert unit in shown[int(q)], shape
            for g in round_.process.groups.all():
                assert f"Øvrige grupper samlet ({g.name}" not in body
