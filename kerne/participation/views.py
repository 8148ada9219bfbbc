"""Participant views: no login, the invitation token in the URL is the only key.

See views_invitations.py for the facilitator's invitation tools.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from kerne.lib.http import Request, client_ip
from kerne.participation import devices, throttle
from kerne.participation.access import invitation_by_token
from kerne.participation.devices import device_respondent, remember_respondent
from kerne.participation.forms import AnswerForm, ReceiptForm
from kerne.participation.limits import RECEIPT
from kerne.participation.models import Invitation
from kerne.participation.services import (
    InvitationClosed,
    ReceiptLookupLimited,
    TooManyRespondents,
    delete_respondent,
    look_up_receipt,
    round_questions,
    save_answers,
    saved_answers,
    start_respondent,
    submit_respondent,
)
from kerne.participation.views_invitations import (
    invitation_print,
    invitation_qr,
    invitation_toggle,
)

__all__ = [
    "answer",
    "autosave",
    "invitation_print",
    "invitation_qr",
    "invitation_toggle",
    "receipt",
    "receipt_answers",
    "receipt_delete",
    "start",
    "thanks",
]


def _context(invitation: Invitation, **extra: Any) -> dict[str, Any]:
    return {
        "invitation": invitation,
        "round": invitation.round,
        "process": invitation.round.process,
        **extra,
    }


def _refuse(
    request: Request,
    invitation: Invitation,
    *,
    status: int,
    missing_respondent: bool = False,
) -> HttpResponse:
    """The polite "closed" page; a refused POST gets its answers shown back to copy."""
    posted = []
    if request.method == "POST":
        form = AnswerForm(round_questions(invitation.round), request.POST, partial=True)
        posted = [item for item in form.items() if item.value.strip()]
    return render(
        request,
        "participation/closed.html",
        _context(invitation, posted=posted, missing_respondent=missing_respondent),
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def start(request: Request, token: str) -> HttpResponse:
    invitation = invitation_by_token(token)
    if not invitation.is_accepting_answers():
        return _refuse(
            request, invitation, status=409 if request.method == "POST" else 200
        )
    respondent = device_respondent(request, invitation)
    if request.method == "POST":
        if respondent is None:
            try:
                respondent = start_respondent(invitation, client=client_ip(request))
            except InvitationClosed:  # closed since the check above
                return _refuse(request, invitation, status=409)
            except TooManyRespondents:
                return throttle.respondents_limited(request)
        response = redirect("participation:answer", token)
        remember_respondent(response, invitation, respondent)
        return response
    return render(
        request,
        "participation/start.html",
        _context(
            invitation,
            respondent=respondent,
            question_count=invitation.round.questions.count(),
        ),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: Request, token: str) -> HttpResponse:
    invitation = invitation_by_token(token)
    if not invitation.is_accepting_answers():
        return _refuse(
            request, invitation, status=409 if request.method == "POST" else 200
        )
    respondent = device_respondent(request, invitation)
    if respondent is None:
        if request.method == "POST":
            return _refuse(request, invitation, status=403, missing_respondent=True)
        return redirect("participation:start", token)
    questions = round_questions(invitation.round)
    saved = saved_answers(respondent)
    if request.method == "POST":
        form = AnswerForm(questions, request.POST, saved=saved)
        valid = form.is_valid()
        # Keep whatever is valid even when something else is not: nothing written is lost.
        save_answers(respondent, form.values())
        if valid:
            submit_respondent(respondent)
            return redirect("participation:thanks", token)
        status = 400
    else:
        form = AnswerForm(questions, saved=saved)
        status = 200
    return render(
        request,
        "participation/answer.html",
        _context(invitation, respondent=respondent, form=form, items=form.items()),
        status=status,
    )


@never_cache
@require_http_methods(["POST"])
def autosave(request: Request, token: str) -> HttpResponse:
    """Save the one answer an htmx field sends, without submitting."""
    invitation = invitation_by_token(token)
    template = "participation/answer.html#saved_status"
    if not invitation.is_accepting_answers():
        return render(request, template, {"closed": True}, status=409)
    respondent = device_respondent(request, invitation)
    if respondent is None:
        return render(request, template, {"lost": True}, status=403)
    form = AnswerForm(round_questions(invitation.round), request.POST, partial=True)
    if not form.is_valid():
        return render(request, template, {"error": form.first_error()}, status=400)
    save_answers(respondent, form.values())
    return render(request, template, {"saved": True})


@never_cache
@require_GET
def thanks(request: Request, token: str) -> HttpResponse:
    invitation = invitation_by_token(token)
    respondent = device_respondent(request, invitation)
    if respondent is None:
        return redirect("participation:start", token)
    if not respondent.submitted:
        return redirect("participation:answer", token)
    return render(
        request,
        "participation/thanks.html",
        _context(
            invitation,
            respondent=respondent,
            is_open=invitation.is_accepting_answers(),
        ),
    )


def _client_keys(request: Request) -> list[str]:
    """What failed receipt lookups are counted against: the client's address.

    Not a session: a guesser simply drops its cookies, and saving one for every
    anonymous visitor would leave a row per guess.
    """
    return [f"ip:{client_ip(request)}"]


@never_cache
@require_http_methods(["GET", "POST"])
def receipt(request: Request) -> HttpResponse:
    form = ReceiptForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                respondent = look_up_receipt(
                    form.cleaned_data["code"], limit_keys=_client_keys(request)
                )
            except ReceiptLookupLimited:
                form.add_error("code", _limited_message())
                status = 429
            else:
                if respondent is not None:
                    found = redirect("participation:receipt_answers")
                    devices.remember_receipt(found, respondent)
                    return found
                form.add_error("code", _unknown_message())
    response = render(
        request, "participation/receipt.html", {"form": form}, status=status
    )
    if status == 429:
        response["Retry-After"] = str(RECEIPT.window)
    return response


def _limited_message() -> str:
    return _(
        "You have typed too many wrong codes. Please wait ten minutes and try again."
    )


def _unknown_message() -> str:
    return _("We found no answers with that code. Check the code and try again.")


@never_cache
@require_GET
def receipt_answers(request: Request) -> HttpResponse:
    respondent = devices.receipt_respondent(request)
    if respondent is None:
        return redirect("participation:receipt")
    saved = saved_answers(respondent)
    rows = [(q, saved.get(q.pk)) for q in round_questions(respondent.round)]
    return render(
        request,
        "participation/receipt_answers.html",
        {
            "respondent": respondent,
            "round": respondent.round,
            "process": respondent.round.process,
            "rows": rows,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def receipt_delete(request: Request) -> HttpResponse:
    respondent = devices.receipt_respondent(request)
    if respondent is None:
        # Never looked up, already deleted (a second click), or the half hour ran out.
        return redirect("participation:receipt")
    if request.method == "POST":
        delete_respondent(respondent)
        response = render(request, "participation/receipt_deleted.html")
        devices.forget_receipt(response)
        return response
    return render(
        request,
        "participation/receipt_delete.html",
        {"respondent": respondent, "process": respondent.round.process},
    )
