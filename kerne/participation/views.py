"""Participant views; see views_invitations.py for the facilitator's invitation tools."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from kerne.participation.views_invitations import (
    invitation_print,
    invitation_qr,
    invitation_toggle,
)

__all__ = ["invitation_print", "invitation_qr", "invitation_toggle"]


def start(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


answer = autosave = thanks = start


def receipt(request: HttpRequest) -> HttpResponse:
    raise Http404


receipt_answers = receipt_delete = receipt
