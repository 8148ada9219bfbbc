"""What the prioritisation phase does when a process changes (processes.signals)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kerne.participation.services import set_invitation_state
from kerne.priorities import tasks
from kerne.priorities.models import PairwiseRound
from kerne.processes.models import Round, StakeholderGroup


def score_closed_round(sender: type[Round], *, round_: Round, **kwargs: Any) -> None:
    """A pairwise round closed: the worker fits its scores once the close commits."""
    pk = PairwiseRound.objects.filter(round=round_).values_list("pk", flat=True).first()
    if pk is not None:
        transaction.on_commit(lambda: tasks.store_pairwise_scores.enqueue(pk))


def close_self_assessment_to_outsiders(
    sender: type[StakeholderGroup], *, group: StakeholderGroup, **kwargs: Any
) -> None:
    """A group outside the workplace added later gets no working self-assessment link.

    Participation's receiver has just given the new group an invitation to every
    round of the process; only the inside groups assess their competences.
    """
    if group.side != StakeholderGroup.Side.OUTSIDE:
        return
    for invitation in group.invitations.filter(
        round__competence_assessment__isnull=False, is_active=True
    ):
        set_invitation_state(invitation, is_active=False)
