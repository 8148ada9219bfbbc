"""Builders for core-task tests: drafts, rated qualification rounds, adoptions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User

from kerne.coretasks.models import (
    Adoption,
    NotCoreTask,
    PublicPage,
    QualificationQuestion,
    QualificationRound,
    Version,
)
from kerne.coretasks.services import (
    DraftText,
    add_not_core_task,
    adopt_version,
    create_qualification_round,
    save_version,
)
from kerne.participation.models import Respondent
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.processes.models import Process
from kerne.processes.services import close_round, open_round
from kerne.testing import invitation

STATEMENT = "Vi skaber tryghed og livskvalitet sammen med borgeren – i eget hjem."
TEXTS = {
    "vaerdi": "At borgeren kan blive boende i eget hjem og føle sig tryg.",
    "ambition": "Om fem år er vi kendt for faste, nærværende hjælpere.",
    "tilgang": "Vi understøtter borgerens egne kræfter og løser opgaven med dem.",
    "maalgruppe": "Borgere, der har brug for hjælp i hverdagen, og deres pårørende.",
}


def make_version(
    process: Process,
    *,
    by: User | None = None,
    statement: str = STATEMENT,
    **texts: str,
) -> Version:
    values = {**TEXTS, **texts}
    return save_version(process, DraftText(statement=statement, **values), by=by)


def rate(
    qualification: QualificationRound,
    key: str,
    count: int,
    *,
    recognise: int | list[int] = 4,
    clear: int = 4,
    suggestion: str = "",
) -> list[Respondent]:
    """Submit `count` respondents in group `key`, rating every dimension the same way."""
    inv = invitation(qualification.round, key)
    measures = list(qualification.questions.select_related("question"))
    made = []
    for i in range(count):
        score = (
            recognise[i % len(recognise)] if isinstance(recognise, list) else recognise
        )
        values = {}
        for qq in measures:
            if qq.measure == QualificationQuestion.Measure.RECOGNISE:
                values[qq.question] = AnswerValue(number=score)
            elif qq.measure == QualificationQuestion.Measure.CLEAR:
                values[qq.question] = AnswerValue(number=clear)
            elif suggestion:
                values[qq.question] = AnswerValue(text=f"{suggestion} ({key} {i})")
        respondent = start_respondent(inv)
        save_answers(respondent, values)
        submit_respondent(respondent)
        made.append(respondent)
    return made


def make_qualification(version: Version, *, opened: bool = True) -> QualificationRound:
    qualification = create_qualification_round(version)
    if opened:
        open_round(qualification.round)
    return qualification


def make_adoption(
    version: Version,
    *,
    by: User | None = None,
    adopted_on: dt.date = dt.date(2025, 3, 1),
    review_on: dt.date = dt.date(2026, 3, 1),
    change_note: str = "Første vedtagne udgave.",
) -> Adoption:
    return adopt_version(
        version,
        by=by,
        adopted_on=adopted_on,
        review_on=review_on,
        change_note=change_note,
    )


@dataclass(frozen=True)
class CoreTaskWorld:
    version: Version
    qualification: QualificationRound
    adoption: Adoption
    page: PublicPage
    not_core_task: NotCoreTask


def make_coretask_world(process: Process, *, by: User | None = None) -> CoreTaskWorld:
    """One of everything the core-task pages show, for tests that walk every URL."""
    version = make_version(process, by=by)
    qualification = make_qualification(version)
    close_round(qualification.round)  # adopting waits for the qualification to close
    adoption = make_adoption(version, by=by)
    item = add_not_core_task(
        process.unit,
        by=by,
        title="Rengøring af fællesarealer",
        reason="Det løser boligselskabet.",
        decided_on=dt.date(2025, 3, 1),
    )
    return CoreTaskWorld(
        version,
        qualification,
        adoption,
        PublicPage.objects.get(unit=process.unit),
        item,
    )
