"""Shared understanding: the round's themes, diffusion, gaps, approach and naming, and theme edits."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kerne.analysis.themes import NO_ANSWER_ID
from kerne.lib.http import AuthedRequest
from kerne.participation import reporting
from kerne.processes.models import Question, Round
from kerne.themes import access, pages, services, summaries
from kerne.themes.forms import (
    AnswersForm,
    DeleteForm,
    MergeForm,
    MoveForm,
    SplitForm,
    ThemeForm,
)
from kerne.themes.models import Analysis, QuestionAnalysis, ThemeEdit
from kerne.themes.results import EditError

BUSY = gettext_lazy("The analysis is running. Try again when it is done.")
NOT_SHOWN = gettext_lazy("Choose among the answers shown.")


def _status_context(round_: Round, analysis: Analysis | None) -> dict[str, Any]:
    return {"round": round_, "analysis": analysis}


@login_required
@require_GET
def round_analysis(request: AuthedRequest, pk: int) -> HttpResponse:
    round_, analysis = access.access_analysis(request.user, pk)
    report = reporting.round_report(round_)
    rows = []
    done = {
        qa.question_id: qa
        for qa in (
            analysis.questions.all() if analysis else QuestionAnalysis.objects.none()
        )
    }
    for question in services.text_questions(round_):
        qa = done.get(question.pk)
        themes = pages.theme_views(qa, {}) if qa else []
        diffusion = qa.figures.get("diffusion") if qa else None
        shown = [t for t in themes if t.id != NO_ANSWER_ID]
        rows.append(
            {
                "question": question,
                "analysed": qa is not None,
                # Stored without themes: too few answers to show any without exposing someone.
                "too_few": qa is not None and not qa.themes,
                "themes": [t for t in themes if not t.bucket][:5],
                "theme_count": len([t for t in themes if not t.bucket]),
                # The same sentences the question page opens with, so a seven-answer
                # round says it is too early instead of a bare verdict.
                "summary": summaries.theme_summary(
                    shown, pages.diffusion_view(diffusion) if diffusion else None
                )[:2],
            }
        )
    context = _status_context(round_, analysis)
    context.update({"process": round_.process, "report": report, "summaries": rows})
    return render(request, "themes/round.html", context)


@login_required
@require_GET
def status(request: AuthedRequest, pk: int) -> HttpResponse:
    """The analysis's progress; polled by htmx while it waits or runs."""
    round_, analysis = access.access_analysis(request.user, pk)
    return render(
        request, "themes/round.html#status", _status_context(round_, analysis)
    )


@login_required
@require_POST
def run(request: AuthedRequest, pk: int) -> HttpResponse:
    round_ = access.access_analysis(request.user, pk)[0]
    analysis = services.queue_analysis(round_, by=request.user)
    if request.htmx:
        return render(
            request, "themes/round.html#status", _status_context(round_, analysis)
        )
    messages.success(
        request, _("The analysis has started. This page shows its progress.")
    )
    return redirect("themes:round", round_.pk)


def _question_context(
    question: Question, qa: QuestionAnalysis | None, **forms_: forms.Form
) -> dict[str, Any]:
    round_ = question.round
    report = reporting.round_report(round_)
    analysis = qa.analysis if qa else Analysis.objects.filter(round=round_).first()
    context: dict[str, Any] = {
        "question": question,
        "round": round_,
        "process": round_.process,
        "report": report,
        "analysis": analysis,
        "qa": qa,
        "questions": services.text_questions(round_),
        "edits": list(
            ThemeEdit.objects.filter(question=question)
            .select_related("author")
            .order_by("-created_at", "-pk")[:50]
        ),
    }
    if qa is None or not qa.themes:
        return context
    texts = pages.quotes(report, [a for t in qa.themes for a in t["examples"]])
    themes = pages.theme_views(qa, texts)
    units = qa.figures.get("units", [])
    labels = pages.unit_labels(units, report.all_groups)
    stale = pages.is_stale(qa.analysis, report)
    if stale:
        # The plan changed since the run: group figures could now expose a group.
        labels = {}
    diffusion = qa.figures.get("diffusion")
    context.update(
        {
            "themes": [t for t in themes if t.id != NO_ANSWER_ID],
            "non_answers": next((t.size for t in themes if t.id == NO_ANSWER_ID), 0),
            "stale": stale,
            "units": [
                {"label": labels[u["key"]], "n": u["n"]}
                for u in units
                if u["key"] in labels
            ],
            "diffusion": pages.diffusion_view(diffusion) if diffusion else None,
            "unit_diffusions": pages.unit_diffusions(
                qa.figures.get("diffusion_by_unit", {}), labels
            ),
            "comparison": None
            if stale
            else pages.comparison_view(
                qa.figures.get("comparison"),
                labels,
                {t.id: t.label for t in themes},
            ),
            "approach": pages.approach_views(qa.figures.get("approach"), labels),
            "names": pages.names_views(qa.figures.get("names"), labels),
            "merge_form": forms_.get("merge_form") or MergeForm(qa=qa),
        }
    )
    context.update(
        {
            "summary": summaries.page_summary(
                context["themes"],
                context["diffusion"],
                context["comparison"],
                context["approach"],
                context["names"],
            ),
            "diffusion_too_few": summaries.too_few_for_verdict(context["diffusion"]),
            "min_answers_for_verdict": summaries.MIN_ANSWERS_FOR_VERDICT,
            "gap_summary": summaries.gap_summary(
                context["comparison"], context["themes"]
            ),
            "approach_summary": summaries.approach_summary(context["approach"]),
            "names_summary": summaries.names_summary(context["names"]),
        }
    )
    return context


@login_required
@require_GET
def question(request: AuthedRequest, pk: int) -> HttpResponse:
    question, qa = access.access_question_analysis(request.user, pk)
    return render(request, "themes/question.html", _question_context(question, qa))


def chosen_answers(form: forms.Form | None) -> set[str]:
    """The keys of the answers ticked in a form that came back with an error, to tick them again."""
    if form is None or not hasattr(form.data, "getlist"):
        return set()
    return {str(a) for a in form.data.getlist("answers")}


def _theme_context(
    question: Question, qa: QuestionAnalysis, theme_id: str, **forms_: forms.Form
) -> dict[str, Any] | None:
    theme = qa.theme(theme_id)
    if theme is None or theme["id"] == NO_ANSWER_ID:
        return None
    report = reporting.round_report(question.round)
    placed = sorted(
        (
            (int(a), p["strength"])
            for a, p in qa.assignments.items()
            if p["theme"] == theme_id
        ),
        # Ties by a keyed hash, not by id: the order must not line people up.
        key=lambda item: (-item[1], reporting.row_order(question.pk, item[0])),
    )
    texts = pages.quotes(report, [a for a, _s in placed])
    answers_form = forms_.get("answers_form")
    return {
        "question": question,
        "round": question.round,
        "process": question.round.process,
        "qa": qa,
        "analysis": qa.analysis,
        "theme": theme,
        "answers": [
            pages.Quote(a, texts[a], reporting.answer_key(question.pk, a))
            for a, _s in placed
            if a in texts
        ],
        "other_themes": [
            t for t in qa.themes if t["id"] not in (theme_id, NO_ANSWER_ID)
        ],
        "theme_form": forms_.get("theme_form")
        or ThemeForm(
            qa=qa,
            initial={
                "theme": theme_id,
                "label": theme["label"],
                "description": theme["description"],
            },
        ),
        "answers_form": answers_form or AnswersForm(qa=qa),
        # Keep the boxes ticked when the form comes back with an error.
        "chosen": chosen_answers(answers_form),
    }


@login_required
@require_GET
def theme(request: AuthedRequest, pk: int) -> HttpResponse:
    question, qa = access.access_question_analysis(request.user, pk)
    context = _theme_context(question, qa, request.GET.get("tema", "")) if qa else None
    if context is None:
        messages.error(request, _("That theme no longer exists."))
        return redirect("themes:question", question.pk)
    return render(request, "themes/theme.html", context)


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
            context = _theme_context(question, qa, theme_id)
            return render(request, "themes/theme.html#theme-form", context)
        messages.success(request, _("The theme has been saved."))
        return redirect(_theme_url(question, theme_id))
    context = _theme_context(question, qa, theme_id, theme_form=form)
    if context is None:
        return _back_to_question(request, question, form)
    template = "themes/theme.html#theme-form" if request.htmx else "themes/theme.html"
    return render(request, template, context, status=400)


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
    return render(
        request,
        "themes/question.html",
        _question_context(question, qa, merge_form=form),
        status=400,
    )


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
    context = _theme_context(
        question, qa, request.POST.get("source", ""), answers_form=form
    )
    if context is None:
        return _back_to_question(request, question, form)
    return render(request, "themes/theme.html", context, status=400)


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
