from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kerne.lib.http import AuthedRequest, Request
from kerne.organisations.access import (
    access_membership,
    access_organisation,
    access_unit_for_admin,
    organisations_for,
)
from kerne.organisations.forms import NewMemberForm, RoleForm, UnitForm
from kerne.organisations.models import Membership
from kerne.organisations.services import (
    LastAdministrator,
    add_unit,
    change_role,
    create_member,
    remove_member,
    update_unit,
)


def favicon(request: Request) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page declares.

    The static URL is looked up per request, not when the URLs load: in production it
    comes from collectstatic's manifest, which migrate and check run before.
    """
    return HttpResponsePermanentRedirect(static("kerne/favicon.svg"))


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
@require_http_methods(["GET", "POST"])
def unit_add(request: AuthedRequest, slug: str) -> HttpResponse:
    organisation = access_organisation(request.user, slug, admin=True)
    form = UnitForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        add_unit(organisation, **form.cleaned_data)
        messages.success(request, _("The unit has been added."))
        return redirect(organisation)
    return render(
        request,
        "organisations/unit_form.html",
        {"organisation": organisation, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = access_unit_for_admin(request.user, pk)
    initial = {"name": unit.name, "kind": unit.kind, "parent": unit.parent}
    form = UnitForm(
        request.POST or None, organisation=unit.organisation, unit=unit, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        update_unit(unit, **form.cleaned_data)
        messages.success(request, _("The unit has been saved."))
        return redirect(unit.organisation)
    context = {"organisation": unit.organisation, "unit": unit, "form": form}
    return render(request, "organisations/unit_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def members(request: AuthedRequest, slug: str) -> HttpResponse:
    organisation = access_organisation(request.user, slug, admin=True)
    form = NewMemberForm(request.POST or None)
    new_password = None
    new_member = None
    if request.method == "POST" and form.is_valid():
        new_member, new_password = create_member(organisation, **form.cleaned_data)
        form = NewMemberForm()
    memberships = organisation.memberships.select_related("user").order_by(
        "user__first_name", "user__username"
    )
    context = {
        "organisation": organisation,
        "memberships": memberships,
        "form": form,
        "new_member": new_member,
        "new_password": new_password,
        "roles": Membership.Role.choices,
    }
    return render(
        request,
        "organisations/members.html",
        context,
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def member_role(request: AuthedRequest, pk: int) -> HttpResponse:
    membership = access_membership(request.user, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
    else:
        try:
            change_role(membership, role=form.cleaned_data["role"])
        except LastAdministrator:
            messages.error(
                request, _("The organisation must keep at least one administrator.")
            )
        else:
            messages.success(request, _("The role has been changed."))
    return redirect("organisations:members", membership.organisation.slug)


@login_required
@require_POST
def member_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    membership = access_membership(request.user, pk)
    try:
        remove_member(membership)
    except LastAdministrator:
        messages.error(
            request, _("The organisation must keep at least one administrator.")
        )
    else:
        messages.success(
            request, _("The member has been removed from the organisation.")
        )
    return redirect("organisations:members", membership.organisation.slug)
