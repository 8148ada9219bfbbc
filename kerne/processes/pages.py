"""The data of the pages kerne.processes shows, one function per page."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib.auth.models import User
from django.db.models import Count, Q, QuerySet

from kerne.organisations.access import membership_of
from kerne.organisations.models import Membership, Organisation, Unit
from kerne.organisations.services import unit_tree
from kerne.processes.forms import GroupForm, PhaseForm
from kerne.processes.models import Phase, Process, Round, StakeholderGroup


@dataclass(frozen=True)
class OrganisationPage:
    """An organisation's units in tree order, each with its processes."""

    organisation: Organisation
    rows: list[tuple[Unit, int, list[Process]]]  # unit, depth, its processes
    membership: Membership | None
    is_admin: bool


def organisation_page(user: User, organisation: Organisation) -> OrganisationPage:
    processes = (
        Process.objects.filter(unit__organisation=organisation)
        .select_related("unit")
        .annotate(
            open_rounds=Count("rounds", filter=Q(rounds__status=Round.Status.OPEN))
        )
    )
    by_unit: dict[int, list[Process]] = {}
    for process in processes:
        by_unit.setdefault(process.unit_id, []).append(process)
    membership = membership_of(user, organisation)
    return OrganisationPage(
        organisation=organisation,
        rows=[
            (unit, depth, by_unit.get(unit.pk, []))
            for unit, depth in unit_tree(organisation)
        ],
        membership=membership,
        is_admin=membership is not None
        and membership.role == Membership.Role.ADMINISTRATOR,
    )


@dataclass(frozen=True)
class ProcessPage:
    """A process: its phases, rounds and stakeholder groups."""

    process: Process
    rounds: list[Round]
    groups: QuerySet[StakeholderGroup]
    phases: list[Phase]
    # The phase whose work has a page of its own (kerne.priorities).
    prioritisation_phase: Phase
    phase_form: forms.Form
    group_form: forms.Form


def process_page(process: Process) -> ProcessPage:
    return ProcessPage(
        process=process,
        rounds=list(process.rounds.all()),
        groups=process.groups.all(),
        phases=list(Phase),
        prioritisation_phase=Phase.PRIORITERING,
        phase_form=PhaseForm(initial={"phase": process.phase}),
        group_form=GroupForm(process=process),
    )
