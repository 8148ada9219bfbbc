"""Organisations, units and memberships: the one write path (permission-checked reads are in access.py)."""

from __future__ import annotations

import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.text import slugify

from kerne.organisations.models import Membership, Organisation, Unit


class InvalidParent(ValueError):
    """A unit's parent must be another unit of the same organisation, and not below it."""


@transaction.atomic
def create_organisation(*, name: str, slug: str | None = None) -> Organisation:
    return Organisation.objects.create(name=name, slug=slug or slugify(name))


@transaction.atomic
def add_unit(
    organisation: Organisation,
    *,
    name: str,
    kind: str = Unit.Kind.WORKPLACE,
    parent: Unit | None = None,
) -> Unit:
    if parent is not None and parent.organisation_id != organisation.pk:
        raise InvalidParent
    return Unit.objects.create(
        organisation=organisation, name=name, kind=kind, parent=parent
    )


@transaction.atomic
def update_unit(unit: Unit, *, name: str, kind: str, parent: Unit | None) -> Unit:
    if parent is not None and (
        parent.organisation_id != unit.organisation_id
        or parent == unit
        or parent in unit.descendants()  # the tree would become a loop
    ):
        raise InvalidParent
    unit.name = name
    unit.kind = kind
    unit.parent = parent
    unit.save(update_fields=["name", "kind", "parent"])
    return unit


@transaction.atomic
def add_member(
    organisation: Organisation, user: User, *, role: str = Membership.Role.FACILITATOR
) -> Membership:
    membership, _ = Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    return membership


class LastAdministrator(Exception):
    """The change would leave the organisation without an administrator."""


def _is_last_administrator(membership: Membership) -> bool:
    if membership.role != Membership.Role.ADMINISTRATOR:
        return False
    others = Membership.objects.filter(
        organisation=membership.organisation, role=Membership.Role.ADMINISTRATOR
    ).exclude(pk=membership.pk)
    return not others.exists()


@transaction.atomic
def create_member(
    organisation: Organisation,
    *,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
) -> tuple[Membership, str]:
    """Create a user with a one-time password and make them a member.

    Returns the password so the administrator can hand it over once; it is
    stored only as a hash, and the user is asked to change it.
    """
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        password=password,
    )
    return add_member(organisation, user, role=role), password


@transaction.atomic
def change_role(membership: Membership, *, role: str) -> Membership:
    if role != Membership.Role.ADMINISTRATOR and _is_last_administrator(membership):
        raise LastAdministrator
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(membership: Membership) -> None:
    if _is_last_administrator(membership):
        raise LastAdministrator
    membership.delete()


def unit_tree(organisation: Organisation) -> list[tuple[Unit, int]]:
    """Units in tree order with their depth, for an indented list."""
    units = list(Unit.objects.filter(organisation=organisation))
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    ordered: list[tuple[Unit, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in sorted(children.get(parent_id, []), key=lambda u: u.name):
            ordered.append((unit, depth))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return ordered
