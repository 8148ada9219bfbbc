"""Background tasks for processes (run by `kerne worker`)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from kerne.processes import services  # services imports this module too
from kerne.processes.models import Round


@task()
def close_round_when_due(round_id: int) -> bool:
    """Close an open round whose closing time has passed; True if it closed it."""
    round_ = Round.objects.filter(pk=round_id, status=Round.Status.OPEN).first()
    if round_ is None or round_.closes_at is None or round_.closes_at > timezone.now():
        # Reopened, closed by hand, or given a later time: that change enqueued its own task.
        return False
    services.close_round(round_)
    return True
