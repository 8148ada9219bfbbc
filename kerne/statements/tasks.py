"""Background tasks for statements (run by `kerne worker`)."""

from __future__ import annotations

from django_tasks import task

from kerne.statements.mapping import compute_opinion_map


@task()
def update_opinion_map(process_id: int) -> bool:
    """Recompute and store a process's opinion map; False if the process is gone."""
    return compute_opinion_map(process_id)
