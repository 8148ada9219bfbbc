"""Permission-checked reads of core-task versions, qualification rounds, "ikke
kerneopgave" and the public page: outsiders get 404."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import Http404

from kerne.coretasks.models import (
    Adoption,
    NotCoreTask,
    PublicPage,
    QualificationRound,
    Version,
)
from kerne.organisations.access import organisations_for
from kerne.processes.access import processes_for


def versions_for(user: User) -> QuerySet[Version]:
    return Version.objects.filter(process__in=processes_for(user))


def access_version(user: User, pk: int) -> Version:
    try:
        return (
            versions_for(user).select_related("process__unit__organisation").get(pk=pk)
        )
    except Version.DoesNotExist:
        raise Http404 from None


def access_qualification(user: User, pk: int) -> QualificationRound:
    try:
        return QualificationRound.objects.select_related(
            "round__process__unit__organisation", "version"
        ).get(pk=pk, round__process__in=processes_for(user))
    except QualificationRound.DoesNotExist:
        raise Http404 from None


def access_not_core_task(user: User, pk: int) -> NotCoreTask:
    try:
        return NotCoreTask.objects.select_related("unit__organisation").get(
            pk=pk, unit__organisation__in=organisations_for(user)
        )
    except NotCoreTask.DoesNotExist:
        raise Http404 from None


def public_page_by_token(token: str) -> PublicPage:
    """The public page's way in: the token is the only key, and only once adopted."""
    page = PublicPage.objects.select_related("unit__organisation").filter(token=token)
    found = page.first()
    if found is None or not Adoption.objects.filter(unit=found.unit).exists():
        raise Http404
    return found
