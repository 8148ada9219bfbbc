from __future__ import annotations

from collections import Counter

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse

from kerne.coretasks.material import drafting_material
from kerne.coretasks.models import Adoption, Comment, QualificationRound
from kerne.coretasks.qualification import qualification_result
from kerne.coretasks.services import current_adoption, review_state
from kerne.demo.answers import generate_job_respondents
from kerne.demo.services import load_demo
from kerne.demo.tests.test_jobcenter import HOME_CARE_WORDS, NUMBERED, normalised
from kerne.lib.anonymity import plan_reporting
from kerne.organisations.models import Membership, Unit
from kerne.participation.models import Answer
from kerne.processes.models import Phase, Round


class DemoTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.summary = load_demo()

    def test_a_unit_has_the_whole_journey(self):
        care = Unit.objects.get(name="Hjemmeplejen Syd")
        adoptions = Adoption.objects.filter(unit=care)
        assert adoptions.count() == 2
        current = current_adoption(care)
        assert current is not None and review_state(current) == "soon"
        qualification = QualificationRound.objects.get(round__process__unit=care)
        assert qualification.round.status == Round.Status.CLOSED
        result = qualification_result(qualification, with_themes=False)
        # Every group has enough answers to be shown on its own.
        assert len(result.report.units) == 5
        assert all(u.key != "__pool__" for u in result.report.units)
        assert any(
            d.recognise_gap and d.recognise_gap.is_large for d in result.dimensions
        )
        assert care.not_core_tasks.count() == 3

    def test_a_unit_is_in_qualification(self):
        job = Unit.objects.get(name="Jobcenter Solbjerg")
        process = job.processes.get()
        assert process.phase == Phase.KVALIFICERING
        qualification = QualificationRound.objects.get(round__process=process)
        assert qualification.round.status == Round.Status.OPEN
        assert qualification.version.comments.exists()

    def test_the_draft_has_material_from_the_first_round(self):
        process = Unit.objects.get(name="Jobcenter Solbjerg").processes.get()
        by_dimension, _general = drafting_material(process)
        generated = generate_job_respondents(seed=2026)
        threshold = process.anonymity_threshold
        for block in by_dimension:
            answered = [
                r for r in generated if str(r.answers.get(block.dimension, "")).strip()
            ]
            # A group counts for a question only with k real answers to it; the
            # small ones pool only if together they reach k (the round is closed).
            plan = plan_reporting(Counter(r.group for r in answered), threshold)
            shown = set(plan.shown_groups())
            said = [
                str(r.answers[block.dimension]) for r in answered if r.group in shown
            ]
            assert block.answer_count == len(said)
            assert block.inside and block.outside
            assert {q.text for q in block.inside + block.outside} <= {
                t.strip() for t in said
            }

    def test_the_jobcentre_speaks_with_its_own_voice(self):
        process = Unit.objects.get(name="Jobcenter Solbjerg").processes.get()
        answers = [
            a.text
            for a in Answer.objects.filter(respondent__round__process=process)
            if a.text
        ]
        comments = list(
            Comment.objects.filter(version__process=process).values_list(
                "text", flat=True
            )
        )
        assert len(answers) > 150 and comments
        first = [
            a.text
            for a in Answer.objects.filter(
                respondent__round__process=process,
                respondent__round__qualification__isnull=True,
            )
            if a.text
        ]
        assert len({normalised(t) for t in first}) / len(first) >= 0.7
        suggestions = [t for t in answers if t not in first]
        assert len(suggestions) >= 5
        for text in answers + comments:
            assert not HOME_CARE_WORDS.search(text), text
            assert not NUMBERED.search(text), text

    def test_the_administrator_sees_the_overview_and_the_facilitator_does_not(self):
        direktoer = User.objects.get(username="direktoer")
        assert Membership.objects.get(user=direktoer).role == "administrator"
        self.client.force_login(direktoer)
        r = self.client.get(reverse("coretasks:overview", args=["solbjerg"]))
        assert r.status_code == 200
        self.assertContains(r, "Hjemmeplejen Syd")
        self.client.force_login(User.objects.get(username="fasilitator"))
        r = self.client.get(reverse("coretasks:overview", args=["solbjerg"]))
        assert r.status_code == 404
        assert "direktoer" in self.summary

    def test_the_demo_can_be_reset(self):
        load_demo(reset=True)
        assert Adoption.objects.filter(unit__name="Hjemmeplejen Syd").count() == 2
