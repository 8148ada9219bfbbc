"""Participation's answers to what happens in kerne.processes (connected in apps.py)."""

from __future__ import annotations

from typing import Any

from kerne.participation.services import ensure_invitations
from kerne.processes.models import Round, StakeholderGroup


def invite_round(sender: type[Round], *, round_: Round, **kwargs: Any) -> None:
    """A new round: every stakeholder group of the process gets its invitation."""
    ensure_invitations(round_)


def invite_group(
    sender: type[StakeholderGroup], *, group: StakeholderGroup, **kwargs: Any
) -> None:
    """A new stakeholder group: it gets an invitation to every round of the process."""
    for round_ in group.process.rounds.all():
        ensure_invitations(round_)
