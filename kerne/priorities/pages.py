"""The data of each prioritisation page, one function per page."""

from __future__ import annotations

from dataclasses import dataclass

from kerne.coretasks.models import Adoption
from kerne.coretasks.services import current_adoption
from kerne.priorities.models import Decision, Initiative
from kerne.processes.models import Process


@dataclass(frozen=True)
class InitiativeRow:
    initiative: Initiative
    decision: Decision | None
    """The newest decision; older ones stay in the log."""


@dataclass(frozen=True)
class ProcessPage:
    process: Process
    adoption: Adoption | None
    rows: list[InitiativeRow]
    log: list[Decision]


def process_page(process: Process) -> ProcessPage:
    initiatives = list(process.initiatives.prefetch_related("decisions"))
    rows = [InitiativeRow(i, next(iter(i.decisions.all()), None)) for i in initiatives]
    log = list(
        Decision.objects.filter(initiative__process=process).select_related(
            "initiative", "decided_by"
        )
    )
    return ProcessPage(process, current_adoption(process.unit), rows, log)
