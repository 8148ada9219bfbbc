from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kerne.coretasks import access, poster, services, summaries
from kerne.coretasks import overview as overview_module
from kerne.coretasks.diff import has_changes, word_diff
from kerne.coretasks.forms import (
    AdoptForm,
    CommentForm,
    CompareForm,
    DraftForm,
    NewRoundForm,
    NotCoreTaskForm,
    OverviewForm,
)
from kerne.coretasks.material import drafting_material
from kerne.coretasks.models import DIMENSIONS, Version
from kerne.coretasks.qualification import qualification_result, recognitions
from kerne.lib.http import AuthedRequest, Request
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
    by_dimension, general = drafting_material(process)
    fields = {name: form[name] for name in ("statement", *DIMENSIONS)}
    context = {
        "process": process,
        "form": form,
        "latest": latest,
        "statement_field": fields["statement"],
        "sections": [(form[m.dimension], m) for m in by_dimension],
        "general_material": general,
        "versions": Version.objects.filter(process=process).select_related("author")[
            :5
        ],
    }
    return render(
        request, "coretasks/draft.html", context, status=400 if form.errors else 200
    )


@login_required
@require_GET
def versions(request: AuthedRequest, pk: int) -> HttpResponse:
    process = access_process(request.user, pk)
    all_versions = Version.objects.filter(process=process).select_related("author")
    form = CompareForm(request.GET or None, versions=all_versions)
    comparison = None
    if form.is_bound and form.is_valid():
        old: Version = form.cleaned_data["old"]
        new: Version = form.cleaned_data["new"]
        parts = [(_("The core task"), old.statement, new.statement)] + [
            (label, old.text_of(key), new.text_of(key))
            for key, label, _text in new.dimension_texts()
        ]
        comparison = {
            "old": old,
            "new": new,
            "parts": [
                (label, pieces, has_changes(pieces))
                for label, before, after in parts
                for pieces in [word_diff(before, after)]
            ],
        }
    elif not form.is_bound and len(all_versions) >= 2:
        form = CompareForm(
            initial={"old": all_versions[1].number, "new": all_versions[0].number},
            versions=all_versions,
        )
    context = {
        "process": process,
        "versions": all_versions,
        "form": form,
        "comparison": comparison,
    }
    return render(request, "coretasks/versions.html", context)


def _version_context(version: Version, comment_form: CommentForm) -> dict[str, Any]:
    return {
        "version": version,
        "process": version.process,
        "comments": version.comments.select_related("author"),
        "comment_form": comment_form,
        "qualifications": version.qualifications.select_related("round"),
        "adoptions": version.adoptions.all(),
    }


@login_required
@require_GET
def version_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    version = access.access_version(request.user, pk)
    return render(
        request, "coretasks/version.html", _version_context(version, CommentForm())
    )


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
    context = _version_context(version, form)
    status = 400 if form.errors else 200
    template = (
        "coretasks/version.html#comments" if request.htmx else "coretasks/version.html"
    )
    return render(request, template, context, status=status)


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
    result = qualification_result(found)
    return render(
        request,
        "coretasks/qualification.html",
        {
            "qualification": found,
            "round": found.round,
            "process": found.round.process,
            "version": found.version,
            "result": result,
            "report": result.report,
            "summary": summaries.qualification_summary(result.dimensions),
            "dimensions": [
                (d, summaries.dimension_summary(d)) for d in result.dimensions
            ],
        },
    )


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
    return render(
        request,
        "coretasks/adopt.html",
        {
            "version": version,
            "process": version.process,
            "form": form,
            "still_open": services.open_qualification_round(version),
        },
        status=400 if form.errors else 200,
    )


def _still_open_message(round_: Round) -> str:
    return _(
        "The qualification round “%(round)s” is still open. Close it first, so every "
        "answer counts, and then adopt the version."
    ) % {"round": round_.title}


def _unit_context(request: AuthedRequest, unit: Unit, **forms: Any) -> dict[str, Any]:
    adoptions = services.adoptions_of(unit)
    rounds = services.qualifications_of_unit(unit)
    scores = recognitions(rounds)
    scored = [(q, scores[q.pk]) for q in rounds]
    # Each adoption lists the qualification rounds held since the adoption before it.
    history = []
    for i, adoption in enumerate(adoptions):
        previous = adoptions[i + 1].created_at if i + 1 < len(adoptions) else None
        history.append(
            (
                adoption,
                [
                    (q, score)
                    for q, score in scored
                    if q.created_at <= adoption.created_at
                    and (previous is None or q.created_at > previous)
                ],
            )
        )
    current = adoptions[0] if adoptions else None
    page = getattr(unit, "coretask_page", None) if current else None
    return {
        "unit": unit,
        "organisation": unit.organisation,
        "current": current,
        "review": services.review_state(current) if current else None,
        "history": history,
        "qualifications": scored,
        "not_core_tasks": services.not_core_tasks_of(unit),
        "public_page": page,
        "public_url": request.build_absolute_uri(page.get_absolute_url())
        if page
        else "",
        "processes": unit.processes.all(),
        "not_core_form": forms.get("not_core_form") or NotCoreTaskForm(),
        "new_round_form": forms.get("new_round_form") or NewRoundForm(),
    }


@login_required
@require_GET
def unit(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access_unit(request.user, pk)
    return render(request, "coretasks/unit.html", _unit_context(request, found))


@login_required
@require_POST
def not_core_task_add(request: AuthedRequest, pk: int) -> HttpResponse:
    found = access_unit(request.user, pk)
    form = NotCoreTaskForm(request.POST)
    if form.is_valid():
        services.add_not_core_task(found, by=request.user, **form.cleaned_data)
        messages.success(request, _("The task has been added to “not our core task”."))
        return redirect("coretasks:unit", found.pk)
    context = _unit_context(request, found, not_core_form=form)
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
        context = _unit_context(request, found, new_round_form=form)
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


def _public_content(token: str) -> tuple[Any, poster.PosterContent]:
    page = access.public_page_by_token(token)
    adoption = services.current_adoption(page.unit)
    assert adoption is not None  # public_page_by_token refuses pages without one
    items = services.not_core_tasks_of(page.unit)
    return page, poster.poster_content(adoption, items)


@require_GET
def public(request: Request, token: str) -> HttpResponse:
    page = access.public_page_by_token(token)
    adoption = services.current_adoption(page.unit)
    return render(
        request,
        "coretasks/public.html",
        {
            "page": page,
            "unit": page.unit,
            "adoption": adoption,
            "version": adoption.version if adoption else None,
            "not_core_tasks": services.not_core_tasks_of(page.unit),
        },
    )


def _filename(page: Any, suffix: str) -> str:
    return f"kerneopgave-{slugify(page.unit.name) or page.unit.pk}{suffix}"


@require_GET
def poster_pdf(request: Request, token: str, size: str) -> HttpResponse:
    page, content = _public_content(token)
    response = HttpResponse(
        poster.render_pdf(content, size), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="{_filename(page, f"-{size}.pdf")}"'
    )
    return response


@require_GET
def poster_png(request: Request, token: str) -> HttpResponse:
    page, content = _public_content(token)
    response = HttpResponse(poster.render_png(content), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{_filename(page, ".png")}"'
    return response


# --- organisation overview (administrators) ------------------------------------------------


def _overview(
    request: AuthedRequest, slug: str
) -> tuple[Any, OverviewForm, list[overview_module.OverviewRow]]:
    organisation = access_organisation(request.user, slug, admin=True)
    areas = Unit.objects.filter(
        organisation=organisation, children__isnull=False
    ).distinct()
    form = OverviewForm(request.GET or None, areas=areas)
    area, sort, descending = None, "name", False
    if form.is_bound and form.is_valid():
        area = form.cleaned_data["area"]
        sort = form.cleaned_data["sort"] or "name"
        descending = form.cleaned_data["descending"]
    rows = overview_module.overview_rows(organisation, area=area)
    return (
        organisation,
        form,
        overview_module.sort_rows(rows, sort, descending=descending),
    )


@login_required
@require_GET
def overview(request: AuthedRequest, slug: str) -> HttpResponse:
    organisation, form, rows = _overview(request, slug)
    return render(
        request,
        "coretasks/overview.html",
        {
            "organisation": organisation,
            "form": form,
            "rows": rows,
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_GET
def overview_csv(request: AuthedRequest, slug: str) -> HttpResponse:
    organisation, _form, rows = _overview(request, slug)
    response = HttpResponse(
        overview_module.to_csv(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="kerneopgaver-{organisation.slug}.csv"'
    )
    return response


@login_required
@require_GET
def overview_xlsx(request: AuthedRequest, slug: str) -> HttpResponse:
    organisation, _form, rows = _overview(request, slug)
    response = HttpResponse(
        overview_module.to_xlsx(rows, title=_("Core tasks")),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="kerneopgaver-{organisation.slug}.xlsx"'
    )
    return response
