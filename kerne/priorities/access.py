"""Permission-checked reads of the prioritisation phase: outsiders get 404."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import Http404
from django.urls import reverse

from kerne.participation.models import Invitation
from kerne.priorities.models import (
    CompetenceRound,
    Initiative,
    PairwiseItem,
    PairwiseRound,
    RatingRound,
)
from kerne.processes.access import processes_for
from kerne.processes.models import Round


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


def access_pairwise_round(user: User, pk: int) -> PairwiseRound:
    try:
        return PairwiseRound.objects.select_related(
            "round__process__unit__organisation"
        ).get(pk=pk, round__process__in=processes_for(user))
    except PairwiseRound.DoesNotExist:
        raise Http404 from None


def access_pairwise_item(user: User, pk: int) -> PairwiseItem:
    try:
        return PairwiseItem.objects.select_related(
            "pairwise_round__round__process__unit"
        ).get(pk=pk, pairwise_round__round__process__in=processes_for(user))
    except PairwiseItem.DoesNotExist:
        raise Http404 from None


def pairwise_for_invitation(invitation: Invitation) -> PairwiseRound:
    """The participant's way in: the invitation's round must be a pairwise round."""
    try:
        pairwise = PairwiseRound.objects.get(round_id=invitation.round_id)
    except PairwiseRound.DoesNotExist:
        raise Http404 from None
    pairwise.round = invitation.round
    return pairwise


def access_competence_round(user: User, pk: int) -> CompetenceRound:
    try:
        return CompetenceRound.objects.select_related(
            "round__process__unit__organisation"
        ).get(pk=pk, round__process__in=processes_for(user))
    except CompetenceRound.DoesNotExist:
        raise Http404 from None


def pairwise_url(round_: Round) -> str | None:
    """The pairwise page of a round already fetched through access_round, if it is one."""
    pk = PairwiseRound.objects.filter(round=round_).values_list("pk", flat=True).first()
    return None if pk is None else reverse("priorities:pairwise", args=[pk])
