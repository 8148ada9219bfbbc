"""Permission-checked reads of a round's analysis: outsiders get 404."""

from __future__ import annotations

from django.contrib.auth.models import User

from kerne.processes.access import access_question, access_round
from kerne.processes.models import Question, Round
from kerne.themes.models import Analysis, QuestionAnalysis


def access_analysis(user: User, round_pk: int) -> tuple[Round, Analysis | None]:
    round_ = access_round(user, round_pk)
    return round_, Analysis.objects.filter(round=round_).first()


def access_question_analysis(
    user: User, question_pk: int
) -> tuple[Question, QuestionAnalysis | None]:
    question = access_question(user, question_pk)
    qa = (
        QuestionAnalysis.objects.select_related("analysis")
        .filter(question=question, analysis__round_id=question.round_id)
        .first()
    )
    return question, qa
