from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kerne.lib.http import AuthedRequest
from kerne.lib.pages import as_context
from kerne.organisations.access import access_organisation, access_unit
from kerne.processes import access, pages, round_pages, services
from kerne.processes.forms import (
    GroupForm,
    OpenRoundForm,
    PhaseForm,
    ProcessForm,
    QuestionForm,
    RoundForm,
)
from kerne.processes.models import Phase
from kerne.processes.template import DIMENSION_QUESTIONS


@login_required
def organisation(request: AuthedRequest, slug: str) -> HttpResponse:
    """An organisation's units, each with its processes and a way to start one."""
    page = pages.organisation_page(
        request.user, access_organisation(request.user, slug)
    )
    return render(request, "processes/organisation.html", as_context(page))


@login_required
@require_http_methods(["GET", "POST"])
def create(request: AuthedRequest, unit_id: int) -> HttpResponse:
    unit = access_unit(request.user, unit_id)
    form = ProcessForm(
        request.POST or None,
        initial={"title": _("The core task of %(unit)s") % {"unit": unit.name}},
    )
    if request.method == "POST" and form.is_valid():
        process = services.create_process(unit, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "The process has been created with a first round. Check the questions, then open the round."
            ),
        )
        return redirect(process)
    return render(request, "processes/create.html", {"unit": unit, "form": form})


@login_required
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access.access_process(request.user, pk)
    page = pages.process_page(process)
    return render(request, "processes/detail.html", as_context(page))


@login_required
@require_http_methods(["GET", "POST"])
def settings(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access.access_process(request.user, pk)
    initial = {
        "title": process.title,
        "purpose": process.purpose,
        "anonymity_threshold": process.anonymity_threshold,
    }
    form = ProcessForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_process(process, **form.cleaned_data)
        except services.ThresholdInUse:
            form.add_error(
                "anonymity_threshold",
                _(
                    "The anonymity threshold cannot be changed once a round has opened: "
                    "compared with what was shown before, a new threshold could reveal small groups."
                ),
            )
        else:
            messages.success(request, _("The settings have been saved."))
            return redirect(process)
    return render(
        request, "processes/settings.html", {"process": process, "form": form}
    )


@login_required
@require_POST
def phase(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access.access_process(request.user, pk)
    form = PhaseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the phases."))
        return redirect(process)
    try:
        services.set_phase(process, Phase(form.cleaned_data["phase"]))
    except services.PhaseOrder as order:
        messages.error(
            request,
            _("A process moves on one phase at a time. The next phase is “%(phase)s”.")
            % {"phase": order.next_phase.label},
        )
    else:
        messages.success(
            request,
            _("The process is now in the phase “%(phase)s”.")
            % {"phase": process.get_phase_display()},
        )
    return redirect(process)


@login_required
@require_POST
def group_add(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access.access_process(request.user, pk)
    form = GroupForm(request.POST, process=process)
    if form.is_valid():
        services.add_group(
            process,
            key=form.key(),
            name=form.cleaned_data["name"],
            side=form.cleaned_data["side"],
        )
        messages.success(
            request,
            _("The group has been added, with an invitation link in every round."),
        )
        return redirect(process)
    return render(
        request,
        "processes/group_form.html",
        {"process": process, "form": form},
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    group = access.access_group(request.user, pk)
    form = GroupForm(
        request.POST or None,
        process=group.process,
        group=group,
        initial={"name": group.name, "side": group.side},
    )
    if request.method == "POST" and form.is_valid():
        services.rename_group(
            group, name=form.cleaned_data["name"], side=form.cleaned_data["side"]
        )
        messages.success(request, _("The group has been saved."))
        return redirect(group.process)
    return render(
        request,
        "processes/group_form.html",
        {"process": group.process, "group": group, "form": form},
    )


@login_required
@require_POST
def group_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    group = access.access_group(request.user, pk)
    try:
        services.delete_group(group)
    except services.GroupInUse:
        messages.error(
            request,
            _(
                "The group has been invited to a round that has opened, so it may have answers and cannot be deleted. You can deactivate its invitation links instead."
            ),
        )
    else:
        messages.success(request, _("The group has been deleted."))
    return redirect(group.process)


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access.access_process(request.user, pk)
    form = RoundForm(request.POST or None, initial={"with_dimension_questions": True})
    if request.method == "POST" and form.is_valid():
        questions = (
            DIMENSION_QUESTIONS if form.cleaned_data["with_dimension_questions"] else ()
        )
        round_ = services.create_round(
            process,
            title=form.cleaned_data["title"],
            intro=form.cleaned_data["intro"],
            questions=questions,
        )
        messages.success(request, _("The round has been created."))
        return redirect(round_)
    return render(
        request, "processes/round_create.html", {"process": process, "form": form}
    )


@login_required
@require_POST
def round_open(request: AuthedRequest, pk: int) -> HttpResponse:
    round_ = access.access_round(request.user, pk)
    form = OpenRoundForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("closes_at", []):
            messages.error(request, str(error))
        return redirect(round_)
    own_page = round_pages.own_page(round_)
    try:
        services.open_round(
            round_,
            closes_at=form.cleaned_data["closes_at"],
            needs_questions=own_page is None,
        )
    except services.NoQuestions:
        messages.error(
            request, _("Add at least one question before opening the round.")
        )
    except services.RoundAlreadyOpen:
        messages.error(request, _("The round is already open."))
    else:
        messages.success(
            request, _("The round is open. Share the invitation links below.")
        )
    return redirect(own_page or round_)


@login_required
@require_POST
def round_close(request: AuthedRequest, pk: int) -> HttpResponse:
    round_ = access.access_round(request.user, pk)
    try:
        services.close_round(round_)
    except services.RoundNotOpen:
        messages.error(request, _("Only an open round can be closed."))
    else:
        messages.success(
            request, _("The round is closed. No more answers are accepted.")
        )
    return redirect(round_)


@login_required
@require_http_methods(["GET", "POST"])
def question_add(request: AuthedRequest, pk: int) -> HttpResponse:
    round_ = access.access_round(request.user, pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_question(round_, **form.cleaned_data)
        messages.success(request, _("The question has been added."))
        return redirect(round_)
    return render(
        request,
        "processes/question_form.html",
        {"round": round_, "process": round_.process, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    question = access.access_question(request.user, pk)
    initial = {
        "prompt": question.prompt,
        "help_text": question.help_text,
        "kind": question.kind,
        "dimension": question.dimension,
        "choices": "\n".join(question.choices),
        "scale_low_label": question.scale_low_label,
        "scale_high_label": question.scale_high_label,
        "required": question.required,
    }
    form = QuestionForm(request.POST or None, initial=initial, editing=question)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_question(
                question,
                prompt=data["prompt"],
                help_text=data["help_text"],
                dimension=data["dimension"],
                choices=data["choices"],
                scale_low_label=data["scale_low_label"],
                scale_high_label=data["scale_high_label"],
                required=data["required"],
            )
        except services.ChoicesInUse:
            # Shown on the field, with everything typed still in the form.
            form.add_error(
                "choices",
                _(
                    "The round has opened, so people may have answered this question: its options cannot be removed or renamed. You can add new ones."
                ),
            )
        else:
            messages.success(request, _("The question has been saved."))
            return redirect(question.round)
    context = {
        "round": question.round,
        "process": question.round.process,
        "form": form,
        "question": question,
        "may_have_answers": question.may_have_answers(),
    }
    return render(request, "processes/question_form.html", context)


@login_required
@require_POST
def question_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    question = access.access_question(request.user, pk)
    try:
        services.delete_question(question)
    except services.QuestionInUse:
        messages.error(
            request,
            _(
                "The round has opened, so the question may have answers: it cannot be deleted."
            ),
        )
    else:
        messages.success(request, _("The question has been deleted."))
    return redirect(question.round)


@login_required
@require_POST
def question_move(request: AuthedRequest, pk: int) -> HttpResponse:
    question = access.access_question(request.user, pk)
    services.move_question(question, up=request.POST.get("direction") == "up")
    return redirect(question.round)
