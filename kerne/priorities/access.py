"""Permission-checked reads of the prioritisation phase: outsiders get 404."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import Http404

from kerne.priorities.models import Initiative, RatingRound
from kerne.processes.services import processes_for


def access_initiative(user: User, pk: int) -> Initiative:
    try:
        return Initiative.objects.select_related("process__unit__organisation").get(
            pk=pk, process__in=processes_for(user)
        )
    except Initiative.DoesNotExist:
        raise Http404 from None


def access_rating_round(user: User, pk: int) -> RatingRound:
    try:
        return RatingRound.objects.select_related(
            "round__process__unit__organisation"
        ).get(pk=pk, round__process__in=processes_for(user))
    except RatingRound.DoesNotExist:
        raise Http404 from None
