"""Background tasks for the analysis (run by `kerne worker`)."""

from __future__ import annotations

from django_tasks import task

from kerne.processes.models import Round
from kerne.themes import services  # services imports this module too


@task()
def run_round_analysis(round_id: int) -> str:
    """Theme the round's open answers and store the result; returns the final status."""
    round_ = Round.objects.select_related("process__unit").filter(pk=round_id).first()
    if round_ is None:
        return "missing"
    return services.run_analysis(round_).status
