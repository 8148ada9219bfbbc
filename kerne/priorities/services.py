"""Every change of state in the prioritisation phase: one function each, atomic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kerne.coretasks.services import add_not_core_task
from kerne.priorities.imports import ImportRow
from kerne.priorities.models import Decision, Initiative, RatingQuestion, RatingRound
from kerne.processes import template
from kerne.processes.models import Phase, Process, Question
from kerne.processes.services import advance_phase, create_round


class DuplicateInitiative(Exception):
    """The process already has an initiative with this title."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.title = title


def _check_new(process: Process, titles: Sequence[str]) -> None:
    taken = {t.casefold() for t in process.initiatives.values_list("title", flat=True)}
    for title in titles:
        if title.casefold() in taken:
            raise DuplicateInitiative(title)
        taken.add(title.casefold())


@transaction.atomic
def add_initiative(
    process: Process,
    *,
    by: User | None,
    title: str,
    description: str = "",
    dimensions: Sequence[str] = (),
) -> Initiative:
    _check_new(process, [title])
    return Initiative.objects.create(
        process=process,
        title=title,
        description=description,
        dimensions=list(dimensions),
        created_by=by,
    )


@transaction.atomic
def import_initiatives(
    process: Process, rows: Sequence[ImportRow], *, by: User | None
) -> list[Initiative]:
    """Save confirmed rows, all or none: a title taken since the preview stops the import."""
    _check_new(process, [row.title for row in rows])
    return Initiative.objects.bulk_create(
        Initiative(
            process=process,
            title=row.title,
            description=row.description,
            dimensions=row.dimensions,
            created_by=by,
        )
        for row in rows
    )


@transaction.atomic
def record_decision(
    initiative: Initiative,
    *,
    by: User | None,
    kind: str,
    reason: str,
    decided_on: dt.date,
) -> Decision:
    """Log a decision; "not core task" also puts the initiative on the public page."""
    not_core = None
    if kind == Decision.Kind.NOT_CORE:
        not_core = add_not_core_task(
            initiative.process.unit,
            by=by,
            title=initiative.title,
            reason=reason,
            decided_on=decided_on,
        )
    return Decision.objects.create(
        initiative=initiative,
        kind=kind,
        reason=reason,
        decided_on=decided_on,
        not_core_task=not_core,
        decided_by=by,
    )


# The answer options of a rating question, in this order (the stored choice is the label).
RATING_CHOICES = (
    _("Prioritise up"),
    _("Keep"),
    _("Prioritise down"),
    _("Not core task"),
)


class NoInitiatives(Exception):
    """A rating round needs at least one initiative to ask about."""


@transaction.atomic
def create_rating_round(process: Process, *, by: User | None) -> RatingRound:
    """A round asking, per initiative, for a rating and an optional reason; with invitations."""
    initiatives = list(process.initiatives.all())
    if not initiatives:
        raise NoInitiatives
    questions = []
    for initiative in initiatives:
        questions.append(
            template.QuestionTemplate(
                prompt=str(RATING_PROMPT) % {"title": initiative.title},
                help_text=initiative.description[:500],
                kind=Question.Kind.CHOICE,
                choices=RATING_CHOICES,
            )
        )
        questions.append(
            template.QuestionTemplate(
                prompt=str(REASON_PROMPT) % {"title": initiative.title},
                help_text=_("Optional."),
            )
        )
    round_ = create_round(
        process, title=str(RATING_TITLE), intro=str(RATING_INTRO), questions=questions
    )
    rating = RatingRound.objects.create(round=round_)
    measures = [RatingQuestion.Measure.RATING, RatingQuestion.Measure.REASON]
    RatingQuestion.objects.bulk_create(
        RatingQuestion(
            rating_round=rating,
            question=question,
            initiative=initiatives[i // 2],
            measure=measures[i % 2],
        )
        for i, question in enumerate(round_.questions.order_by("order"))
    )
    advance_phase(process, Phase.PRIORITERING)
    return rating


RATING_TITLE = _("Rating of the initiatives")
RATING_INTRO = _(
    "For each initiative: should we prioritise it up, keep it, prioritise it down, "
    "or is it not our core task? You may write why."
)
RATING_PROMPT = _("“%(title)s”: what should we do with it, seen from our core task?")
REASON_PROMPT = _("Why? (“%(title)s”)")
