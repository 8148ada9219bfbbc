from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render

from kerne.lib.http import AuthedRequest, Request
from kerne.organisations.services import (
    access_organisation,
    membership_of,
    organisations_for,
    unit_tree,
)
from kerne.processes.models import Process


def front(request: Request) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("organisations:home")
    return render(request, "organisations/front.html")


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    organisations = list(organisations_for(request.user))
    if len(organisations) == 1:
        return redirect(organisations[0])
    return render(request, "organisations/home.html", {"organisations": organisations})


@login_required
def detail(request: AuthedRequest, slug: str) -> HttpResponse:
    organisation = access_organisation(request.user, slug)
    processes = (
        Process.objects.filter(unit__organisation=organisation)
        .select_related("unit")
        .annotate(open_rounds=Count("rounds", filter=Q(rounds__status="open")))
    )
    by_unit: dict[int, list[Process]] = {}
    for process in processes:
        by_unit.setdefault(process.unit_id, []).append(process)
    rows = [
        (unit, depth, by_unit.get(unit.pk, []))
        for unit, depth in unit_tree(organisation)
    ]
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "rows": rows,
            "membership": membership_of(request.user, organisation),
        },
    )
