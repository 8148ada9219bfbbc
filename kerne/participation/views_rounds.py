"""The facilitator's round pages: the round with its invitations and live counts, and its answers."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kerne.lib.http import AuthedRequest
from kerne.lib.pages import as_context
from kerne.lib.spreadsheets import text_row
from kerne.participation import pages, reporting
from kerne.processes import round_pages
from kerne.processes.access import access_round
from kerne.processes.forms import OpenRoundForm


@login_required
def round_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    round_ = access_round(request.user, pk)
    own_page = round_pages.own_page(round_)
    if own_page is not None:
        # A pairwise vote, say: its questions, counts and actions are on that page.
        return redirect(own_page)
    page = pages.round_page(round_)
    context = {
        **as_context(page),
        "open_form": OpenRoundForm(),
        "site_root": request.build_absolute_uri("/").rstrip("/"),
    }
    return render(request, "participation/round.html", context)


@login_required
def round_status(request: AuthedRequest, pk: int) -> HttpResponse:
    """The live response counts; polled by htmx while the round is open."""
    round_ = access_round(request.user, pk)
    return render(
        request,
        "participation/round.html#counts",
        {"round": round_, "report": reporting.round_report(round_)},
    )


@login_required
def answers(request: AuthedRequest, pk: int) -> HttpResponse:
    round_ = access_round(request.user, pk)
    page = pages.answers_page(
        round_,
        group=request.GET.get("gruppe", ""),
        dimension=request.GET.get("dimension", ""),
        question=request.GET.get("spoergsmaal", ""),
        search=request.GET.get("q", ""),
        page_number=request.GET.get("side"),
    )
    query = request.GET.copy()
    query.pop("side", None)
    context = {**as_context(page), "query": query.urlencode()}
    template = (
        "participation/answers.html#results"
        if request.htmx
        else "participation/answers.html"
    )
    return render(request, template, context)


@login_required
def answers_csv(request: AuthedRequest, pk: int) -> HttpResponse:
    """All answers a facilitator may see, one row per answer, in the answers page's order."""
    round_ = access_round(request.user, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="kerne-runde-{round_.pk}-svar.csv"'
    )
    response.write("\ufeff")  # Excel opens UTF-8 only with a byte-order mark.
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Group"), _("Question"), _("Dimension"), _("Answer")])
    writer.writerows(text_row(row) for row in pages.answer_rows(round_))
    return response
