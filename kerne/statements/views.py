"""Statement views: the facilitator's list, moderation and map; the participant's voting.

Participants reach voting through their invitation link; the respondent is the
same signed cookie the questionnaire uses, so one person is one respondent.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kerne.lib.http import AuthedRequest, Request, client_ip
from kerne.lib.pages import as_context
from kerne.participation import throttle
from kerne.participation.access import invitation_by_token
from kerne.participation.devices import (
    device_receipt_code,
    device_respondent,
    remember_respondent,
)
from kerne.participation.models import Invitation, Respondent
from kerne.participation.services import (
    InvitationClosed,
    TooManyRespondents,
    start_respondent,
)
from kerne.processes.access import access_process
from kerne.statements import access, pages, services, themes
from kerne.statements.forms import (
    ParticipantStatementForm,
    StatementForm,
    StatementSettingsForm,
    VoteForm,
)
from kerne.statements.models import Statement

# ---------------------------------------------------------------- facilitator


@login_required
@require_GET
def statement_list(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    page = pages.list_page(process)
    return render(request, "statements/list.html", as_context(page))


@login_required
@require_POST
def statement_add(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    form = StatementForm(request.POST, process=process)
    if form.is_valid():
        services.add_statement(process, text=form.cleaned_data["text"], by=request.user)
        messages.success(request, _("The statement has been published."))
        return redirect("statements:list", process.pk)
    page = pages.list_page(process, form=form)
    return render(request, "statements/list.html", as_context(page), status=400)


@login_required
@require_POST
def statement_from_theme(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    theme = themes.theme_text(process, request.POST.get("theme", ""))
    if theme is None:
        messages.error(request, _("The theme was not found."))
    else:
        form = StatementForm({"text": theme}, process=process)
        if form.is_valid():
            services.add_statement(
                process,
                text=form.cleaned_data["text"],
                by=request.user,
                origin=Statement.Origin.THEME,
                publish=False,
            )
            messages.success(
                request,
                _(
                    "The theme is waiting below as a statement. Word it as a statement, then publish it."
                ),
            )
        else:
            messages.error(request, _("This statement is already there."))
    return redirect("statements:list", process.pk)


@login_required
@require_POST
def statement_settings(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    form = StatementSettingsForm(request.POST, instance=services.settings_for(process))
    if form.is_valid():
        services.update_statement_settings(process, **form.cleaned_data)
        messages.success(request, _("The settings have been saved."))
    return redirect("statements:list", process.pk)


@login_required
@require_POST
def statement_moderate(request: AuthedRequest, pk: int) -> HttpResponse:
    statement = access.access_statement(request.user, pk)
    action = request.POST.get("action")
    status = {
        "approve": Statement.Status.PUBLISHED,
        "reject": Statement.Status.REJECTED,
    }.get(action or "")
    if status is None:
        messages.error(request, _("Choose approve or reject."))
    else:
        services.moderate_statement(statement, status=status, by=request.user)
        messages.success(
            request,
            _("The statement has been published.")
            if status == Statement.Status.PUBLISHED
            else _("The statement has been rejected."),
        )
    return redirect("statements:list", statement.process_id)


@login_required
@require_http_methods(["GET", "POST"])
def statement_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    statement = access.access_statement(request.user, pk)
    form = StatementForm(
        request.POST or None,
        process=statement.process,
        editing=statement,
        initial={"text": statement.text},
    )
    if request.method == "POST" and form.is_valid():
        services.moderate_statement(
            statement,
            status=Statement.Status.PUBLISHED,
            by=request.user,
            text=form.cleaned_data["text"],
        )
        messages.success(request, _("The statement has been saved and published."))
        return redirect("statements:list", statement.process_id)
    page = pages.edit_page(statement, form)
    return render(
        request,
        "statements/edit.html",
        as_context(page),
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def opinion_map(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    page = pages.map_page(process)
    template = "statements/map.html#map" if request.htmx else "statements/map.html"
    return render(request, template, page.context())


@login_required
@require_POST
def opinion_map_refresh(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    services.opinion_map_for(process)
    services.schedule_map_update(process.pk)
    messages.info(request, _("The map is being updated. It takes a few seconds."))
    return redirect("statements:map", process.pk)


# ---------------------------------------------------------------- participants


def _respondent(request: Request, invitation: Invitation) -> Respondent | None:
    """The device's respondent, sharing the invitation's round so a vote needs no lookup of it."""
    respondent = device_respondent(request, invitation)
    if respondent is not None and respondent.round_id == invitation.round_id:
        respondent.invitation = invitation
        respondent.round = invitation.round
    return respondent


def _vote_respondent(request: Request, invitation: Invitation) -> Respondent | None:
    """As _respondent, with the lean queries of a vote."""
    respondent = services.respondent_for_vote(
        invitation, device_receipt_code(request, invitation)
    )
    if respondent is not None and respondent.round_id == invitation.round_id:
        respondent.invitation = invitation
        respondent.round = invitation.round
    return respondent


def _closed(request: Request, invitation: Invitation) -> HttpResponse:
    status = 409 if request.method == "POST" else 200
    context = as_context(pages.link_page(invitation))
    if request.htmx:
        return render(
            request, "statements/vote.html#closed_card", context, status=status
        )
    return render(request, "statements/closed.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def vote(request: Request, token: str) -> HttpResponse:
    """The voting page: a start button first, then one statement at a time."""
    invitation = invitation_by_token(token)
    if not invitation.is_accepting_answers():
        return _closed(request, invitation)
    respondent = _respondent(request, invitation)
    if request.method == "POST":
        if respondent is None:
            try:
                respondent = start_respondent(invitation, client=client_ip(request))
            except InvitationClosed:  # closed since the check above
                return _closed(request, invitation)
            except TooManyRespondents:
                return throttle.respondents_limited(request)
        response = redirect("statements:vote", token)
        remember_respondent(response, invitation, respondent)
        return response
    page = pages.vote_page(invitation, respondent)
    return render(request, "statements/vote.html", page.context())


@never_cache
@require_POST
def cast(request: Request, token: str) -> HttpResponse:
    """Store one vote, then show the next statement (htmx) or go back to the page."""
    invitation = services.invitation_for_vote(token)
    if not invitation.is_accepting_answers():
        return _closed(request, invitation)
    respondent = _vote_respondent(request, invitation)
    if respondent is None:
        return render(
            request,
            "statements/lost.html",
            as_context(pages.link_page(invitation)),
            status=403,
        )
    form = VoteForm(request.POST)
    statement = None
    if form.is_valid():
        statement = services.published_statement(
            invitation.round.process_id, form.cleaned_data["statement"]
        )
    if statement is None:
        # Withdrawn by the moderator since it was shown, or a forged form: move on.
        messages.warning(request, _("That statement can no longer be voted on."))
        return redirect("statements:vote", token)
    services.cast_vote(respondent, statement, form.cleaned_data["vote"])
    if request.POST.get("next") == "mine":
        messages.success(request, _("Your vote has been changed."))
        return redirect("statements:mine", token)
    if request.htmx:
        # Only the card: the page's settings and writing form are not re-rendered.
        context = {
            "invitation": invitation,
            "just_voted": True,
            **as_context(pages.card(respondent)),
        }
        return render(request, "statements/vote.html#card", context)
    messages.success(request, _("Your vote has been saved."))
    return redirect("statements:vote", token)


@never_cache
@require_POST
def write(request: Request, token: str) -> HttpResponse:
    invitation = invitation_by_token(token)
    if not invitation.is_accepting_answers():
        return _closed(request, invitation)
    respondent = _respondent(request, invitation)
    process = invitation.round.process
    if respondent is None:
        return render(
            request,
            "statements/lost.html",
            as_context(pages.link_page(invitation)),
            status=403,
        )
    form = ParticipantStatementForm(request.POST, process=process)
    if form.is_valid():
        try:
            statement = services.submit_statement(
                respondent, text=form.cleaned_data["text"]
            )
        except services.WritingClosed:
            messages.error(
                request, _("New statements are not accepted in this process.")
            )
            return redirect("statements:vote", token)
        except services.TooManyStatements:
            form.add_error(
                "text",
                _(
                    "You have written %(n)s statements, which is as many as one participant can. Thank you for them."
                )
                % {"n": services.MAX_STATEMENTS_PER_RESPONDENT},
            )
        else:
            messages.success(
                request,
                _(
                    "Thank you. Your statement will be shown to others when it has been approved."
                )
                if statement.status == Statement.Status.PENDING
                else _("Thank you. Your statement is now shown to others."),
            )
            return redirect("statements:vote", token)
    page = pages.vote_page(invitation, respondent, write_form=form)
    return render(request, "statements/vote.html", page.context(), status=400)


@never_cache
@require_GET
def mine(request: Request, token: str) -> HttpResponse:
    """The participant's own votes, each one changeable."""
    invitation = invitation_by_token(token)
    respondent = _respondent(request, invitation)
    if respondent is None:
        return redirect("statements:vote", token)
    page = pages.mine_page(invitation, respondent)
    return render(request, "statements/mine.html", as_context(page))
