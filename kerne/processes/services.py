"""Processes, rounds and questions: the one write path (permission-checked reads are in access.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from kerne.organisations.models import Unit
from kerne.processes import signals, tasks, template  # tasks imports this module too
from kerne.processes.models import Phase, Process, Question, Round, StakeholderGroup


class GroupInUse(Exception):
    """The group may have respondents (`may_have_respondents`); deleting it would delete their answers."""


class ThresholdInUse(Exception):
    """A round has opened: figures shown under the old threshold and the new one,
    compared, would give back the groups that either of them hides."""


class QuestionInUse(Exception):
    """The question may have answers (`may_have_answers`); deleting it would delete them."""


class ChoicesInUse(Exception):
    """The question may have answers, so no option may be removed: some answer may have chosen it.

    Which options were chosen is not said, and the refusal does not depend on
    it: otherwise removing one option at a time would tell the facilitator
    what a lone respondent (or a draft not yet submitted) chose.
    """


class NoQuestions(Exception):
    """A round without questions cannot be opened: participants would get an empty page."""


class RoundAlreadyOpen(Exception):
    """The round is open already; opening it again would move its opening time."""


class RoundNotOpen(Exception):
    """Only an open round can be closed: closing queues the analysis of its answers."""


class RoundNotDraft(Exception):
    """The round has been opened here, so it cannot come in as imported."""


class PhaseOrder(Exception):
    """The process would skip a phase of the method; it moves on one phase at a time."""

    def __init__(self, next_phase: Phase) -> None:
        super().__init__(next_phase)
        self.next_phase = next_phase


@transaction.atomic
def create_process(
    unit: Unit,
    *,
    title: str,
    purpose: str = "",
    by: User | None,
    anonymity_threshold: int | None = None,
    groups: Sequence[template.GroupTemplate] = template.DEFAULT_GROUPS,
    questions: Sequence[template.QuestionTemplate] = template.DIMENSION_QUESTIONS,
) -> Process:
    """Create a process from the template: its groups and a first round with the four questions."""
    process = Process(unit=unit, title=title, purpose=purpose, created_by=by)
    if anonymity_threshold is not None:
        process.anonymity_threshold = anonymity_threshold
    process.full_clean(exclude=["unit", "created_by"])
    process.save()
    StakeholderGroup.objects.bulk_create(
        StakeholderGroup(
            process=process, key=g.key, name=str(g.name), side=g.side, order=i
        )
        for i, g in enumerate(groups)
    )
    create_round(
        process,
        title=str(template.DEFAULT_ROUND_TITLE),
        intro=str(template.DEFAULT_ROUND_INTRO),
        questions=questions,
    )
    return process


@transaction.atomic
def create_round(
    process: Process,
    *,
    title: str,
    intro: str = "",
    questions: Sequence[template.QuestionTemplate] = (),
) -> Round:
    round_ = Round.objects.create(process=process, title=title, intro=intro)
    Question.objects.bulk_create(
        Question(
            round=round_,
            order=i,
            prompt=str(q.prompt),
            help_text=str(q.help_text),
            dimension=q.dimension,
            kind=q.kind,
            choices=[str(choice) for choice in q.choices],
            scale_low_label=str(q.scale_low_label),
            scale_high_label=str(q.scale_high_label),
        )
        for i, q in enumerate(questions)
    )
    signals.round_created.send(sender=Round, round_=round_)
    return round_


@transaction.atomic
def update_process(
    process: Process, *, title: str, purpose: str, anonymity_threshold: int
) -> Process:
    """Save the settings; the threshold only while no one has answered (ThresholdInUse).

    The threshold decides which groups are shown, pooled or hidden. Changing it
    after answers were read gives a second view of the same answers: at k=5 a
    group of 5 is shown alone and a citizen of 1 is hidden; at k=6 the two are
    pooled, and the pool minus the group seen before is the citizen.
    """
    stored = Process.objects.values_list("anonymity_threshold", flat=True)
    # Asked as "has a round opened", not "has anyone answered", which the
    # refusal would tell (0 or 1) when every group is still below k.
    in_use = process.rounds.filter(
        Q(opened_at__isnull=False) | Q(respondents__isnull=False)
    )
    if anonymity_threshold != stored.get(pk=process.pk) and in_use.exists():
        raise ThresholdInUse
    process.title = title
    process.purpose = purpose
    process.anonymity_threshold = anonymity_threshold
    process.full_clean(exclude=["unit", "created_by"])
    process.save(update_fields=["title", "purpose", "anonymity_threshold"])
    return process


@transaction.atomic
def set_phase(process: Process, phase: Phase) -> Process:
    """The facilitator's own choice of phase: back to any phase, or on to the next one.

    Going back is a revisit (METHOD.md: measurement leads back to the core task);
    skipping ahead would leave out a step of the method, so it raises PhaseOrder.
    """
    phases = list(Phase)
    current = Process.objects.select_for_update().values_list("phase", flat=True)
    process.phase = current.get(pk=process.pk)
    index = process.phase_index()
    if phases.index(phase) > index + 1:
        raise PhaseOrder(phases[index + 1])
    process.phase = phase
    process.save(update_fields=["phase"])
    return process


@transaction.atomic
def advance_phase(process: Process, phase: Phase) -> Process:
    """A step of the method is done: move on to `phase`, but never back to it."""
    current = Process.objects.select_for_update().values_list("phase", flat=True)
    process.phase = current.get(pk=process.pk)
    if list(Phase.values).index(phase) > process.phase_index():
        process.phase = phase
        process.save(update_fields=["phase"])
    return process


@transaction.atomic
def add_group(process: Process, *, key: str, name: str, side: str) -> StakeholderGroup:
    order = (process.groups.aggregate(m=Max("order"))["m"] or 0) + 1
    group = StakeholderGroup.objects.create(
        process=process, key=key, name=name, side=side, order=order
    )
    signals.group_added.send(sender=StakeholderGroup, group=group)
    return group


@transaction.atomic
def rename_group(group: StakeholderGroup, *, name: str, side: str) -> StakeholderGroup:
    group.name = name
    group.side = side
    group.save(update_fields=["name", "side"])
    return group


@transaction.atomic
def delete_group(group: StakeholderGroup) -> None:
    if group.may_have_respondents():
        raise GroupInUse
    group.delete()


@transaction.atomic
def add_question(
    round_: Round,
    *,
    prompt: str,
    kind: str,
    help_text: str = "",
    dimension: str = "",
    choices: Sequence[str] = (),
    scale_low_label: str = "",
    scale_high_label: str = "",
    required: bool = False,
) -> Question:
    order = (round_.questions.aggregate(m=Max("order"))["m"] or 0) + 1
    return Question.objects.create(
        round=round_,
        order=order,
        prompt=prompt,
        kind=kind,
        help_text=help_text,
        dimension=dimension,
        choices=list(choices),
        scale_low_label=scale_low_label,
        scale_high_label=scale_high_label,
        required=required,
    )


@transaction.atomic
def update_question(
    question: Question,
    *,
    prompt: str | None = None,
    help_text: str | None = None,
    dimension: str | None = None,
    choices: Sequence[str] | None = None,
    scale_low_label: str | None = None,
    scale_high_label: str | None = None,
    required: bool | None = None,
) -> Question:
    """Change the given fields; None leaves a field as it is. The kind never changes."""
    if choices is not None:
        removed = set(question.choices) - set(choices)
        if removed and question.may_have_answers():
            raise ChoicesInUse
    changed: list[str] = []
    if prompt is not None:
        question.prompt = prompt
        changed.append("prompt")
    if help_text is not None:
        question.help_text = help_text
        changed.append("help_text")
    if dimension is not None:
        question.dimension = dimension
        changed.append("dimension")
    if choices is not None:
        question.choices = list(choices)
        changed.append("choices")
    if scale_low_label is not None:
        question.scale_low_label = scale_low_label
        changed.append("scale_low_label")
    if scale_high_label is not None:
        question.scale_high_label = scale_high_label
        changed.append("scale_high_label")
    if required is not None:
        question.required = required
        changed.append("required")
    if changed:
        question.save(update_fields=changed)
    return question


@transaction.atomic
def delete_question(question: Question) -> None:
    if question.may_have_answers():
        raise QuestionInUse
    question.delete()


@transaction.atomic
def move_question(question: Question, *, up: bool) -> None:
    siblings = list(question.round.questions.all())
    index = siblings.index(question)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, q in enumerate(siblings):
        if q.order != order:
            q.order = order
            q.save(update_fields=["order"])


@transaction.atomic
def open_round(
    round_: Round, *, closes_at: datetime | None = None, needs_questions: bool = True
) -> Round:
    """Open for answers; needs_questions=False for rounds answered elsewhere (pairwise votes)."""
    if round_.status == Round.Status.OPEN:
        raise RoundAlreadyOpen
    if needs_questions and not round_.questions.exists():
        raise NoQuestions
    if round_.status == Round.Status.CLOSED:
        # Its pool may have been read: new answers must not change it (reporting.py).
        round_.pool_revoked_at = round_.pool_revoked_at or timezone.now()
    round_.status = Round.Status.OPEN
    round_.opened_at = round_.opened_at or timezone.now()
    round_.closes_at = closes_at
    round_.closed_at = None
    round_.save(
        update_fields=[
            "status",
            "opened_at",
            "closes_at",
            "closed_at",
            "pool_revoked_at",
        ]
    )
    if closes_at is not None:
        # The page refuses answers after closes_at anyway; the task makes the status say so.
        transaction.on_commit(
            lambda: tasks.close_round_when_due.using(run_after=closes_at).enqueue(
                round_.pk
            )
        )
    return round_


@transaction.atomic
def close_round(round_: Round) -> Round:
    if round_.status != Round.Status.OPEN:
        # A draft was never answered; a closed round was analysed when it closed.
        raise RoundNotOpen
    round_.status = Round.Status.CLOSED
    round_.closed_at = timezone.now()
    round_.save(update_fields=["status", "closed_at"])
    if not hasattr(round_, "qualification"):
        # The answers are in: the process moves on to making sense of them together.
        advance_phase(round_.process, Phase.FAELLES_FORSTAAELSE)
    signals.round_closed.send(sender=Round, round_=round_)  # themes queues the analysis
    return round_


@transaction.atomic
def close_imported_round(round_: Round, *, opened_at: datetime | None) -> Round:
    """A draft round whose answers were given elsewhere (a Polis export) comes in closed.

    It was open there, not here: no invitations go out and no closing task is queued,
    and it needs no questions. Closing goes through close_round like any other round.
    opened_at is when answering began there, None if the export does not say.
    """
    if round_.status != Round.Status.DRAFT:
        raise RoundNotDraft
    round_.status = Round.Status.OPEN
    round_.opened_at = opened_at
    round_.save(update_fields=["status", "opened_at"])
    return close_round(round_)
