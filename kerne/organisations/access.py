"""Permission-checked reads of organisations, units and memberships: outsiders get 404."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet
from django.http import Http404

from kerne.organisations.models import Membership, Organisation, Unit


def organisations_for(user: User | AnonymousUser) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct()


def membership_of(
    user: User | AnonymousUser, organisation: Organisation
) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def access_organisation(user: User, slug: str, *, admin: bool = False) -> Organisation:
    """Fetch an organisation the user belongs to; 404 otherwise, so outsiders learn nothing."""
    try:
        organisation = organisations_for(user).get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None
    if admin:
        membership = membership_of(user, organisation)
        if membership is None or membership.role != Membership.Role.ADMINISTRATOR:
            raise Http404
    return organisation


def access_unit(user: User, pk: int) -> Unit:
    try:
        return Unit.objects.select_related("organisation").get(
            pk=pk, organisation__in=organisations_for(user)
        )
    except Unit.DoesNotExist:
        raise Http404 from None


def access_unit_for_admin(user: User, pk: int) -> Unit:
    unit = access_unit(user, pk)
    access_organisation(user, unit.organisation.slug, admin=True)
    return unit


def access_membership(user: User, pk: int) -> Membership:
    """A membership of an organisation the user administers; 404 otherwise."""
    try:
        membership = Membership.objects.select_related("organisation", "user").get(
            pk=pk
        )
    except Membership.DoesNotExist:
        raise Http404 from None
    access_organisation(user, membership.organisation.slug, admin=True)
    return membership
