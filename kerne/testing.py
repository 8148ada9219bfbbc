"""Personas and builders for tests: alice facilitates in Solby, bob is an admin there, charlie is an outsider."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import TestCase

from kerne.organisations.models import Membership, Organisation, Unit
from kerne.organisations.services import add_member, add_unit, create_organisation
from kerne.participation.models import Invitation, Respondent
from kerne.participation.services import (
    AnswerValue,
    save_answers,
    start_respondent,
    submit_respondent,
)
from kerne.processes.models import Process, Round, StakeholderGroup
from kerne.processes.services import create_process, open_round

PASSWORD = "correct-horse-battery"


def make_user(username: str, **overrides: Any) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, **overrides)


def make_organisation(name: str = "Solby Kommune", **overrides: Any) -> Organisation:
    return create_organisation(name=name, **overrides)


def make_unit(
    organisation: Organisation, name: str = "Hjemmeplejen", **overrides: Any
) -> Unit:
    return add_unit(organisation, name=name, **overrides)


def make_process(unit: Unit, *, by: User | None = None, **overrides: Any) -> Process:
    overrides.setdefault("title", "Kerneopgaven i hjemmeplejen")
    return create_process(unit, by=by, **overrides)


def group(process: Process, key: str) -> StakeholderGroup:
    return process.groups.get(key=key)


def invitation(round_: Round, key: str) -> Invitation:
    return round_.invitations.get(group__key=key)


def add_respondents(
    round_: Round, key: str, count: int, *, text: str = "Tryghed og faste hjælpere"
) -> list[Respondent]:
    """Submit `count` respondents in group `key`, each answering every text question."""
    inv = invitation(round_, key)
    questions = list(round_.questions.all())
    made = []
    for i in range(count):
        respondent = start_respondent(inv)
        save_answers(
            respondent,
            {
                q: AnswerValue(text=f"{text} ({key} {i})")
                for q in questions
                if q.kind == "text"
            },
        )
        submit_respondent(respondent)
        made.append(respondent)
    return made


class BaseTestCase(TestCase):
    """Solby Kommune with one unit and an open process round; Havneby Kommune for the outsider."""

    alice: User
    bob: User
    charlie: User
    organisation: Organisation
    unit: Unit
    process: Process
    round: Round
    other_organisation: Organisation
    other_unit: Unit

    @classmethod
    def setUpTestData(cls) -> None:
        cls.alice = make_user("alice")
        cls.bob = make_user("bob")
        cls.charlie = make_user("charlie")
        cls.organisation = make_organisation()
        cls.unit = make_unit(cls.organisation)
        add_member(cls.organisation, cls.alice, role=Membership.Role.FACILITATOR)
        add_member(cls.organisation, cls.bob, role=Membership.Role.ADMINISTRATOR)
        cls.other_organisation = make_organisation("Havneby Kommune")
        cls.other_unit = make_unit(cls.other_organisation, "Jobcenter Havneby")
        add_member(cls.other_organisation, cls.charlie)
        cls.process = make_process(cls.unit, by=cls.alice)
        cls.round = cls.process.rounds.get()
        open_round(cls.round)
