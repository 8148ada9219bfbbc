"""`{% has_statements process as x %}`: lets other apps' pages link to voting."""

from __future__ import annotations

from django import template

from kerne.processes.models import Process
from kerne.statements.models import Statement

register = template.Library()


@register.simple_tag
def has_statements(process: Process) -> bool:
    return Statement.objects.published().filter(process=process).exists()
