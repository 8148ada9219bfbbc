"""Which respondent a device is: a signed cookie per invitation holding the receipt code.

Shared by the questionnaire and the statement voting, which use the same link.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from kerne.participation.access import respondent_by_receipt, respondent_for_invitation
from kerne.participation.models import Invitation, Respondent

COOKIE_SALT = "kerne.participation.respondent"
COOKIE_MAX_AGE = 180 * 24 * 60 * 60
COOKIE_PREFIX = "kerne_r_"


def cookie_name(invitation: Invitation) -> str:
    return f"{COOKIE_PREFIX}{invitation.pk}"


def device_receipt_code(request: HttpRequest, invitation: Invitation) -> str:
    """The receipt code this device holds for the invitation, or "" if none (or tampered)."""
    code = request.get_signed_cookie(
        cookie_name(invitation), default="", salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE
    )
    return code or ""


def device_respondent(
    request: HttpRequest, invitation: Invitation
) -> Respondent | None:
    """The respondent this device started for the invitation."""
    return respondent_for_invitation(
        invitation, device_receipt_code(request, invitation)
    )


def remember_respondent(
    response: HttpResponse, invitation: Invitation, respondent: Respondent
) -> None:
    response.set_signed_cookie(
        cookie_name(invitation),
        respondent.receipt_code,
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        path=reverse("participation:start", args=[invitation.token]),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


# After a receipt lookup the answers are unlocked on that device for a short while only
# (devices get shared). The unlock is a signed cookie holding the code, not a session row:
# the server keeps no record, and no clock time, beside the respondent.
RECEIPT_COOKIE = "kerne_receipt"
RECEIPT_SALT = "kerne.participation.receipt"
RECEIPT_MAX_AGE = 30 * 60


def receipt_respondent(request: HttpRequest) -> Respondent | None:
    """The respondent whose receipt code this device typed in the last half hour."""
    code = request.get_signed_cookie(
        RECEIPT_COOKIE, default="", salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE
    )
    return respondent_by_receipt(code) if code else None


def remember_receipt(response: HttpResponse, respondent: Respondent) -> None:
    response.set_signed_cookie(
        RECEIPT_COOKIE,
        respondent.receipt_code,
        salt=RECEIPT_SALT,
        max_age=RECEIPT_MAX_AGE,
        path=reverse("participation:receipt"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


def forget_receipt(response: HttpResponse) -> None:
    response.delete_cookie(
        RECEIPT_COOKIE, path=reverse("participation:receipt"), samesite="Strict"
    )
