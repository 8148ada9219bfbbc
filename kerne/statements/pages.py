"""The data of the statement pages, one function per page.

Each builder reads; nothing writes: a process without statement settings or a map
row gets the unsaved defaults (`services.settings_for`, `services.opinion_map_for`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Count

from kerne.lib.anonymity import batched
from kerne.lib.pages import as_context
from kerne.participation.models import Invitation, Respondent
from kerne.processes.models import Process, Round
from kerne.statements import services, summaries, themes
from kerne.statements.forms import (
    ParticipantStatementForm,
    StatementForm,
    StatementSettingsForm,
)
from kerne.statements.mapping import MapView, map_view
from kerne.statements.models import Statement, Vote

# ---------------------------------------------------------------- facilitator


@dataclass(frozen=True)
class ListPage:
    process: Process
    threshold: int
    published: list[Statement]
    pending: list[Statement]
    rejected: list[Statement]
    # For every pending statement, the statements it nearly repeats (similarity in %).
    duplicates: dict[int, list[tuple[Statement, int]]]
    settings_form: forms.ModelForm[Any]
    form: forms.Form
    themes: list[themes.ThemeChoice]
    invitations: list[Invitation]


def list_page(process: Process, *, form: forms.Form | None = None) -> ListPage:
    statements = list(
        Statement.objects.filter(process=process).annotate(votes_now=Count("votes"))
    )
    threshold = process.anonymity_threshold
    for statement in statements:
        # Live, and read again and again: only in batches of k, as on the map.
        statement.votes_shown = batched(statement.votes_now, threshold)  # type: ignore[attr-defined]
    return ListPage(
        process=process,
        threshold=threshold,
        published=[s for s in statements if s.status == Statement.Status.PUBLISHED],
        pending=[s for s in statements if s.status == Statement.Status.PENDING],
        rejected=[s for s in statements if s.status == Statement.Status.REJECTED],
        duplicates=services.duplicate_warnings(process),
        settings_form=StatementSettingsForm(instance=services.settings_for(process)),
        form=form or StatementForm(process=process),
        themes=themes.themes_for(process),
        invitations=services.open_invitations(process),
    )


@dataclass(frozen=True)
class EditPage:
    statement: Statement
    process: Process
    form: forms.Form


def edit_page(statement: Statement, form: forms.Form) -> EditPage:
    return EditPage(statement=statement, process=statement.process, form=form)


@dataclass(frozen=True)
class MapPage:
    process: Process
    # The stored map as `mapping.map_view` shows it (groups, consensus, sides …).
    view: MapView
    summary: list[str]

    def context(self) -> dict[str, Any]:
        """The template's variables: the map view's fields beside the process and summary."""
        return {
            "process": self.process,
            **as_context(self.view),
            "summary": self.summary,
        }


def map_page(process: Process) -> MapPage:
    view = map_view(process, services.opinion_map_for(process))
    return MapPage(process=process, view=view, summary=summaries.map_summary(view))


# ---------------------------------------------------------------- participants


@dataclass(frozen=True)
class LinkPage:
    """The pages that only say something about the link: closed, or device unknown."""

    invitation: Invitation
    process: Process


def link_page(invitation: Invitation) -> LinkPage:
    return LinkPage(invitation=invitation, process=invitation.round.process)


@dataclass(frozen=True)
class Card:
    """The statement to vote on next, and how far the respondent has come."""

    statement: Statement | None
    voted: int
    total: int


def card(respondent: Respondent) -> Card:
    found = services.next_statement_with_progress(respondent)
    return Card(statement=found.statement, voted=found.voted, total=found.total)


@dataclass(frozen=True)
class Voting:
    """What the voting page shows once the device is a respondent."""

    statement: Statement | None
    voted: int
    total: int
    write_form: forms.Form


@dataclass(frozen=True)
class VotePage:
    invitation: Invitation
    process: Process
    round: Round
    respondent: Respondent | None
    may_write: bool
    moderated: bool
    # None before the device has started: the page then shows the start button.
    voting: Voting | None

    def context(self) -> dict[str, Any]:
        """The template's variables: the voting's fields only once there is a respondent."""
        return as_context(self, spread="voting")


def vote_page(
    invitation: Invitation,
    respondent: Respondent | None,
    *,
    write_form: forms.Form | None = None,
) -> VotePage:
    process = invitation.round.process
    statement_settings = services.settings_for(process)
    voting = None
    if respondent is not None:
        next_card = card(respondent)
        voting = Voting(
            statement=next_card.statement,
            voted=next_card.voted,
            total=next_card.total,
            write_form=write_form or ParticipantStatementForm(process=process),
        )
    return VotePage(
        invitation=invitation,
        process=process,
        round=invitation.round,
        respondent=respondent,
        may_write=statement_settings.participants_may_write,
        moderated=statement_settings.moderation,
        voting=voting,
    )


@dataclass(frozen=True)
class MinePage:
    invitation: Invitation
    process: Process
    votes: list[Vote]
    is_open: bool


def mine_page(invitation: Invitation, respondent: Respondent) -> MinePage:
    """The participant's own votes, each one changeable while the link is open."""
    return MinePage(
        invitation=invitation,
        process=invitation.round.process,
        votes=services.current_votes(respondent),
        is_open=invitation.is_accepting_answers(),
    )
