"""The Kvalitet page: quality statements per dimension, and the adopted descriptions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kerne.lib.http import AuthedRequest
from kerne.priorities import exports_quality
from kerne.priorities.forms import (
    AdoptQualityForm,
    QualityStatementForm,
    TagQualityForm,
)
from kerne.priorities.pages_quality import QualityPage, quality_page
from kerne.priorities.services import (
    AlreadyQualityStatement,
    NoStatementsChosen,
    NotConsensus,
    NotQualityStatement,
    add_quality_statement,
    adopt_quality_description,
    tag_quality_statement,
)
from kerne.processes.access import access_process
from kerne.processes.models import Dimension, Process


def _adopt_form(page: QualityPage, dimension: str) -> AdoptQualityForm:
    section = next(s for s in page.sections if s.dimension == dimension)
    candidates = [r.statement for r in section.rows if r.candidate]
    return AdoptQualityForm(
        process=page.process,
        dimension=dimension,
        initial={
            "statements": [s.pk for s in candidates],
            "text": "\n".join(s.text for s in candidates),
        },
    )


def _render_page(
    request: AuthedRequest,
    process: Process,
    *,
    form: QualityStatementForm | None = None,
    tag_form: TagQualityForm | None = None,
    adopt_form: AdoptQualityForm | None = None,
    status: int = 200,
) -> HttpResponse:
    page = quality_page(process)
    sections = [
        (
            section,
            adopt_form
            if adopt_form is not None and adopt_form.prefix == section.dimension
            else _adopt_form(page, section.dimension),
        )
        for section in page.sections
    ]
    context = {
        "page": page,
        "sections": sections,
        "form": form or QualityStatementForm(process=process),
        "tag_form": tag_form or TagQualityForm(process=process),
        "failed_adopt": adopt_form,
    }
    return render(request, "priorities/quality.html", context, status=status)


@require_GET
@login_required
def quality(request: AuthedRequest, pk: int) -> HttpResponse:
    return _render_page(request, access_process(request.user, pk))


@require_POST
@login_required
def quality_add(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    form = QualityStatementForm(request.POST, process=process)
    if not form.is_valid():
        return _render_page(request, process, form=form, status=400)
    add_quality_statement(
        process,
        dimension=form.cleaned_data["dimension"],
        text=form.cleaned_data["text"],
        by=request.user,
    )
    messages.success(
        request,
        _(
            "The quality statement has been published. Participants vote on it through the statement links."
        ),
    )
    return redirect("priorities:quality", process.pk)


@require_POST
@login_required
def quality_tag(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    form = TagQualityForm(request.POST, process=process)
    if form.is_valid():
        try:
            tag_quality_statement(
                form.cleaned_data["statement"],
                dimension=form.cleaned_data["dimension"],
            )
        except AlreadyQualityStatement:
            form.add_error(
                "statement", _("The statement already describes a dimension.")
            )
        else:
            messages.success(
                request, _("The statement now describes the dimension's quality.")
            )
            return redirect("priorities:quality", process.pk)
    return _render_page(request, process, tag_form=form, status=400)


@require_POST
@login_required
def quality_adopt(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    dimension = request.POST.get("dimension", "")
    if dimension not in Dimension.values:
        messages.error(request, _("Choose one of the four dimensions."))
        return redirect("priorities:quality", process.pk)
    form = AdoptQualityForm(request.POST, process=process, dimension=dimension)
    if form.is_valid():
        try:
            adopt_quality_description(
                process,
                dimension,
                list(form.cleaned_data["statements"]),
                request.user,
                text=form.cleaned_data["text"],
            )
        except NotConsensus as error:
            form.add_error(
                "statements",
                _(
                    "Not (or no longer) a statement nearly everyone agrees with in the opinion map: %(texts)s"
                )
                % {"texts": "; ".join(f"“{s.text}”" for s in error.statements)},
            )
        except (NoStatementsChosen, NotQualityStatement):
            form.add_error(
                "statements", _("Choose among this dimension's quality statements.")
            )
        else:
            messages.success(request, _("The quality description has been adopted."))
            return redirect("priorities:quality", process.pk)
    return _render_page(request, process, adopt_form=form, status=400)


@require_GET
@login_required
def quality_csv(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    response = HttpResponse(
        exports_quality.to_csv(quality_page(process)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="kerne-kvalitet-{process.pk}.csv"'
    )
    return response


@require_GET
@login_required
def quality_xlsx(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    response = HttpResponse(
        exports_quality.to_xlsx(quality_page(process)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="kerne-kvalitet-{process.pk}.xlsx"'
    )
    return response
