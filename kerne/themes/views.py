"""Shared understanding: the round's themes, diffusion, gaps, approach and naming, and theme edits."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kerne.lib.http import AuthedRequest
from kerne.lib.pages import as_context
from kerne.processes.models import Question
from kerne.themes import access, pages, services
from kerne.themes.forms import (
    DeleteForm,
    MergeForm,
    MoveForm,
    SplitForm,
    ThemeForm,
)
from kerne.themes.models import QuestionAnalysis
from kerne.themes.results import EditError

BUSY = gettext_lazy("The analysis is running. Try again when it is done.")
NOT_SHOWN = gettext_lazy("Choose among the answers shown.")


@login_required
@require_GET
def round_analysis(request: AuthedRequest, pk: int) -> HttpResponse:
    round_, analysis = access.access_analysis(request.user, pk)
    page = pages.round_page(round_, analysis)
    return render(request, "themes/round.html", as_context(page))


@login_required
@require_GET
def status(request: AuthedRequest, pk: int) -> HttpResponse:
    """The analysis's progress; polled by htmx while it waits or runs."""
    round_, analysis = access.access_analysis(request.user, pk)
    page = pages.status_page(round_, analysis)
    return render(request, "themes/round.html#status", as_context(page))


@login_required
@require_POST
def run(request: AuthedRequest, pk: int) -> HttpResponse:
    round_ = access.access_analysis(request.user, pk)[0]
    analysis = services.queue_analysis(round_, by=request.user)
    if request.htmx:
        page = pages.status_page(round_, analysis)
        return render(request, "themes/round.html#status", as_context(page))
    messages.success(
        request, _("The analysis has started. This page shows its progress.")
    )
    return redirect("themes:round", round_.pk)


@login_required
@require_GET
def question(request: AuthedRequest, pk: int) -> HttpResponse:
    question, qa = access.access_question_analysis(request.user, pk)
    page = pages.question_page(question, qa)
    return render(request, "themes/question.html", page.context())


@login_required
@require_GET
def theme(request: AuthedRequest, pk: int) -> HttpResponse:
    question, qa = access.access_question_analysis(request.user, pk)
    page = pages.theme_page(question, qa, request.GET.get("tema", "")) if qa else None
    if page is None:
        messages.error(request, _("That theme no longer exists."))
        return redirect("themes:question", question.pk)
    return render(request, "themes/theme.html", as_context(page))


def _theme_url(question: Question, theme_id: str) -> str:
    return f"{reverse('themes:theme', args=[question.pk])}?tema={theme_id}"


def _refuse_without_analysis(
    request: AuthedRequest, question: Question
) -> HttpResponse:
    messages.error(request, _("Run the analysis first."))
    return redirect("themes:question", question.pk)


@login_required
@require_POST
def edit(request: AuthedRequest, pk: int) -> HttpResponse:
    question, qa = access.access_question_analysis(request.user, pk)
    if qa is None:
        return _refuse_without_analysis(request, question)
    form = ThemeForm(request.POST, qa=qa)
    if form.is_valid():
        try:
            services.edit_theme(
                qa,
                form.cleaned_data["theme"],
                label=form.cleaned_data["label"],
                description=form.cleaned_data["description"],
                by=request.user,
            )
        except services.AnalysisBusy:
            form.add_error(None, BUSY)
    theme_id = request.POST.get("theme", "")
    if form.is_valid():
        if request.htmx:
            qa.refresh_from_db()
            page = pages.theme_page(question, qa, theme_id)
            return render(
                request,
                "themes/theme.html#theme-form",
                as_context(page) if page else {},
            )
        messages.success(request, _("The theme has been saved."))
        return redirect(_theme_url(question, theme_id))
    page = pages.theme_page(question, qa, theme_id, theme_form=form)
    if page is None:
        return _back_to_question(request, question, form)
    template = "themes/theme.html#theme-form" if request.htmx else "themes/theme.html"
    return render(request, template, as_context(page), status=400)


def _back_to_question(
    request: AuthedRequest, question: Question, form: forms.Form
) -> HttpResponse:
    for field in form.errors:
        for error in form.errors[field]:
            messages.error(request, str(error))
    return redirect("themes:question", question.pk)


@login_required
@require_POST
def merge(request: AuthedRequest, pk: int) -> HttpResponse:
    question, qa = access.access_question_analysis(request.user, pk)
    if qa is None:
        return _refuse_without_analysis(request, question)
    form = MergeForm(request.POST, qa=qa)
    if form.is_valid():
        try:
            edit_ = services.merge_themes(
                qa,
                form.cleaned_data["themes"],
                label=form.cleaned_data["label"],
                by=request.user,
            )
        except services.AnalysisBusy:
            form.add_error(None, BUSY)
        except EditError:
            form.add_error("themes", _("Choose at least two themes to merge."))
        else:
            messages.success(
                request,
                _("The themes have been merged into “%(label)s”.")
                % {"label": edit_.details["label"]},
            )
            return redirect("themes:question", question.pk)
    page = pages.question_page(question, qa, merge_form=form)
    return render(request, "themes/question.html", page.context(), status=400)


@login_required
@require_POST
def split(request: AuthedRequest, pk: int) -> HttpResponse:
    question, qa = access.access_question_analysis(request.user, pk)
    if qa is None:
        return _refuse_without_analysis(request, question)
    form = SplitForm(request.POST, qa=qa)
    if form.is_valid():
        try:
            edit_ = services.split_theme(
                qa,
                form.cleaned_data["answers"],
                label=form.cleaned_data["label"],
                description=form.cleaned_data["description"],
                by=request.user,
            )
        except services.AnalysisBusy:
            form.add_error(None, BUSY)
        except EditError:
            form.add_error("answers", NOT_SHOWN)
        else:
            messages.success(request, _("The new theme has been made."))
            return redirect(_theme_url(question, edit_.theme_id))
    return _answers_form_failed(request, question, qa, form)


@login_required
@require_POST
def move(request: AuthedRequest, pk: int) -> HttpResponse:
    question, qa = access.access_question_analysis(request.user, pk)
    if qa is None:
        return _refuse_without_analysis(request, question)
    form = MoveForm(request.POST, qa=qa)
    if form.is_valid():
        try:
            services.move_answers(
                qa,
                form.cleaned_data["answers"],
                form.cleaned_data["target"],
                by=request.user,
            )
        except services.AnalysisBusy:
            form.add_error(None, BUSY)
        except EditError:
            form.add_error("answers", NOT_SHOWN)
        else:
            messages.success(request, _("The answers have been moved."))
            return redirect(_theme_url(question, request.POST.get("source", "")))
    return _answers_form_failed(request, question, qa, form)


def _answers_form_failed(
    request: AuthedRequest, question: Question, qa: QuestionAnalysis, form: forms.Form
) -> HttpResponse:
    page = pages.theme_page(
        question, qa, request.POST.get("source", ""), answers_form=form
    )
    if page is None:
        return _back_to_question(request, question, form)
    return render(request, "themes/theme.html", as_context(page), status=400)


@login_required
@require_POST
def delete(request: AuthedRequest, pk: int) -> HttpResponse:
    question, qa = access.access_question_analysis(request.user, pk)
    if qa is None:
        return _refuse_without_analysis(request, question)
    form = DeleteForm(request.POST, qa=qa)
    if form.is_valid():
        try:
            services.delete_theme(qa, form.cleaned_data["theme"], by=request.user)
        except services.AnalysisBusy:
            form.add_error(None, BUSY)
        else:
            messages.success(
                request,
                _(
                    "The theme has been deleted. Its answers are now in “Andet / uklart”."
                ),
            )
            return redirect("themes:question", question.pk)
    return _back_to_question(request, question, form)
