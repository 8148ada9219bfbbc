"""Competences: the list the core task needs, the self-assessment and its heat map."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kerne.lib.http import AuthedRequest
from kerne.priorities.access import access_competence_round
from kerne.priorities.exports import Sheet, csv_response, xlsx_response
from kerne.priorities.forms import CompetenceForm
from kerne.priorities.models import CompetenceRound
from kerne.priorities.pages_competences import (
    competences_page,
    heat_label,
    heat_map,
    heat_map_table,
)
from kerne.priorities.services import (
    DuplicateCompetence,
    NoCompetences,
    NoInsideGroups,
    add_competence,
    create_competence_round,
)
from kerne.processes.access import access_process
from kerne.processes.models import Process


def _render(
    request: AuthedRequest,
    process: Process,
    *,
    form: CompetenceForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {"page": competences_page(process), "form": form or CompetenceForm()}
    return render(request, "priorities/competences.html", context, status=status)


@require_GET
@login_required
def competences(request: AuthedRequest, pk: int) -> HttpResponse:
    return _render(request, access_process(request.user, pk))


@require_POST
@login_required
def add(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    form = CompetenceForm(request.POST)
    if form.is_valid():
        try:
            add_competence(process, by=request.user, **form.cleaned_data)
        except DuplicateCompetence:
            form.add_error("title", _("The competence is already on the list."))
        else:
            messages.success(request, _("The competence has been added."))
            return redirect("priorities:competences", process.pk)
    return _render(request, process, form=form, status=400)


@require_POST
@login_required
def create_round(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    try:
        assessment = create_competence_round(process, by=request.user)
    except NoCompetences:
        messages.error(request, _("Add at least one competence before the assessment."))
        return redirect("priorities:competences", process.pk)
    except NoInsideGroups:
        messages.error(
            request,
            _("The process has no group inside the workplace to assess itself."),
        )
        return redirect("priorities:competences", process.pk)
    messages.success(
        request,
        _(
            "The self-assessment has been created for the groups inside the workplace. "
            "Open it and share their invitation links."
        ),
    )
    return redirect(assessment.round.get_absolute_url())


@require_GET
@login_required
def assessment(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access_competence_round(request.user, pk)
    page = heat_map(found)
    legend = [
        (name, heat_label(name)) for name in ("low", "weak", "fair", "strong", "none")
    ]
    return render(
        request, "priorities/competence_round.html", {"page": page, "legend": legend}
    )


def _sheet(request: AuthedRequest, pk: int) -> tuple[CompetenceRound, Sheet]:
    found = access_competence_round(request.user, pk)
    headers, rows = heat_map_table(heat_map(found))
    return found, Sheet(_("Competences"), headers, rows)


@require_GET
@login_required
def assessment_csv(request: AuthedRequest, pk: int) -> HttpResponse:
    found, sheet = _sheet(request, pk)
    return csv_response(sheet, f"kerne-kompetencer-{found.pk}.csv")


@require_GET
@login_required
def assessment_xlsx(request: AuthedRequest, pk: int) -> HttpResponse:
    found, sheet = _sheet(request, pk)
    return xlsx_response([sheet], f"kerne-kompetencer-{found.pk}.xlsx")
