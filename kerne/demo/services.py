"""Load the demo: two municipalities, their units, facilitators and answered rounds.

Run by `kerne demo`. Idempotent: an existing demo is left as it is unless reset=True.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kerne.demo.answers import (
    QUESTIONS,
    SCHOOL_QUESTIONS,
    generate_respondents,
    generate_school_respondents,
)
from kerne.demo.coretasks import load as load_coretasks
from kerne.demo.coretasks import reset as reset_coretasks
from kerne.demo.priorities import load as load_priorities
from kerne.demo.rounds import load_answers, question_templates
from kerne.demo.statements import load as load_statements
from kerne.demo.users import demo_user
from kerne.organisations.models import Membership, Organisation, Unit
from kerne.organisations.services import add_member, add_unit, create_organisation
from kerne.participation.models import Respondent
from kerne.processes.models import Process, Round, StakeholderGroup
from kerne.processes.services import create_process, open_round
from kerne.processes.template import GroupTemplate
from kerne.themes.services import analyse_round_now

DEMO_SLUGS = ("solbjerg", "havnestad")

SCHOOL_GROUPS = (
    GroupTemplate("medarbejder", "Medarbejder", StakeholderGroup.Side.INSIDE),
    GroupTemplate("leder", "Leder", StakeholderGroup.Side.INSIDE),
    GroupTemplate("elev", "Elev", StakeholderGroup.Side.OUTSIDE),
    GroupTemplate("foraeldre", "Forældre", StakeholderGroup.Side.OUTSIDE),
)


@transaction.atomic
def load_demo(*, reset: bool = False) -> str:
    if reset:
        Respondent.objects.filter(
            round__process__unit__organisation__slug__in=DEMO_SLUGS
        ).delete()
        for organisation in Organisation.objects.filter(slug__in=DEMO_SLUGS):
            reset_coretasks(organisation)
            for process in organisation.units.all().values_list("processes", flat=True):
                if process is not None:
                    Process.objects.filter(pk=process).delete()
            Unit.objects.filter(organisation=organisation).order_by(
                "-parent_id"
            ).delete()
            organisation.delete()
    if Organisation.objects.filter(slug="solbjerg").exists():
        return "Demo-data findes allerede (brug --reset for at starte forfra)."

    fasilitator = demo_user("fasilitator", "Frida", "Fasilitator")
    udefra = demo_user("udefra", "Ulrik", "Udefra")

    solbjerg = create_organisation(name="Solbjerg Kommune", slug="solbjerg")
    add_member(solbjerg, fasilitator, role=Membership.Role.FACILITATOR)
    top = add_unit(solbjerg, name="Solbjerg Kommune", kind=Unit.Kind.ADMINISTRATION)
    care = add_unit(solbjerg, name="Sundhed og Omsorg", kind=Unit.Kind.AREA, parent=top)
    children = add_unit(solbjerg, name="Børn og Unge", kind=Unit.Kind.AREA, parent=top)
    work = add_unit(solbjerg, name="Beskæftigelse", kind=Unit.Kind.AREA, parent=top)
    nord = add_unit(solbjerg, name="Hjemmeplejen Nord", parent=care)
    add_unit(solbjerg, name="Hjemmeplejen Syd", parent=care)
    school = add_unit(solbjerg, name="Solbjerg Skole", parent=children)
    add_unit(solbjerg, name="Jobcenter Solbjerg", parent=work)

    care_process = create_process(
        nord,
        title="Kerneopgaven i Hjemmeplejen Nord",
        purpose=(
            "Vi vil finde vores kerneopgave sammen med borgere, pårørende og samarbejdspartnere. "
            "Dine svar bruges til at se, hvor vi er enige, og hvor vi ser forskelligt på opgaven."
        ),
        by=fasilitator,
        questions=question_templates(QUESTIONS),
    )
    care_round = care_process.rounds.get()
    open_round(care_round, closes_at=timezone.now() + timedelta(days=14))
    care_count = load_answers(care_round, QUESTIONS, generate_respondents(seed=2026))
    # Themes straight away, from the words (a second or so): the sentence model
    # would add minutes to `make demo`. "Analysér nu" in the demo runs it in the worker.
    analyse_round_now(care_round, words_only=True)
    statements_note = load_statements(care_process, by=fasilitator)

    school_process = create_process(
        school,
        title="Hvad er Solbjerg Skoles kerneopgave?",
        purpose="Elever, forældre og medarbejdere er med til at formulere, hvad skolen skal lykkes med.",
        by=fasilitator,
        groups=SCHOOL_GROUPS,
        questions=question_templates(SCHOOL_QUESTIONS),
    )
    school_round = school_process.rounds.get()
    open_round(school_round)
    school_count = load_answers(
        school_round, SCHOOL_QUESTIONS, generate_school_respondents(seed=2026)
    )

    coretasks_note = load_coretasks(solbjerg, fasilitator)
    priorities_note = load_priorities(
        Unit.objects.get(organisation=solbjerg, name="Hjemmeplejen Syd"), fasilitator
    )
    # Every other first round with answers gets its themes now too, so the drafting
    # material is there at once instead of waiting for the worker.
    first_rounds = Round.objects.filter(
        process__unit__organisation=solbjerg, qualification__isnull=True
    ).exclude(pk=care_round.pk)
    for round_ in first_rounds:
        if round_.respondents.filter(submitted=True).exists():
            analyse_round_now(round_, words_only=True)

    havnestad = create_organisation(name="Havnestad Kommune", slug="havnestad")
    add_member(havnestad, udefra, role=Membership.Role.FACILITATOR)
    service = add_unit(havnestad, name="Borgerservice Havnestad")
    create_process(service, title="Kerneopgaven i Borgerservice", by=udefra)

    threshold = settings.KERNE_DEFAULT_ANONYMITY_THRESHOLD
    return (
        f"Demo-data oprettet: Solbjerg Kommune ({care_count} svar i Hjemmeplejen Nord, "
        f"{school_count} på Solbjerg Skole) og Havnestad Kommune. Anonymitetsgrænse: {threshold}. "
        f"{coretasks_note} {priorities_note} {statements_note}"
    )
