from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kerne.lib.http import AuthedRequest
from kerne.priorities import exports
from kerne.priorities.access import access_initiative, access_rating_round
from kerne.priorities.forms import (
    ConfirmImportForm,
    DecisionForm,
    ImportForm,
    InitiativeForm,
    sign_rows,
)
from kerne.priorities.imports import parse_initiatives
from kerne.priorities.pages import process_page, rating_page
from kerne.priorities.services import (
    DuplicateInitiative,
    NoInitiatives,
    add_initiative,
    create_rating_round,
    import_initiatives,
    record_decision,
)
from kerne.processes.access import access_process
from kerne.processes.models import Process


def _render_page(
    request: AuthedRequest,
    process: Process,
    *,
    form: InitiativeForm | None = None,
    import_form: ImportForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "page": process_page(process),
        "form": form or InitiativeForm(),
        "import_form": import_form or ImportForm(),
        "decision_form": DecisionForm(),
    }
    return render(request, "priorities/process.html", context, status=status)


@require_GET
@login_required
def process(request: AuthedRequest, pk: int) -> HttpResponse:
    return _render_page(request, access_process(request.user, pk))


@require_POST
@login_required
def add(request: AuthedRequest, pk: int) -> HttpResponse:
    process_ = access_process(request.user, pk)
    form = InitiativeForm(request.POST)
    if form.is_valid():
        try:
            add_initiative(process_, by=request.user, **form.cleaned_data)
        except DuplicateInitiative:
            form.add_error("title", _("The initiative is already on the list."))
        else:
            messages.success(request, _("The initiative has been added."))
            return redirect("priorities:process", process_.pk)
    return _render_page(request, process_, form=form, status=400)


@require_POST
@login_required
def import_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    process_ = access_process(request.user, pk)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_page(request, process_, import_form=form, status=400)
    upload = form.cleaned_data["file"]
    existing = set(process_.initiatives.values_list("title", flat=True))
    result = parse_initiatives(upload.name, upload.read(), existing=existing)
    context = {
        "process": process_,
        "result": result,
        "signed": sign_rows(result.rows) if result.rows else "",
    }
    return render(request, "priorities/import_preview.html", context)


@require_POST
@login_required
def import_confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    process_ = access_process(request.user, pk)
    form = ConfirmImportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The preview has expired. Upload the file again."))
        return redirect("priorities:process", process_.pk)
    try:
        saved = import_initiatives(process_, form.cleaned_data["rows"], by=request.user)
    except DuplicateInitiative as error:
        messages.error(
            request,
            _("“%(title)s” was added meanwhile. Nothing was imported.")
            % {"title": error.title},
        )
    else:
        messages.success(
            request, _("%(count)d initiatives imported.") % {"count": len(saved)}
        )
    return redirect("priorities:process", process_.pk)


@require_POST
@login_required
def decide(request: AuthedRequest, pk: int) -> HttpResponse:
    initiative = access_initiative(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision and write why."))
        return redirect("priorities:process", initiative.process_id)
    record_decision(initiative, by=request.user, **form.cleaned_data)
    messages.success(request, _("The decision has been recorded."))
    return redirect("priorities:process", initiative.process_id)


@require_POST
@login_required
def create_rating(request: AuthedRequest, pk: int) -> HttpResponse:
    process_ = access_process(request.user, pk)
    try:
        rating = create_rating_round(process_, by=request.user)
    except NoInitiatives:
        messages.error(request, _("Add at least one initiative before the rating."))
        return redirect("priorities:process", process_.pk)
    messages.success(
        request,
        _("The rating round has been created. Open it and share the invitation links."),
    )
    return redirect(rating.round.get_absolute_url())


@require_GET
@login_required
def rating(request: AuthedRequest, pk: int) -> HttpResponse:
    rating_round = access_rating_round(request.user, pk)
    return render(
        request, "priorities/rating.html", {"page": rating_page(rating_round)}
    )


@require_GET
@login_required
def initiatives_csv(request: AuthedRequest, pk: int) -> HttpResponse:
    process_ = access_process(request.user, pk)
    sheet = exports.initiative_sheets(process_page(process_))[0]
    return exports.csv_response(sheet, f"kerne-initiativer-{process_.pk}.csv")


@require_GET
@login_required
def decisions_csv(request: AuthedRequest, pk: int) -> HttpResponse:
    process_ = access_process(request.user, pk)
    sheet = exports.initiative_sheets(process_page(process_))[1]
    return exports.csv_response(sheet, f"kerne-beslutninger-{process_.pk}.csv")


@require_GET
@login_required
def initiatives_xlsx(request: AuthedRequest, pk: int) -> HttpResponse:
    """The initiatives and the decisions log, a sheet each."""
    process_ = access_process(request.user, pk)
    sheets = exports.initiative_sheets(process_page(process_))
    return exports.xlsx_response(sheets, f"kerne-prioritering-{process_.pk}.xlsx")


@require_GET
@login_required
def rating_csv(request: AuthedRequest, pk: int) -> HttpResponse:
    rating_round = access_rating_round(request.user, pk)
    sheet = exports.rating_sheet(rating_page(rating_round))
    return exports.csv_response(sheet, f"kerne-vurdering-{rating_round.pk}.csv")


@require_GET
@login_required
def rating_xlsx(request: AuthedRequest, pk: int) -> HttpResponse:
    rating_round = access_rating_round(request.user, pk)
    sheet = exports.rating_sheet(rating_page(rating_round))
    return exports.xlsx_response([sheet], f"kerne-vurdering-{rating_round.pk}.xlsx")
