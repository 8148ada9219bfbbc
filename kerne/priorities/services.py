"""Every change of state in the prioritisation phase: one function each, atomic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kerne.analysis.pairwise import BOOTSTRAP_REPS
from kerne.coretasks.services import add_not_core_task
from kerne.participation.models import Respondent
from kerne.participation.reporting import round_report
from kerne.participation.services import InvitationClosed, set_invitation_state
from kerne.priorities.imports import ImportRow
from kerne.priorities.models import (
    Comparison,
    Competence,
    CompetenceQuestion,
    CompetenceRound,
    Decision,
    Initiative,
    PairwiseItem,
    PairwiseRound,
    PairwiseScores,
    QualityDescription,
    QualityStatement,
    RatingQuestion,
    RatingRound,
)
from kerne.priorities.pages_pairwise import fit, tally
from kerne.priorities.quality import map_standing
from kerne.processes import template
from kerne.processes.models import Phase, Process, Question, Round, StakeholderGroup
from kerne.processes.services import advance_phase, create_round
from kerne.statements.models import Statement
from kerne.statements.services import add_statement


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


# ---------------------------------------------------------------- pairwise


class TooFewInitiatives(Exception):
    """A pairwise round needs at least two initiatives to make a pair."""


class ItemNotInPairs(Exception):
    """The item is not (or no longer) in this round's pairs, or both sides are one item."""


class SuggestionsClosed(Exception):
    """The round does not take suggestions from participants."""


class DuplicateItem(Exception):
    """The round already has an item with this title."""


class NotPending(Exception):
    """Only a suggestion awaiting approval can be approved or rejected."""


@transaction.atomic
def create_pairwise_round(
    process: Process, *, by: User | None, participants_may_suggest: bool = True
) -> PairwiseRound:
    """A round over the process's initiatives, with the ordinary invitation links."""
    initiatives = list(process.initiatives.all())
    if len(initiatives) < 2:
        raise TooFewInitiatives
    round_ = create_round(process, title=str(PAIRWISE_TITLE), intro=str(PAIRWISE_INTRO))
    pairwise = PairwiseRound.objects.create(
        round=round_, participants_may_suggest=participants_may_suggest
    )
    PairwiseItem.objects.bulk_create(
        PairwiseItem(pairwise_round=pairwise, initiative=i, title=i.title)
        for i in initiatives
    )
    advance_phase(process, Phase.PRIORITERING)
    return pairwise


def _check_accepting(respondent: Respondent) -> None:
    # The state is read from the database, as start_respondent does.
    invitation = respondent.invitation
    invitation.refresh_from_db(fields=["is_active", "closes_at"])
    invitation.round.refresh_from_db(fields=["status", "closes_at"])
    if not invitation.is_accepting_answers():
        raise InvitationClosed


@transaction.atomic
def record_comparison(
    respondent: Respondent,
    *,
    first: PairwiseItem,
    second: PairwiseItem,
    winner: PairwiseItem | None,
) -> Comparison:
    """Store one answer to a pair; answering the same pair again replaces the answer."""
    _check_accepting(respondent)
    pairwise = PairwiseRound.objects.filter(round_id=respondent.round_id).first()
    for item in (first, second):
        if (
            pairwise is None
            or item.pairwise_round_id != pairwise.pk
            or item.status != PairwiseItem.Status.PUBLISHED
        ):
            raise ItemNotInPairs
    if first.pk == second.pk or (winner is not None and winner not in (first, second)):
        raise ItemNotInPairs
    low, high = sorted((first, second), key=lambda item: item.pk)
    comparison, _created = Comparison.objects.update_or_create(
        respondent=respondent,
        low=low,
        high=high,
        defaults={"pairwise_round": pairwise, "winner": winner},
    )
    return comparison


# A participant suggests a few initiatives; a script behind one link fills no queue.
MAX_SUGGESTIONS_PER_RESPONDENT = 5


class TooManySuggestions(Exception):
    """The participant has made MAX_SUGGESTIONS_PER_RESPONDENT suggestions already."""


@transaction.atomic
def suggest_item(
    pairwise: PairwiseRound, respondent: Respondent, *, title: str
) -> PairwiseItem:
    """A participant's new initiative; it enters the pairs when the facilitator approves it."""
    if not pairwise.participants_may_suggest:
        raise SuggestionsClosed
    if respondent.round_id != pairwise.round_id:
        raise InvitationClosed
    _check_accepting(respondent)
    if (
        PairwiseItem.objects.filter(suggested_by=respondent).count()
        >= MAX_SUGGESTIONS_PER_RESPONDENT
    ):
        raise TooManySuggestions
    taken = pairwise.items.exclude(status=PairwiseItem.Status.REJECTED)
    if title.casefold() in {
        t.casefold() for t in taken.values_list("title", flat=True)
    }:
        raise DuplicateItem
    return PairwiseItem.objects.create(
        pairwise_round=pairwise,
        title=title,
        status=PairwiseItem.Status.PENDING,
        suggested_by=respondent,
    )


@transaction.atomic
def moderate_item(
    item: PairwiseItem, *, approve: bool, by: User | None
) -> PairwiseItem:
    """Approve (the suggestion becomes an initiative and enters the pairs) or reject."""
    item = PairwiseItem.objects.select_for_update().get(pk=item.pk)
    if item.status != PairwiseItem.Status.PENDING:
        raise NotPending
    if approve:
        # Raises DuplicateInitiative if the list has it already: nothing changes then.
        process = item.pairwise_round.round.process
        item.initiative = add_initiative(process, by=by, title=item.title)
        item.status = PairwiseItem.Status.PUBLISHED
    else:
        item.status = PairwiseItem.Status.REJECTED
    item.save(update_fields=["initiative", "status"])
    return item


class RoundStillOpen(Exception):
    """Scores are stored only for a closed round: an open one's move with every vote."""


@transaction.atomic
def store_pairwise_scores(pairwise: PairwiseRound) -> PairwiseScores:
    """Fit a closed round's scores once, so its pages read them instead of refitting.

    Runs in the worker after the close (tasks.py): the bootstrap takes seconds.
    """
    round_ = pairwise.round
    round_.refresh_from_db(fields=["status", "pool_revoked_at"])
    if round_.status != Round.Status.CLOSED:
        raise RoundStillOpen
    found = tally(pairwise, round_report(round_))
    scores, _created = PairwiseScores.objects.update_or_create(
        pairwise_round=pairwise,
        defaults={
            "inputs": found.digest(BOOTSTRAP_REPS),
            "cells": fit(found, BOOTSTRAP_REPS).to_json(found.keys),
        },
    )
    return scores


PAIRWISE_TITLE = _("Pairwise prioritisation")
PAIRWISE_INTRO = _(
    "Two initiatives at a time: choose the one that matters more for our core task. "
    "Answer as many pairs as you like."
)


# ---------------------------------------------------------------- competences


class DuplicateCompetence(Exception):
    """The process already has a competence with this title."""


class NoCompetences(Exception):
    """A self-assessment needs at least one competence to ask about."""


class NoInsideGroups(Exception):
    """Only the workplace's own groups assess its competences; the process has none."""


@transaction.atomic
def add_competence(
    process: Process,
    *,
    by: User | None,
    title: str,
    description: str = "",
    dimensions: Sequence[str] = (),
) -> Competence:
    taken = {t.casefold() for t in process.competences.values_list("title", flat=True)}
    if title.casefold() in taken:
        raise DuplicateCompetence
    return Competence.objects.create(
        process=process,
        title=title,
        description=description,
        dimensions=list(dimensions),
        created_by=by,
    )


@transaction.atomic
def create_competence_round(process: Process, *, by: User | None) -> CompetenceRound:
    """A round of scale questions, one per competence, for the inside groups only.

    Every group gets its invitation when a round is created; the outside groups'
    links are switched off, since only employees and leaders assess themselves.
    """
    competences = list(process.competences.all())
    if not competences:
        raise NoCompetences
    inside = process.groups.filter(side=StakeholderGroup.Side.INSIDE)
    if not inside.exists():
        raise NoInsideGroups
    round_ = create_round(
        process,
        title=str(COMPETENCE_TITLE),
        intro=str(COMPETENCE_INTRO),
        questions=[
            template.QuestionTemplate(
                prompt=str(COMPETENCE_PROMPT) % {"title": competence.title},
                help_text=competence.description[:500],
                kind=Question.Kind.SCALE,
                scale_low_label=COMPETENCE_LOW,
                scale_high_label=COMPETENCE_HIGH,
            )
            for competence in competences
        ],
    )
    for invitation in round_.invitations.exclude(group__in=inside):
        set_invitation_state(invitation, is_active=False)
    assessment = CompetenceRound.objects.create(round=round_)
    CompetenceQuestion.objects.bulk_create(
        CompetenceQuestion(competence_round=assessment, question=q, competence=c)
        for q, c in zip(round_.questions.order_by("order"), competences, strict=True)
    )
    advance_phase(process, Phase.PRIORITERING)
    return assessment


COMPETENCE_TITLE = _("Self-assessment of competences")
COMPETENCE_INTRO = _(
    "For each competence our core task needs: how well do you master it in your daily "
    "work? Your answers are anonymous; a team is shown only when enough have answered."
)
COMPETENCE_PROMPT = _("“%(title)s”: how well do you master it?")
COMPETENCE_LOW = _("Not at all")
COMPETENCE_HIGH = _("Fully")


# ---------------------------------------------------------------- quality


class NotQualityStatement(Exception):
    """A chosen statement is not one of this dimension's quality statements in the process."""


class NotConsensus(Exception):
    """A chosen statement is not, or no longer, one nearly everyone agrees with in the map."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        super().__init__(", ".join(str(s.pk) for s in statements))
        self.statements = list(statements)


class NoStatementsChosen(Exception):
    """A quality description is adopted from at least one consensus statement."""


class AlreadyQualityStatement(Exception):
    """The statement already describes the quality of a dimension."""


@transaction.atomic
def add_quality_statement(
    process: Process, *, dimension: str, text: str, by: User | None
) -> QualityStatement:
    """A published statement of the process, voted on through its links, for one dimension."""
    statement = add_statement(process, text=text, by=by)
    return QualityStatement.objects.create(statement=statement, dimension=dimension)


@transaction.atomic
def tag_quality_statement(statement: Statement, *, dimension: str) -> QualityStatement:
    """Let an existing statement (a participant's, say) describe a dimension's quality."""
    if QualityStatement.objects.filter(statement=statement).exists():
        raise AlreadyQualityStatement
    return QualityStatement.objects.create(statement=statement, dimension=dimension)


@transaction.atomic
def adopt_quality_description(
    process: Process,
    dimension: str,
    statements: Sequence[Statement],
    by: User | None,
    *,
    text: str = "",
) -> QualityDescription:
    """Adopt what good quality means in a dimension, from statements that are consensus now.

    The text is the statements' texts unless the facilitator worded them anew. Earlier
    descriptions of the dimension stay as its history; the newest holds.
    """
    if not statements:
        raise NoStatementsChosen
    linked = set(
        QualityStatement.objects.filter(
            statement__process=process, dimension=dimension
        ).values_list("statement_id", flat=True)
    )
    if any(s.pk not in linked for s in statements):
        raise NotQualityStatement
    standing = map_standing(process)
    refused = [s for s in statements if s.pk not in standing.agree]
    if refused:
        raise NotConsensus(refused)
    ordered = sorted(statements, key=lambda s: s.pk)
    description = QualityDescription.objects.create(
        process=process,
        dimension=dimension,
        text=text.strip() or "\n".join(s.text for s in ordered),
        adopted_at=timezone.now(),
        adopted_by=by,
    )
    description.statements.set(ordered)
    return description
