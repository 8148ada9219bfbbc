from __future__ import annotations

from unittest import mock

import numpy as np
import pytest
from django_tasks_db.models import DBTaskResult

from kerne.analysis import stats
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.processes.services import close_round
from kerne.testing import BaseTestCase, invitation
from kerne.themes import services
from kerne.themes.models import Analysis, QuestionAnalysis
from kerne.themes.tasks import run_round_analysis
from kerne.themes.tests.helpers import respond


def queued_runs() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="run_round_analysis").count()


class RunRoundAnalysisTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        respond(cls.round, "medarbejder", 12)
        respond(cls.round, "borger", 10)

    def test_it_themes_with_the_embedding_model_when_it_is_switched_on(self):
        class FakeModel:
            name = "fake"

            def embed(self, texts):
                return np.array(
                    [[len(t) % 7, 1 + ("tid" in t), 1.0] for t in texts], np.float32
                )

        with (
            self.settings(THEME_EMBEDDINGS=True),
            mock.patch.object(services, "default_embedder", FakeModel),
        ):
            assert run_round_analysis.call(self.round.pk) == "done"
        assert Analysis.objects.get(round=self.round).engine.startswith("fake+")

    def test_it_themes_by_words_alone_in_tests(self):
        assert services.theme_embedder() is None

    def test_it_stores_themes_assignments_and_figures(self):
        assert run_round_analysis.call(self.round.pk) == "done"
        analysis = Analysis.objects.get(round=self.round)
        assert analysis.progress == 100
        assert analysis.started_at is not None
        assert analysis.finished_at is not None
        assert analysis.threshold == 5
        assert analysis.engine
        qas = list(analysis.questions.all())
        assert [qa.question.dimension for qa in qas] == [
            "vaerdi",
            "ambition",
            "tilgang",
            "maalgruppe",
        ]
        value = qas[0]
        assert len(value.assignments) == 22
        ids = {t["id"] for t in value.themes}
        assert {"andet", "intet-svar"} <= ids
        assert all(p["theme"] in ids for p in value.assignments.values())
        assert sum(t["size"] for t in value.themes) == 22
        # 22 answers over 4 themes, as if spread over 2.8 of them (70 %), every
        # answer clearly placed: between shared (≤ 40 %) and diffuse (≥ 80 %).
        diffusion = value.figures["diffusion"]
        assert diffusion["effective_themes"] == pytest.approx(2.81, abs=0.01)
        assert diffusion["clear_share"] == 1.0
        assert diffusion["verdict"] == stats.MIXED
        assert value.figures["comparison"]["n_a"] == 12
        assert value.figures["comparison"]["n_b"] == 10
        assert "approach" in qas[2].figures
        assert "names" in qas[3].figures

    def test_it_reports_progress_per_question(self):
        seen = []
        real = services.set_progress

        def spy(analysis, *, step):
            real(analysis, step=step)
            analysis.refresh_from_db()
            seen.append(
                (analysis.status, analysis.step, analysis.steps, analysis.progress)
            )

        with mock.patch.object(services, "set_progress", spy):
            run_round_analysis.call(self.round.pk)
        assert seen == [
            ("running", 1, 4, 0),
            ("running", 2, 4, 25),
            ("running", 3, 4, 50),
            ("running", 4, 4, 75),
        ]

    def test_it_records_a_failure(self):
        with mock.patch.object(
            services.results, "analyse_question", side_effect=RuntimeError("boom")
        ):
            assert run_round_analysis.call(self.round.pk) == "failed"
        analysis = Analysis.objects.get(round=self.round)
        assert analysis.status == Analysis.Status.FAILED
        assert "boom" in analysis.error

    def test_it_shows_nothing_when_too_few_answered(self):
        self.round.respondents.filter(group__key="borger").delete()
        self.round.respondents.filter(group__key="medarbejder")[0].delete()
        kept = self.round.respondents.filter(group__key="medarbejder")
        kept.exclude(pk__in=list(kept.values_list("pk", flat=True)[:4])).delete()
        run_round_analysis.call(self.round.pk)
        for qa in QuestionAnalysis.objects.all():
            assert qa.themes == []
            assert qa.assignments == {}

    def test_closing_a_round_queues_the_analysis(self):
        with self.captureOnCommitCallbacks(execute=True):
            close_round(self.round)
        assert queued_runs() == 1
        analysis = Analysis.objects.get(round=self.round)
        assert analysis.status == Analysis.Status.QUEUED

    def test_it_queues_once_while_a_run_is_waiting(self):
        with self.captureOnCommitCallbacks(execute=True):
            services.queue_analysis(self.round, by=self.alice)
        with self.captureOnCommitCallbacks(execute=True):
            services.queue_analysis(self.round, by=self.alice)
        assert queued_runs() == 1


UNIT_ANSWERS = [
    "Hjemmeplejen Nord giver tryghed i eget hjem",
    "Tryghed hjemme, det giver hjemmeplejen",
    "Hjemmeplejen Nord hjælper med bad og medicin",
    "Bad, medicin og pleje fra hjemmeplejen",
    "Hjemmeplejens faste hjælpere giver tryghed",
    "Hjemmeplejen Nord sørger for medicin og bad",
]


class NameStopWordTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.unit.name = "Hjemmeplejen Nord"
        cls.unit.save(update_fields=["name"])
        value = cls.round.questions.get(dimension="vaerdi")
        for key, count in (("medarbejder", 12), ("borger", 10)):
            inv = invitation(cls.round, key)
            for i in range(count):
                respondent = start_respondent(inv)
                text = UNIT_ANSWERS[i % len(UNIT_ANSWERS)]
                save_answers(respondent, {value: AnswerValue(text=text)})
                submit_respondent(respondent)

    def test_the_units_name_never_labels_a_theme(self):
        run_round_analysis.call(self.round.pk)
        qa = QuestionAnalysis.objects.get(question__dimension="vaerdi")
        real = [t for t in qa.themes if not t["bucket"]]
        assert real
        for theme in real:
            words = " ".join([theme["label"], *theme["terms"]]).lower()
            assert "hjemmepleje" not in words
            assert "nord" not in words
