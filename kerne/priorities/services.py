"""Every change of state in the prioritisation phase: one function each, atomic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction

from kerne.coretasks.services import add_not_core_task
from kerne.priorities.imports import ImportRow
from kerne.priorities.models import Decision, Initiative
from kerne.processes.models import Process


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
