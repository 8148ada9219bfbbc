"""The data of the Kvalitet page: per dimension its quality statements and descriptions.

How the votes stand comes only from the opinion map (`quality.map_standing`), never
from the votes themselves: no figure of fewer than k votes, nothing from a stale map.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kerne.priorities.models import QualityDescription, QualityStatement
from kerne.priorities.quality import MapStanding, map_standing
from kerne.processes.models import Dimension, Process
from kerne.statements.models import Statement


@dataclass(frozen=True)
class QualityRow:
    statement: Statement
    figures: dict[str, Any] | None
    """The map's row (agree, disagree, pass in %, n) when it may be shown."""
    published: bool
    """Rejected or awaiting moderation in the statements' list: no figures, no candidate."""
    candidate: bool
    """Nearly everyone agrees with it in the map: it may become the description."""
    disagreed: bool
    """Nearly everyone disagrees with it in the map."""


@dataclass(frozen=True)
class DimensionSection:
    dimension: str
    label: str
    rows: list[QualityRow]
    candidate_ids: list[int]
    current: QualityDescription | None
    """The newest adopted description; the older ones are its history."""
    history: list[QualityDescription]


@dataclass(frozen=True)
class QualityPage:
    process: Process
    standing: MapStanding
    sections: list[DimensionSection]


def _row(statement: Statement, standing: MapStanding) -> QualityRow:
    return QualityRow(
        statement,
        standing.shown.get(statement.pk),
        statement.status == Statement.Status.PUBLISHED,
        statement.pk in standing.agree,
        statement.pk in standing.disagree,
    )


def quality_page(process: Process) -> QualityPage:
    standing = map_standing(process)
    links = list(
        QualityStatement.objects.filter(statement__process=process)
        .select_related("statement")
        .order_by("statement__pk")
    )
    descriptions = list(
        QualityDescription.objects.filter(process=process)
        .select_related("adopted_by")
        .prefetch_related("statements")
    )
    sections = []
    for dimension in Dimension:
        rows = [
            _row(link.statement, standing)
            for link in links
            if link.dimension == dimension.value
        ]
        adopted = [d for d in descriptions if d.dimension == dimension.value]
        sections.append(
            DimensionSection(
                dimension=dimension.value,
                label=str(dimension.label),
                rows=rows,
                candidate_ids=[r.statement.pk for r in rows if r.candidate],
                current=adopted[0] if adopted else None,
                history=adopted[1:],
            )
        )
    return QualityPage(process, standing, sections)


def current_descriptions(process: Process) -> list[tuple[str, QualityDescription]]:
    """The dimension's label and its newest description, for dimensions that have one."""
    newest: dict[str, QualityDescription] = {}
    for description in QualityDescription.objects.filter(process=process):
        newest.setdefault(description.dimension, description)
    return [(str(d.label), newest[d.value]) for d in Dimension if d.value in newest]
