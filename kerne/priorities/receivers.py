"""What the prioritisation phase does when a process changes (processes.signals)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kerne.priorities import tasks
from kerne.priorities.models import PairwiseRound
from kerne.processes.models import Round


def score_closed_round(sender: type[Round], *, round_: Round, **kwargs: Any) -> None:
    """A pairwise round closed: the worker fits its scores once the close commits."""
    pk = PairwiseRound.objects.filter(round=round_).values_list("pk", flat=True).first()
    if pk is not None:
        transaction.on_commit(lambda: tasks.store_pairwise_scores.enqueue(pk))
