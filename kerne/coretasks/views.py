from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kerne.coretasks import access, pages, poster, services
from kerne.coretasks import overview as overview_module
from kerne.coretasks.forms import (
    AdoptForm,
    CommentForm,
    DraftForm,
    NewRoundForm,
    NotCoreTaskForm,
)
from kerne.lib.http import AuthedRequest, Request
from kerne.lib.pages import as_context
from kerne.organisations.access import access_organisation, access_unit
from kerne.organisations.models import Unit
from kerne.processes.access import access_process
from kerne.processes.models import Round

# --- drafting ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def draft(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    latest = services.latest_version(process)
    form = DraftForm(request.POST or None, latest=latest)
    if request.method == "POST" and form.is_valid():
        version = services.save_version(process, form.draft(), by=request.user)
        messages.success(
            request,
            _("Version %(number)s has been saved.") % {"number": version.number},
        )
        return redirect("coretasks:draft", process.pk)
    page = pages.draft_page(process, form, latest)
    return render(
        request,
        "coretasks/draft.html",
        as_context(page),
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def versions(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    page = pages.versions_page(process, request.GET)
    return render(request, "coretasks/versions.html", as_context(page))


@login_required
@require_GET
def version_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    version = access.access_version(request.user, pk)
    page = pages.version_page(version, CommentForm())
    return render(request, "coretasks/version.html", as_context(page))


@login_required
@require_POST
def comment_add(request: AuthedRequest, pk: int) -> HttpResponse:
    version = access.access_version(request.user, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.add_comment(version, by=request.user, text=form.cleaned_data["text"])
        form = CommentForm()
        if not request.htmx:
            messages.success(request, _("Your comment has been added."))
            return redirect(version)
    page = pages.version_page(version, form)
    status = 400 if form.errors else 200
    template = (
        "coretasks/version.html#comments" if request.htmx else "coretasks/version.html"
    )
    return render(request, template, as_context(page), status=status)


# --- qualification ------------------------------------------------------------------


@login_required
@require_POST
def qualify(request: AuthedRequest, pk: int) -> HttpResponse:
    version = access.access_version(request.user, pk)
    try:
        qualification = services.create_qualification_round(version)
    except services.QualificationPending as pending:
        messages.error(
            request,
            _(
                "Version %(number)s already has the qualification round “%(round)s”, which has not closed yet."
            )
            % {"number": version.number, "round": pending.round.title},
        )
        return redirect(pending.round)
    messages.success(
        request,
        _(
            "The qualification round has been created from version %(number)s. Check it, open it and send the links."
        )
        % {"number": version.number},
    )
    return redirect(qualification.round)


@login_required
@require_GET
def qualification(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access.access_qualification(request.user, pk)
    page = pages.qualification_page(found)
    return render(request, "coretasks/qualification.html", as_context(page))


# --- adoption and the unit's page ------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def adopt(request: AuthedRequest, pk: int) -> HttpResponse:
    version = access.access_version(request.user, pk)
    form = AdoptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.adopt_version(version, by=request.user, **form.cleaned_data)
        except services.QualificationStillOpen as still_open:
            form.add_error(None, _still_open_message(still_open.round))
        else:
            messages.success(
                request,
                _("Version %(number)s is now the adopted core task.")
                % {"number": version.number},
            )
            return redirect("coretasks:unit", version.process.unit_id)
    page = pages.adopt_page(version, form)
    return render(
        request,
        "coretasks/adopt.html",
        as_context(page),
        status=400 if form.errors else 200,
    )


def _still_open_message(round_: Round) -> str:
    return _(
        "The qualification round “%(round)s” is still open. Close it first, so every "
        "answer counts, and then adopt the version."
    ) % {"round": round_.title}


def _unit_page(request: AuthedRequest, unit: Unit, **forms: Any) -> dict[str, Any]:
    page = pages.unit_page(unit, absolute_url=request.build_absolute_uri, **forms)
    return as_context(page)


@login_required
@require_GET
def unit(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access_unit(request.user, pk)
    return render(request, "coretasks/unit.html", _unit_page(request, found))


@login_required
@require_POST
def not_core_task_add(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access_unit(request.user, pk)
    form = NotCoreTaskForm(request.POST)
    if form.is_valid():
        services.add_not_core_task(found, by=request.user, **form.cleaned_data)
        messages.success(request, _("The task has been added to “not our core task”."))
        return redirect("coretasks:unit", found.pk)
    context = _unit_page(request, found, not_core_form=form)
    return render(request, "coretasks/unit.html", context, status=400)


@login_required
@require_POST
def not_core_task_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    item = access.access_not_core_task(request.user, pk)
    services.delete_not_core_task(item)
    messages.success(request, _("The task has been removed from the list."))
    return redirect("coretasks:unit", item.unit_id)


@login_required
@require_POST
def new_round(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access_unit(request.user, pk)
    current = services.current_adoption(found)
    if current is None:
        raise Http404
    form = NewRoundForm(request.POST)
    if not form.is_valid():
        context = _unit_page(request, found, new_round_form=form)
        return render(request, "coretasks/unit.html", context, status=400)
    round_ = services.start_new_round(
        current, by=request.user, kind=form.cleaned_data["kind"]
    )
    messages.success(
        request,
        _("A new draft and a new round have been created from the adopted core task."),
    )
    return redirect(round_)


# --- public: the token is the key -------------------------------------------------------


@require_GET
def public(request: Request, token: str) -> HttpResponse:
    page = pages.public_page(access.public_page_by_token(token))
    return render(request, "coretasks/public.html", as_context(page))


def _filename(page: Any, suffix: str) -> str:
    return f"kerneopgave-{slugify(page.unit.name) or page.unit.pk}{suffix}"


@require_GET
def poster_pdf(request: Request, token: str, size: str) -> HttpResponse:
    page = access.public_page_by_token(token)
    content = pages.poster_content(page)
    response = HttpResponse(
        poster.render_pdf(content, size), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="{_filename(page, f"-{size}.pdf")}"'
    )
    return response


@require_GET
def poster_png(request: Request, token: str) -> HttpResponse:
    page = access.public_page_by_token(token)
    content = pages.poster_content(page)
    response = HttpResponse(poster.render_png(content), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{_filename(page, ".png")}"'
    return response


# --- organisation overview (administrators) ------------------------------------------------


def _overview(request: AuthedRequest, slug: str) -> pages.OverviewPage:
    organisation = access_organisation(request.user, slug, admin=True)
    return pages.overview_page(organisation, request.GET)


@login_required
@require_GET
def overview(request: AuthedRequest, slug: str) -> HttpResponse:
    page = _overview(request, slug)
    context = {**as_context(page), "query": request.GET.urlencode()}
    return render(request, "coretasks/overview.html", context)


@login_required
@require_GET
def overview_csv(request: AuthedRequest, slug: str) -> HttpResponse:
    page = _overview(request, slug)
    response = HttpResponse(
        overview_module.to_csv(page.rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="kerneopgaver-{page.organisation.slug}.csv"'
    )
    return response


@login_required
@require_GET
def overview_xlsx(request: AuthedRequest, slug: str) -> HttpResponse:
    page = _overview(request, slug)
    response = HttpResponse(
        overview_module.to_xlsx(page.rows, title=_("Core tasks")),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="kerneopgaver-{page.organisation.slug}.xlsx"'
    )
    return response
