"""Permission-checked reads of invitations and respondents.

By user (404 for outsiders), or by the secret token or receipt code that is the
participant's only key.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import Http404

from kerne.participation.models import (
    Invitation,
    Respondent,
    normalise_receipt_code,
)
from kerne.processes.access import processes_for


def access_invitation(user: User, pk: int) -> Invitation:
    try:
        return Invitation.objects.select_related(
            "round__process__unit__organisation", "group"
        ).get(pk=pk, round__process__in=processes_for(user))
    except Invitation.DoesNotExist:
        raise Http404 from None


def invitation_by_token(token: str) -> Invitation:
    """The participant's way in: the token is the only credential."""
    try:
        return Invitation.objects.select_related("round__process__unit", "group").get(
            token=token
        )
    except Invitation.DoesNotExist:
        raise Http404 from None


def respondent_by_receipt(code: str) -> Respondent | None:
    code = normalise_receipt_code(code)
    if not code:
        return None
    return (
        Respondent.objects.select_related("round__process__unit", "group", "invitation")
        .filter(receipt_code=code)
        .first()
    )


def respondent_for_invitation(invitation: Invitation, code: str) -> Respondent | None:
    """The respondent whose receipt code this device holds, if it belongs to the link."""
    if not code:
        return None
    return Respondent.objects.filter(invitation=invitation, receipt_code=code).first()
