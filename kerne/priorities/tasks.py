"""Background tasks of the prioritisation phase (run by `kerne worker`)."""

from __future__ import annotations

from django_tasks import task

from kerne.priorities import services
from kerne.priorities.models import PairwiseRound


@task()
def store_pairwise_scores(pairwise_id: int) -> str:
    """Fit and store a closed pairwise round's scores; returns what happened."""
    pairwise = (
        PairwiseRound.objects.select_related("round__process")
        .filter(pk=pairwise_id)
        .first()
    )
    if pairwise is None:
        return "missing"
    try:
        services.store_pairwise_scores(pairwise)
    except services.RoundStillOpen:  # reopened before the worker came to it
        return "open"
    return "stored"
