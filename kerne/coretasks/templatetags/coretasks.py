from __future__ import annotations

from typing import Any

from django import template

from kerne.coretasks import services
from kerne.processes.models import Process

register = template.Library()


@register.inclusion_tag("coretasks/_process_panel.html")
def coretask_panel(process: Process) -> dict[str, Any]:
    """The process dashboard's core-task box: drafts, results, and "time to revisit"."""
    current = services.current_adoption(process.unit)
    return {
        "process": process,
        "latest": services.latest_version(process),
        "current": current,
        "review": services.review_state(current) if current else None,
        "qualifications": services.qualifications_of(process),
    }
