"""Core-task drafts, qualification, adoption and "ikke kerneopgave": the one write path.

Permission-checked reads (`access_*`, which 404 for outsiders) are in `access.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from kerne.coretasks.models import (
    DIMENSIONS,
    Adoption,
    Comment,
    NotCoreTask,
    PublicPage,
    QualificationQuestion,
    QualificationRound,
    Version,
)
from kerne.organisations.models import Unit
from kerne.processes import template
from kerne.processes.models import Dimension, Phase, Process, Question, Round
from kerne.processes.services import advance_phase, create_round, set_phase

# "Time to revisit" shows this many days before the review date, and after it.
REVIEW_NOTICE_DAYS = 30

# Content, not interface text: copied into the qualification round in the language
# of the facilitator who creates it, as processes/template.py does, and edited there.
QUALIFICATION_TITLE = gettext_lazy("Qualifying the core task")
QUALIFICATION_INTRO = gettext_lazy(
    "We have written a draft of our core task, and we would like to hear whether you "
    "recognise it. For each of the four parts we ask whether you recognise it and whether "
    "it is clearly worded (1–5). You can also suggest a change."
)
RECOGNISE_PROMPT = gettext_lazy("%(heading)s: I recognise it")
CLEAR_PROMPT = gettext_lazy("%(heading)s: It is clearly worded")
SUGGESTION_PROMPT = gettext_lazy("%(heading)s: What would you change?")
# Question.help_text holds at most 500 characters; the full text is in the intro.
HELP_TEXT_LIMIT = 500


# --- reads without a user (the caller has already checked access) ---------------


def latest_version(process: Process) -> Version | None:
    return Version.objects.filter(process=process).select_related("author").first()


def current_adoption(unit: Unit) -> Adoption | None:
    return (
        Adoption.objects.filter(unit=unit)
        .select_related("version__process", "adopted_by")
        .first()
    )


def adoptions_of(unit: Unit) -> list[Adoption]:
    return list(
        Adoption.objects.filter(unit=unit).select_related("version", "adopted_by")
    )


def qualifications_of(process: Process) -> list[QualificationRound]:
    return list(
        QualificationRound.objects.filter(round__process=process).select_related(
            "round", "version"
        )
    )


def qualifications_of_unit(unit: Unit) -> list[QualificationRound]:
    return list(
        QualificationRound.objects.filter(round__process__unit=unit).select_related(
            "round__process", "version"
        )
    )


def not_core_tasks_of(unit: Unit) -> list[NotCoreTask]:
    return list(NotCoreTask.objects.filter(unit=unit))


ReviewState = Literal["due", "soon"]


def review_state(
    adoption: Adoption, today: dt.date | None = None
) -> ReviewState | None:
    """ "due" once the review date has come, "soon" within REVIEW_NOTICE_DAYS before it."""
    today = today or timezone.localdate()
    if adoption.review_on <= today:
        return "due"
    if adoption.review_on <= today + dt.timedelta(days=REVIEW_NOTICE_DAYS):
        return "soon"
    return None


# --- drafting -------------------------------------------------------------------


@dataclass(frozen=True)
class DraftText:
    statement: str
    vaerdi: str = ""
    ambition: str = ""
    tilgang: str = ""
    maalgruppe: str = ""

    @classmethod
    def of(cls, version: Version) -> DraftText:
        return cls(
            statement=version.statement,
            **{d: version.text_of(d) for d in DIMENSIONS},
        )


@transaction.atomic
def save_version(
    process: Process,
    text: DraftText,
    *,
    by: User | None,
    based_on: Version | None = None,
) -> Version:
    """Save the draft as the process's next version."""
    # Lock the process row so two saves at once cannot take the same number.
    Process.objects.select_for_update().filter(pk=process.pk).first()
    number = (
        Version.objects.filter(process=process).aggregate(m=Max("number"))["m"] or 0
    ) + 1
    advance_phase(process, Phase.FORMULERING)
    return Version.objects.create(
        process=process,
        number=number,
        statement=text.statement,
        vaerdi=text.vaerdi,
        ambition=text.ambition,
        tilgang=text.tilgang,
        maalgruppe=text.maalgruppe,
        author=by,
        based_on=based_on or latest_version(process),
    )


@transaction.atomic
def add_comment(version: Version, *, by: User, text: str) -> Comment:
    return Comment.objects.create(version=version, author=by, text=text)


# --- qualification ----------------------------------------------------------------


def qualification_questions(version: Version) -> list[template.QuestionTemplate]:
    """Per dimension: two 1–5 ratings and an optional suggestion, in Danish."""
    questions = []
    for dimension in DIMENSIONS:
        heading = {"heading": Dimension(dimension).label}
        hint = version.text_of(dimension)[:HELP_TEXT_LIMIT]
        for prompt in (RECOGNISE_PROMPT, CLEAR_PROMPT):
            questions.append(
                template.QuestionTemplate(
                    prompt=str(prompt) % heading,
                    help_text=hint,
                    dimension=dimension,
                    kind=Question.Kind.SCALE,
                    scale_low_label=_("Not at all"),
                    scale_high_label=_("To a very high degree"),
                )
            )
        questions.append(
            template.QuestionTemplate(
                prompt=str(SUGGESTION_PROMPT) % heading,
                help_text=_(
                    "Optional. Feel free to write how you would put it yourself."
                ),
                dimension=dimension,
            )
        )
    return questions


# The generated questions come in this order per dimension (see qualification_questions).
MEASURE_ORDER = (
    QualificationQuestion.Measure.RECOGNISE,
    QualificationQuestion.Measure.CLEAR,
    QualificationQuestion.Measure.SUGGESTION,
)


def qualification_intro(version: Version) -> str:
    parts = [str(QUALIFICATION_INTRO), "", _("The core task:"), version.statement]
    for dimension in DIMENSIONS:
        heading = Dimension(dimension).label
        parts += ["", f"{heading}:", version.text_of(dimension)]
    return "\n".join(parts).strip()


class QualificationPending(Exception):
    """The version has a qualification round that has not closed; a second would split its answers."""

    def __init__(self, round_: Round) -> None:
        super().__init__(round_.title)
        self.round = round_


@transaction.atomic
def create_qualification_round(
    version: Version, *, title: StrOrPromise = QUALIFICATION_TITLE
) -> QualificationRound:
    """A round of the process whose questions ask about this version, with its invitations."""
    pending = (
        version.qualifications.exclude(round__status=Round.Status.CLOSED)
        .select_related("round")
        .first()
    )
    if pending is not None:
        raise QualificationPending(pending.round)
    process = version.process
    round_ = create_round(
        process,
        title=_("%(title)s (version %(number)s)")
        % {"title": title, "number": version.number},
        intro=qualification_intro(version),
        questions=qualification_questions(version),
    )
    qualification = QualificationRound.objects.create(round=round_, version=version)
    measures = [
        (dimension, measure) for dimension in DIMENSIONS for measure in MEASURE_ORDER
    ]
    QualificationQuestion.objects.bulk_create(
        QualificationQuestion(
            qualification=qualification,
            question=question,
            dimension=dimension,
            measure=measure,
        )
        for question, (dimension, measure) in zip(
            round_.questions.order_by("order"), measures, strict=True
        )
    )
    advance_phase(process, Phase.KVALIFICERING)
    return qualification


# --- adoption ---------------------------------------------------------------------


class ReviewBeforeAdoption(ValueError):
    """The review date must come after the adoption date (the form says so first)."""


class QualificationStillOpen(Exception):
    """The version is still being qualified: close its round before adopting it."""

    def __init__(self, round_: Round) -> None:
        super().__init__(round_.title)
        self.round = round_


def open_qualification_round(version: Version) -> Round | None:
    qualification = (
        version.qualifications.filter(round__status=Round.Status.OPEN)
        .select_related("round")
        .first()
    )
    return qualification.round if qualification else None


@transaction.atomic
def adopt_version(
    version: Version,
    *,
    by: User | None,
    adopted_on: dt.date,
    review_on: dt.date,
    change_note: str,
) -> Adoption:
    """Adopt the version as the unit's core task, and make sure it has a public page."""
    if review_on <= adopted_on:
        raise ReviewBeforeAdoption
    still_open = open_qualification_round(version)
    if still_open is not None:
        raise QualificationStillOpen(still_open)
    unit = version.process.unit
    adoption = Adoption.objects.create(
        unit=unit,
        version=version,
        adopted_on=adopted_on,
        review_on=review_on,
        change_note=change_note,
        adopted_by=by,
    )
    PublicPage.objects.get_or_create(unit=unit)
    # Qualified and adopted: what is and is not core task comes next.
    advance_phase(version.process, Phase.PRIORITERING)
    return adoption


NewRoundKind = Literal["indkredsning", "kvalificering"]


class NotCurrentAdoption(Exception):
    """A revisit starts from the unit's adopted core task, not from one it replaced."""


@transaction.atomic
def start_new_round(adoption: Adoption, *, by: User, kind: NewRoundKind) -> Round:
    """Revisit: copy the adopted version into a new draft and open a new round on it.

    A revisit starts the cycle again, so this is the one place the phase goes back.
    """
    if current_adoption(adoption.unit) != adoption:
        raise NotCurrentAdoption
    adopted = adoption.version
    version = save_version(
        adopted.process, DraftText.of(adopted), by=by, based_on=adopted
    )
    if kind == "kvalificering":
        round_ = create_qualification_round(version).round
        set_phase(adopted.process, Phase.KVALIFICERING)
        return round_
    round_ = create_round(
        adopted.process,
        title=str(template.DEFAULT_ROUND_TITLE),
        intro=str(template.DEFAULT_ROUND_INTRO),
        questions=template.DIMENSION_QUESTIONS,
    )
    set_phase(adopted.process, Phase.INDKREDSNING)
    return round_


# --- "ikke kerneopgave" -------------------------------------------------------------


@transaction.atomic
def add_not_core_task(
    unit: Unit, *, by: User | None, title: str, reason: str, decided_on: dt.date
) -> NotCoreTask:
    return NotCoreTask.objects.create(
        unit=unit, title=title, reason=reason, decided_on=decided_on, created_by=by
    )


@transaction.atomic
def delete_not_core_task(item: NotCoreTask) -> None:
    item.delete()
