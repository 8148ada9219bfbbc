"""Every shape of round analyses: it finishes, or it says why there is nothing to show yet."""

from __future__ import annotations

from django.urls import reverse

from kerne.lib.testing import BaseTestCase, add_respondents, invitation
from kerne.participation.models import Respondent
from kerne.participation.services import start_respondent
from kerne.processes.models import Round
from kerne.themes.models import Analysis
from kerne.themes.tasks import run_round_analysis


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
