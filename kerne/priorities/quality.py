"""What the opinion map says about the quality statements, read as the map page reads it.

The Kvalitet page, its exports and `services.adopt_quality_description` all ask here, so
the figures shown and the rule "only a current consensus statement may be adopted" are one.
Only `statements.mapping.map_view` is read: its figures are already filtered by the
anonymity threshold (k votes or more per statement, counted in batches of k). Nothing is
read from a map that is not ready or was computed under another threshold (stale).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kerne.processes.models import Process
from kerne.statements.mapping import map_view
from kerne.statements.models import OpinionMap, Statement


@dataclass(frozen=True)
class MapStanding:
    """The map's figures per statement id, empty unless the map may be shown."""

    # "none" (never computed), "too_few", "stale" or "ready".
    state: str
    threshold: int
    updating: bool = False
    # Statements nearly everyone agrees with, each the map's row (agree, n …).
    agree: dict[int, dict[str, Any]] = field(default_factory=dict)
    # Statements nearly everyone disagrees with.
    disagree: dict[int, dict[str, Any]] = field(default_factory=dict)
    # Every statement in the map with enough votes to show its figures.
    shown: dict[int, dict[str, Any]] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        return self.state == "ready"


def map_standing(process: Process) -> MapStanding:
    # Read only: the map page creates the row, this page must not.
    found = OpinionMap.objects.filter(process=process).first()
    threshold = process.anonymity_threshold
    if found is None or not found.data:
        return MapStanding("none", threshold)
    view = map_view(process, found)
    if not view.ready:
        return MapStanding("too_few", threshold, view.updating)
    if view.stale:
        return MapStanding("stale", threshold, view.updating)
    # A statement rejected after the map was computed is no longer consensus.
    published = set(
        Statement.objects.published()
        .filter(process=process)
        .values_list("pk", flat=True)
    )

    def by_id(rows: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
        return {
            int(r["id"]): r
            for r in rows
            if r.get("enough") and int(r["id"]) in published
        }

    return MapStanding(
        "ready",
        threshold,
        view.updating,
        agree=by_id(view.consensus_agree),
        disagree=by_id(view.consensus_disagree),
        shown=by_id(view.all_statements),
    )
