"""Pairwise prioritisation: the facilitator's round page, and the participant's pairs.

Participants come in through their group's invitation link of the pairwise round,
at /s/<token>/parvis/: the respondent cookie's path (/s/<token>/) covers it, so a
person is one respondent here as in the questionnaire. Every page works as plain
forms without JavaScript; with it, htmx swaps only the pair card after a choice.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from kerne.lib.http import AuthedRequest, Request, client_ip
from kerne.participation import throttle
from kerne.participation.access import invitation_by_token
from kerne.participation.devices import device_respondent, remember_respondent
from kerne.participation.models import Invitation, Respondent
from kerne.participation.services import (
    InvitationClosed,
    TooManyRespondents,
    start_respondent,
)
from kerne.priorities import exports
from kerne.priorities.access import (
    access_pairwise_item,
    access_pairwise_round,
    pairwise_for_invitation,
)
from kerne.priorities.forms import CompareForm, PairwiseSettingsForm, SuggestForm
from kerne.priorities.models import PairwiseItem, PairwiseRound
from kerne.priorities.pages_pairwise import (
    pairwise_page,
    pairwise_results,
    vote_page,
)
from kerne.priorities.services import (
    MAX_SUGGESTIONS_PER_RESPONDENT,
    DuplicateInitiative,
    DuplicateItem,
    ItemNotInPairs,
    NotPending,
    SuggestionsClosed,
    TooFewInitiatives,
    TooManySuggestions,
    create_pairwise_round,
    moderate_item,
    record_comparison,
    suggest_item,
)
from kerne.processes.access import access_process
from kerne.processes.services import (
    RoundAlreadyOpen,
    RoundNotOpen,
    close_round,
    open_round,
)

# ---------------------------------------------------------------- facilitator


@require_POST
@login_required
def create_pairwise(request: AuthedRequest, pk: int) -> HttpResponse:
    process_ = access_process(request.user, pk)
    form = PairwiseSettingsForm(request.POST)
    may_suggest = form.is_valid() and form.cleaned_data["participants_may_suggest"]
    try:
        pairwise = create_pairwise_round(
            process_, by=request.user, participants_may_suggest=may_suggest
        )
    except TooFewInitiatives:
        messages.error(
            request, _("Add at least two initiatives before a pairwise round.")
        )
        return redirect("priorities:process", process_.pk)
    messages.success(
        request,
        _("The pairwise round has been created. Open it and share the links."),
    )
    return redirect(pairwise)


@require_GET
@login_required
def pairwise(request: AuthedRequest, pk: int) -> HttpResponse:
    pairwise_round = access_pairwise_round(request.user, pk)
    context = {
        "page": pairwise_page(pairwise_round),
        "site_root": request.build_absolute_uri("/").rstrip("/"),
    }
    return render(request, "priorities/pairwise.html", context)


@require_POST
@login_required
def pairwise_open(request: AuthedRequest, pk: int) -> HttpResponse:
    pairwise_round = access_pairwise_round(request.user, pk)
    try:
        open_round(pairwise_round.round, needs_questions=False)
    except RoundAlreadyOpen:
        messages.error(request, _("The round is already open."))
    else:
        messages.success(
            request, _("The round is open. Share the invitation links below.")
        )
    return redirect(pairwise_round)


@require_POST
@login_required
def pairwise_close(request: AuthedRequest, pk: int) -> HttpResponse:
    pairwise_round = access_pairwise_round(request.user, pk)
    try:
        close_round(pairwise_round.round)
    except RoundNotOpen:
        messages.error(request, _("The round is not open."))
    else:
        messages.success(request, _("The round is closed."))
    return redirect(pairwise_round)


@require_POST
@login_required
def pairwise_moderate(request: AuthedRequest, pk: int) -> HttpResponse:
    item = access_pairwise_item(request.user, pk)
    action = request.POST.get("action")
    if action not in ("approve", "reject"):
        messages.error(request, _("Choose approve or reject."))
        return redirect(item.pairwise_round)
    try:
        moderate_item(item, approve=action == "approve", by=request.user)
    except NotPending:
        messages.error(request, _("The suggestion has been dealt with already."))
    except DuplicateInitiative:
        messages.error(
            request,
            _(
                "“%(title)s” is on the list of initiatives already. Reject the suggestion."
            )
            % {"title": item.title},
        )
    else:
        messages.success(
            request,
            _("The suggestion is now in the pairs.")
            if action == "approve"
            else _("The suggestion has been rejected."),
        )
    return redirect(item.pairwise_round)


@require_GET
@login_required
def pairwise_csv(request: AuthedRequest, pk: int) -> HttpResponse:
    """The results page's figures, one row per initiative and group, same anonymity."""
    pairwise_round = access_pairwise_round(request.user, pk)
    sheet = exports.pairwise_sheet(pairwise_results(pairwise_round))
    return exports.csv_response(sheet, f"kerne-parvis-{pairwise_round.pk}.csv")


@require_GET
@login_required
def pairwise_xlsx(request: AuthedRequest, pk: int) -> HttpResponse:
    pairwise_round = access_pairwise_round(request.user, pk)
    sheet = exports.pairwise_sheet(pairwise_results(pairwise_round))
    return exports.xlsx_response([sheet], f"kerne-parvis-{pairwise_round.pk}.xlsx")


# ---------------------------------------------------------------- participants


def _context(
    invitation: Invitation, pairwise_round: PairwiseRound, **extra: Any
) -> dict[str, Any]:
    return {
        "invitation": invitation,
        "pairwise": pairwise_round,
        "process": invitation.round.process,
        **extra,
    }


def _vote_context(
    invitation: Invitation,
    pairwise_round: PairwiseRound,
    respondent: Respondent | None,
    **extra: Any,
) -> dict[str, Any]:
    context = _context(invitation, pairwise_round, respondent=respondent, **extra)
    if respondent is not None:
        # Fresh entropy on every page: the pair among equally good ones is a draw.
        context["vote"] = vote_page(pairwise_round, respondent, np.random.default_rng())
        context.setdefault("suggest_form", SuggestForm())
    return context


def _closed(
    request: Request, invitation: Invitation, pairwise_round: PairwiseRound
) -> HttpResponse:
    status = 409 if request.method == "POST" else 200
    return render(
        request,
        "priorities/pairwise_closed.html",
        _context(invitation, pairwise_round),
        status=status,
    )


def _lost(
    request: Request, invitation: Invitation, pairwise_round: PairwiseRound
) -> HttpResponse:
    return render(
        request,
        "priorities/pairwise_closed.html",
        _context(invitation, pairwise_round, lost=True),
        status=403,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def pairwise_vote(request: Request, token: str) -> HttpResponse:
    """A start button first, then one pair at a time; POST starts the respondent."""
    invitation = invitation_by_token(token)
    pairwise_round = pairwise_for_invitation(invitation)
    if not invitation.is_accepting_answers():
        return _closed(request, invitation, pairwise_round)
    respondent = device_respondent(request, invitation)
    if request.method == "POST":
        if respondent is None:
            try:
                respondent = start_respondent(invitation, client=client_ip(request))
            except InvitationClosed:  # closed since the check above
                return _closed(request, invitation, pairwise_round)
            except TooManyRespondents:
                return throttle.respondents_limited(request)
        response = redirect("priorities:pairwise_vote", token)
        remember_respondent(response, invitation, respondent)
        return response
    return render(
        request,
        "priorities/pairwise_vote.html",
        _vote_context(invitation, pairwise_round, respondent),
    )


@never_cache
@require_POST
def pairwise_cast(request: Request, token: str) -> HttpResponse:
    """Store one choice, then show the next pair (htmx: the card only) or the page again."""
    invitation = invitation_by_token(token)
    pairwise_round = pairwise_for_invitation(invitation)
    if not invitation.is_accepting_answers():
        return _refused(request, token, _closed(request, invitation, pairwise_round))
    respondent = device_respondent(request, invitation)
    if respondent is None:
        return _refused(request, token, _lost(request, invitation, pairwise_round))
    form = CompareForm(request.POST)
    items: dict[int, PairwiseItem] = {}
    if form.is_valid():
        ids = [form.cleaned_data["first"], form.cleaned_data["second"]]
        items = {i.pk: i for i in pairwise_round.items.filter(pk__in=ids)}
    if len(items) != 2:
        messages.warning(request, _stale_pair_message())
        return _refused(request, token, redirect("priorities:pairwise_vote", token))
    choice = form.cleaned_data["choice"]
    try:
        record_comparison(
            respondent,
            first=items[form.cleaned_data["first"]],
            second=items[form.cleaned_data["second"]],
            winner=None if choice == "none" else items[int(choice)],
        )
    except ItemNotInPairs:
        # Withdrawn by the facilitator since it was shown, or a forged form: move on.
        messages.warning(request, _stale_pair_message())
        return _refused(request, token, redirect("priorities:pairwise_vote", token))
    except InvitationClosed:
        return _refused(request, token, _closed(request, invitation, pairwise_round))
    if request.htmx:
        context = _context(
            invitation,
            pairwise_round,
            just_voted=True,
            vote=vote_page(pairwise_round, respondent, np.random.default_rng()),
        )
        return render(request, "priorities/pairwise_vote.html#card", context)
    messages.success(request, _("Your choice has been saved. Here is the next pair."))
    return redirect("priorities:pairwise_vote", token)


def _stale_pair_message() -> str:
    return _("That pair can no longer be chosen. Here is a new one.")


def _refused(request: Request, token: str, response: HttpResponse) -> HttpResponse:
    """htmx swaps only the card: for anything else, the whole page goes to the vote page."""
    if request.htmx:
        return HttpResponseClientRedirect(
            reverse("priorities:pairwise_vote", args=[token])
        )
    return response


@never_cache
@require_POST
def pairwise_suggest(request: Request, token: str) -> HttpResponse:
    invitation = invitation_by_token(token)
    pairwise_round = pairwise_for_invitation(invitation)
    if not invitation.is_accepting_answers():
        return _closed(request, invitation, pairwise_round)
    respondent = device_respondent(request, invitation)
    if respondent is None:
        return _lost(request, invitation, pairwise_round)
    form = SuggestForm(request.POST)
    if form.is_valid():
        try:
            suggest_item(pairwise_round, respondent, title=form.cleaned_data["title"])
        except SuggestionsClosed:
            messages.error(request, _("This round does not take suggestions."))
            return redirect("priorities:pairwise_vote", token)
        except DuplicateItem:
            form.add_error("title", _("That initiative is in the round already."))
        except TooManySuggestions:
            form.add_error(
                "title",
                _(
                    "You have made %(n)s suggestions, which is as many as one participant can. Thank you for them."
                )
                % {"n": MAX_SUGGESTIONS_PER_RESPONDENT},
            )
        else:
            messages.success(
                request,
                _(
                    "Thank you. Your suggestion enters the pairs when the facilitator has approved it."
                ),
            )
            return redirect("priorities:pairwise_vote", token)
    return render(
        request,
        "priorities/pairwise_vote.html",
        _vote_context(invitation, pairwise_round, respondent, suggest_form=form),
        status=400,
    )
