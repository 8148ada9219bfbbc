"""What the opinion map says, as material beside the core-task editor.

`kerne.coretasks.material` calls `material_for_drafting`.
It reads the stored map through `map_view`, as the map page does, and shows
nothing the page would not: no map before enough people have voted, and none
when the anonymity threshold changed since the map was computed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kerne.lib.drafting import Material
from kerne.processes.models import Process
from kerne.statements.mapping import map_view
from kerne.statements.models import OpinionMap, Statement

# Beside the editor a few of each are enough; the map page has them all.
PER_KIND = 5


def material_for_drafting(process: Process) -> list[Material]:
    # Read only: the map page creates the row, the editor must not.
    found = OpinionMap.objects.filter(process=process).first()
    if found is None:
        return []
    view = map_view(process, found)
    if not view.ready or view.stale:
        return []
    # A statement rejected after the map was computed is no longer material.
    published = set(
        Statement.objects.published()
        .filter(process=process)
        .values_list("pk", flat=True)
    )
    material: list[Material] = []
    agree = _published(view.consensus_agree, published)
    if agree:
        material.append(
            Material(
                "",
                _("Statements nearly everyone agrees with"),
                tuple(
                    ngettext(
                        "%(text)s (%(pct)s %% agree, %(n)s vote)",
                        "%(text)s (%(pct)s %% agree, %(n)s votes)",
                        s["n"],
                    )
                    % {"text": s["text"], "pct": s["agree"], "n": s["n"]}
                    for s in agree
                ),
            )
        )
    disagree = _published(view.consensus_disagree, published)
    if disagree:
        material.append(
            Material(
                "",
                _("Statements nearly everyone disagrees with"),
                tuple(
                    ngettext(
                        "%(text)s (%(pct)s %% disagree, %(n)s vote)",
                        "%(text)s (%(pct)s %% disagree, %(n)s votes)",
                        s["n"],
                    )
                    % {"text": s["text"], "pct": s["disagree"], "n": s["n"]}
                    for s in disagree
                ),
            )
        )
    divisive = _published(view.divisive, published)
    if divisive:
        material.append(
            Material(
                "",
                _("Statements on which the opinion groups part"),
                tuple(
                    _(
                        "%(text)s (group %(high)s: %(high_pct)s %% agree; group %(low)s: %(low_pct)s %% agree)"
                    )
                    % {
                        "text": d["text"],
                        "high": d["high_letter"],
                        "high_pct": d["high_percent"],
                        "low": d["low_letter"],
                        "low_pct": d["low_percent"],
                    }
                    for d in divisive
                ),
            )
        )
    return material


def _published(
    rows: Iterable[dict[str, Any]], published: set[int]
) -> list[dict[str, Any]]:
    return [r for r in rows if r["text"] and int(r["id"]) in published][:PER_KIND]
