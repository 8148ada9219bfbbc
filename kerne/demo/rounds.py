"""Turn the generator's demo questions and respondents into rounds with submitted answers."""

from __future__ import annotations

from collections.abc import Sequence

from kerne.demo.answers import DemoQuestion, DemoRespondent
from kerne.participation.models import Answer, Respondent
from kerne.processes.models import Question, Round
from kerne.processes.template import QuestionTemplate


def question_templates(questions: Sequence[DemoQuestion]) -> list[QuestionTemplate]:
    return [
        QuestionTemplate(
            prompt=q.prompt,
            help_text=q.help_text,
            dimension=q.dimension,
            kind=q.kind,
            choices=tuple(q.choices),
            scale_low_label="Slet ikke" if q.kind == "scale" else "",
            scale_high_label="I meget høj grad" if q.kind == "scale" else "",
        )
        for q in questions
    ]


def load_answers(
    round_: Round,
    questions: Sequence[DemoQuestion],
    respondents: Sequence[DemoRespondent],
) -> int:
    """Bulk-load generated respondents as submitted answers (thousands of rows, so no per-row service calls)."""
    invitations = {
        inv.group.key: inv for inv in round_.invitations.select_related("group")
    }
    by_key = dict(
        zip((q.key for q in questions), round_.questions.order_by("order"), strict=True)
    )
    made = Respondent.objects.bulk_create(
        Respondent(
            invitation=invitations[r.group],
            round=round_,
            group=invitations[r.group].group,
            submitted=True,
        )
        for r in respondents
    )
    answers = []
    for respondent, generated in zip(made, respondents, strict=True):
        for key, value in generated.answers.items():
            question = by_key[key]
            if question.kind == Question.Kind.SCALE:
                answers.append(
                    Answer(respondent=respondent, question=question, number=int(value))
                )
            elif question.kind == Question.Kind.CHOICE:
                answers.append(
                    Answer(respondent=respondent, question=question, choice=str(value))
                )
            else:
                answers.append(
                    Answer(respondent=respondent, question=question, text=str(value))
                )
    Answer.objects.bulk_create(answers, batch_size=500)
    return len(made)
