"""Rounds with realistic answers for the theme tests."""

from __future__ import annotations

from django.test import TestCase

from kerne.participation.models import Respondent
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.processes.models import Round
from kerne.testing import BaseTestCase, invitation
from kerne.themes.models import QuestionAnalysis
from kerne.themes.tasks import run_round_analysis

STAFF_VALUE = [
    "Tryghed i eget hjem og faste hjælpere de kender",
    "At de kan blive boende trygt derhjemme",
    "Faste ansigter og tryghed hver dag",
    "Tryghed og kendte hjælpere i hjemmet",
    "Personlig pleje, bad og påklædning",
    "Hjælp til bad og personlig hygiejne",
    "Medicin til tiden og sår der bliver passet",
    "Hjælp med medicin og sårpleje",
]
CITIZEN_VALUE = [
    "Selskab og en snak om dagen",
    "Nogen at snakke med så man ikke er ensom",
    "Hjælp til rengøring og indkøb",
    "Rengøring af hjemmet og indkøb",
    "Selskab og nærvær, ikke kun opgaver",
    "Tryghed i eget hjem",
    "En snak og lidt selskab når de kommer",
    "Hjælp til at gøre rent og handle",
]
APPROACH = [
    "Vi hjælper borgeren til selv at klare mest muligt",
    "Vi sikrer at borgerne får deres medicin",
    "Vi inddrager borgeren og samarbejder med de pårørende",
    "Jeg støtter borgeren i selv at tage bad",
]
NAMES = [
    "Borgerne og deres pårørende",
    "Brugerne af hjemmeplejen",
    "De ældre borgere",
    "Borgeren og familien",
]


def respond(
    round_: Round, key: str, count: int, *, offset: int = 0
) -> list[Respondent]:
    """Submit `count` respondents in group `key` with varied answers to the four questions."""
    inv = invitation(round_, key)
    bank = STAFF_VALUE if key in ("medarbejder", "leder") else CITIZEN_VALUE
    questions = {q.dimension: q for q in round_.questions.all()}
    made = []
    for i in range(offset, offset + count):
        respondent = start_respondent(inv)
        save_answers(
            respondent,
            {
                questions["vaerdi"]: AnswerValue(text=bank[i % len(bank)]),
                questions["ambition"]: AnswerValue(text=bank[(i + 3) % len(bank)]),
                questions["tilgang"]: AnswerValue(text=APPROACH[i % len(APPROACH)]),
                questions["maalgruppe"]: AnswerValue(text=NAMES[i % len(NAMES)]),
            },
        )
        submit_respondent(respondent)
        made.append(respondent)
    return made


class AnalysedTestCase(BaseTestCase):
    """Solby's round with 12 employees, 10 citizens and 2 relatives, analysed."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        respond(cls.round, "medarbejder", 12)
        respond(cls.round, "borger", 10)
        respond(cls.round, "paaroerende", 2)
        run_round_analysis.call(cls.round.pk)
        cls.value = cls.round.questions.get(dimension="vaerdi")

    def qa(self, dimension: str = "vaerdi") -> QuestionAnalysis:
        return QuestionAnalysis.objects.get(
            question__round=self.round, question__dimension=dimension
        )


__all__ = ["AnalysedTestCase", "TestCase", "respond"]
