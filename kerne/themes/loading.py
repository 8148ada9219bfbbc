"""Load a round for its analysis: the database read once into plain rows, each question planned once.

The analysis then runs on what this returns (`kerne.themes.results`, no ORM)
and the services store it; nothing downstream reads the database again.
"""

from __future__ import annotations

from dataclasses import dataclass

from kerne.analysis.themes import OTHER_ID
from kerne.participation import reporting
from kerne.processes.models import Question, Round
from kerne.themes import results
from kerne.themes.models import Analysis, ThemeEdit


@dataclass(frozen=True)
class RoundInput:
    """The round's plan and its questions, planned, in the order they are analysed."""

    threshold: int
    group_ids: list[int]
    question_ids: list[int]
    questions: list[results.QuestionInput]


def text_questions(round_: Round) -> list[Question]:
    return list(round_.questions.filter(kind=Question.Kind.TEXT))


def load_round(
    round_: Round, questions: list[Question], analysis: Analysis
) -> RoundInput:
    """Read the round's answers, edits and previous results, and plan every question.

    Only answers the round's report may show enter: the round's plan is made
    here once, and each question's plan from it (`results.plan_question`). A
    question whose themes the facilitator has edited is re-assigned to those
    themes (guided), with the answers they moved pinned where they were put.
    """
    report = reporting.round_report(round_)
    rows = answer_rows(report, questions)
    units = [results.ReportUnitRow(u.key, u.group_ids) for u in report.units]
    sides = {g.pk: g.side for g in report.all_groups}
    group_ids = sorted(report.shown_group_ids())
    previous = {qa.question_id: qa for qa in analysis.questions.all()}
    edits: dict[int, list[ThemeEdit]] = {}
    for edit in ThemeEdit.objects.filter(question__in=questions):
        edits.setdefault(edit.question_id, []).append(edit)
    process = round_.process
    names = results.name_stop_words(process.unit.name, process.title)
    planned = []
    for question in questions:
        signed_off = edits.get(question.pk, [])
        before = previous.get(question.pk)
        planned.append(
            results.plan_question(
                rows.get(question.pk, []),
                question=question.prompt,
                dimension=question.dimension,
                report_units=units,
                sides=sides,
                threshold=report.threshold,
                given=before.themes if before and signed_off else (),
                pins=pins_from_edits(signed_off),
                extra_stop_words=names,
                previous=(
                    results.Previous(before.themes, before.assignments)
                    if before and not before.guided
                    else None
                ),
            )
        )
    return RoundInput(
        threshold=report.threshold,
        group_ids=group_ids,
        question_ids=[q.pk for q in questions],
        questions=planned,
    )


def answer_rows(
    report: reporting.RoundReport, questions: list[Question]
) -> dict[int, list[results.AnswerRow]]:
    rows: dict[int, list[results.AnswerRow]] = {}
    answers = (
        reporting.visible_answers(report)
        .filter(question__in=questions)
        .exclude(text="")
        .order_by("pk")
        .values_list("pk", "question_id", "text", "respondent__group_id")
    )
    for pk, question_id, text, group_id in answers:
        if text.strip():
            rows.setdefault(question_id, []).append(
                results.AnswerRow(pk, text, group_id)
            )
    return rows


def pins_from_edits(edits: list[ThemeEdit]) -> dict[int, str]:
    """Where the facilitator explicitly put answers, after later merges and deletions."""
    pins: dict[int, str] = {}
    for edit in edits:
        if edit.kind in (ThemeEdit.Kind.MOVE, ThemeEdit.Kind.SPLIT):
            for answer_id in edit.details.get("answers", []):
                pins[int(answer_id)] = edit.theme_id
        elif edit.kind == ThemeEdit.Kind.MERGE:
            merged = set(edit.details.get("merged", []))
            pins = {a: edit.theme_id if t in merged else t for a, t in pins.items()}
        elif edit.kind == ThemeEdit.Kind.DELETE:
            pins = {a: OTHER_ID if t == edit.theme_id else t for a, t in pins.items()}
    return pins
