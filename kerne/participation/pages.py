"""The data of the facilitator's round pages, one function per page.

Everything about answers goes through the round's anonymity plan
(`reporting.round_report`, then each question's plan), as on every other page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django_stubs_ext import StrOrPromise

from kerne.participation import reporting
from kerne.participation.models import Invitation
from kerne.processes.models import Dimension, Process, Question, Round

ANSWERS_PER_PAGE = 50
SEARCH_LENGTH = 200


@dataclass(frozen=True)
class RoundPage:
    round: Round
    process: Process
    report: reporting.RoundReport
    # Creating a round or adding a group makes the invitations; reading never writes.
    invitations: list[Invitation]
    questions: list[Question]


def round_page(round_: Round) -> RoundPage:
    invitations = round_.invitations.select_related("group").order_by(
        "group__order", "group__pk"
    )
    return RoundPage(
        round=round_,
        process=round_.process,
        report=reporting.round_report(round_),
        invitations=list(invitations),
        questions=list(round_.questions.all()),
    )


@dataclass(frozen=True)
class AnswerFilters:
    unit: reporting.ReportUnit | None
    dimension: str
    question: Question | None
    search: str


@dataclass(frozen=True)
class AnswersPage:
    round: Round
    process: Process
    report: reporting.RoundReport
    questions: list[Question]
    filters: AnswerFilters
    dimensions: Sequence[tuple[str, StrOrPromise]]
    page: Page[tuple[Any, reporting.ReportUnit]]
    # (question, [(text, unit label)], whether every group is shown for it)
    grouped_answers: list[tuple[Question, list[tuple[str, str]], bool]]
    some_left_out: bool
    match_count: int
    summaries: list[tuple[Question, list[tuple[reporting.ReportUnit, Any]]]]


def _filters(
    report: reporting.RoundReport,
    questions: list[Question],
    *,
    group: str,
    dimension: str,
    question: str,
    search: str,
) -> AnswerFilters:
    return AnswerFilters(
        unit=report.unit(group) if group else None,
        dimension=dimension if dimension in Dimension.values else "",
        question=next((q for q in questions if str(q.pk) == question), None),
        search=search[:SEARCH_LENGTH],
    )


def answers_page(
    round_: Round,
    *,
    group: str = "",
    dimension: str = "",
    question: str = "",
    search: str = "",
    page_number: str | None = None,
) -> AnswersPage:
    """The answers a facilitator may read, filtered by group, dimension, question and text."""
    report = reporting.round_report(round_)
    questions = list(round_.questions.all())
    filters = _filters(
        report,
        questions,
        group=group,
        dimension=dimension,
        question=question,
        search=search,
    )
    shown_questions = [
        q
        for q in questions
        if (filters.question is None or q == filters.question)
        and (not filters.dimension or q.dimension == filters.dimension)
    ]
    plans = reporting.question_plans(report, shown_questions)
    units = [filters.unit] if filters.unit else report.units
    text_questions = [q for q in shown_questions if q.kind == Question.Kind.TEXT]
    text_answers = reporting.shown_answers(
        report,
        {q.pk: plans[q.pk] for q in text_questions},
        reporting.text_filter(reporting.visible_answers(report), filters.search)
        .filter(
            question__in=text_questions,
            respondent__group_id__in=[gid for u in units for gid in u.group_ids],
        )
        .exclude(text=""),
    )
    paginator = Paginator(text_answers, ANSWERS_PER_PAGE)
    page = paginator.get_page(page_number)
    summaries: list[tuple[Question, list[tuple[reporting.ReportUnit, Any]]]] = []
    for q in shown_questions:
        if q.kind == Question.Kind.SCALE:
            summaries.append(
                (q, [(u, reporting.scale_summary(report, q, u)) for u in units])
            )
        elif q.kind == Question.Kind.CHOICE:
            summaries.append(
                (q, [(u, reporting.choice_summary(report, q, u)) for u in units])
            )
    grouped: dict[Question, list[tuple[str, str]]] = {}
    for answer, unit in page.object_list:
        grouped.setdefault(answer.question, []).append((answer.text, unit.label))
    return AnswersPage(
        round=round_,
        process=round_.process,
        report=report,
        questions=questions,
        filters=filters,
        dimensions=Dimension.choices,
        page=page,
        grouped_answers=[
            (q, items, plans[q.pk].complete) for q, items in grouped.items()
        ],
        some_left_out=any(not plans[q.pk].complete for q in text_questions),
        match_count=paginator.count,
        summaries=summaries,
    )


def answer_rows(round_: Round) -> Iterator[tuple[str, str, str, str]]:
    """Every answer a facilitator may see as (unit, question, dimension, answer), in the answers page's order."""
    report = reporting.round_report(round_)
    questions = list(round_.questions.all())
    rows = reporting.shown_answers(
        report,
        reporting.question_plans(report, questions),
        reporting.visible_answers(report),
    )
    for answer, unit in rows:
        yield (
            unit.label,
            answer.question.prompt,
            answer.question.get_dimension_display(),
            answer.display_value(),
        )
