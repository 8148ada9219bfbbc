"""Permission-checked reads of processes, rounds, questions and groups: outsiders get 404."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import Http404

from kerne.organisations.access import organisations_for
from kerne.processes.models import Process, Question, Round, StakeholderGroup


def processes_for(user: User) -> QuerySet[Process]:
    return Process.objects.filter(unit__organisation__in=organisations_for(user))


def access_process(user: User, pk: int) -> Process:
    try:
        return processes_for(user).select_related("unit__organisation").get(pk=pk)
    except Process.DoesNotExist:
        raise Http404 from None


def access_round(user: User, pk: int) -> Round:
    try:
        return Round.objects.select_related("process__unit__organisation").get(
            pk=pk, process__in=processes_for(user)
        )
    except Round.DoesNotExist:
        raise Http404 from None


def access_question(user: User, pk: int) -> Question:
    try:
        return Question.objects.select_related(
            "round__process__unit__organisation"
        ).get(pk=pk, round__process__in=processes_for(user))
    except Question.DoesNotExist:
        raise Http404 from None


def access_group(user: User, pk: int) -> StakeholderGroup:
    try:
        return StakeholderGroup.objects.select_related(
            "process__unit__organisation"
        ).get(pk=pk, process__in=processes_for(user))
    except StakeholderGroup.DoesNotExist:
        raise Http404 from None
