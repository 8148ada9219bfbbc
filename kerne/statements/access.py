"""Permission-checked reads of statements: outsiders get 404."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import Http404

from kerne.processes.access import processes_for
from kerne.statements.models import (
    Statement,
)


def access_statement(user: User, pk: int) -> Statement:
    try:
        return Statement.objects.select_related("process__unit__organisation").get(
            pk=pk, process__in=processes_for(user)
        )
    except Statement.DoesNotExist:
        raise Http404 from None
