"""Bring a Polis conversation in as a process, and take ours out in Polis's CSV format.

The files are read and written by kerne/analysis/polis_io.py; this module maps
them onto processes, statements, anonymous respondents and votes. Votes keep
only their day here (see models.py), so an export's timestamps are the start
of that day, and the vote log keeps its order within a day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kerne.analysis.opinions import entry_votes
from kerne.analysis.polis_io import (
    PolisComment,
    VoteLog,
    read_polis_export,
    write_polis_export,
)
from kerne.organisations.models import Unit
from kerne.participation.models import Respondent
from kerne.participation.services import ensure_invitations
from kerne.processes.models import Process, StakeholderGroup
from kerne.processes.services import close_imported_round, create_process
from kerne.processes.template import GroupTemplate
from kerne.statements.models import OpinionMap, Statement, Vote, VoteEvent
from kerne.statements.services import recount_votes

IMPORT_GROUP = GroupTemplate("polis", "Polis-deltager", StakeholderGroup.Side.OUTSIDE)
BATCH = 5000


def _day(milliseconds: int) -> date:
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.fromtimestamp(milliseconds / 1000, tz=UTC).astimezone(zone).date()


def _milliseconds(day: date) -> int:
    start = datetime.combine(day, time(), tzinfo=ZoneInfo(settings.TIME_ZONE))
    return int(start.timestamp() * 1000)


@transaction.atomic
def import_polis(directory: Path, *, unit: Unit, title: str = "") -> Process:
    """Create a process from a Polis export: statements, one respondent per voter, and votes.

    Comments moderated out (-1) or marked meta come in rejected, so they are
    kept but stay out of the map; unmoderated ones (0) come in published,
    because Polis counted them in its own analysis.
    """
    export = read_polis_export(directory)
    process = create_process(
        unit,
        title=title or f"Polis: {Path(directory).name}",
        purpose="",
        by=None,
        groups=(IMPORT_GROUP,),
        questions=(),
    )
    log = export.votes
    round_ = close_imported_round(
        process.rounds.get(),
        opened_at=datetime.fromtimestamp(int(log.timestamp.min()) / 1000, tz=UTC)
        if log.timestamp.size
        else None,
    )
    (invitation,) = ensure_invitations(round_)
    OpinionMap.objects.get_or_create(process=process)

    order = np.argsort(log.timestamp, kind="stable")
    voter_ids = sorted(
        {_key(v) for v in log.voter_id.tolist()}
        | {_key(c.author_id) for c in export.comments if _key(c.author_id)},
        key=_sort_key,
    )
    first_vote: dict[str, int] = {}
    for i in order[::-1].tolist():
        first_vote[_key(log.voter_id[i])] = int(log.timestamp[i])
    respondents = Respondent.objects.bulk_create(
        [
            Respondent(
                invitation=invitation,
                round=round_,
                group=invitation.group,
                started_on=_day(first_vote[v])
                if v in first_vote
                else timezone.localdate(),
            )
            for v in voter_ids
        ],
        batch_size=BATCH,
    )
    respondent_of = dict(zip(voter_ids, respondents, strict=True))

    comments = {_key(c.comment_id): c for c in export.comments}
    for cid in log.comment_id.tolist():
        # A vote on a comment missing from comments.csv: keep it with an empty text.
        comments.setdefault(_key(cid), PolisComment(comment_id=cid, text=""))
    in_order = sorted(comments.values(), key=lambda c: _sort_key(_key(c.comment_id)))
    statements = Statement.objects.bulk_create(
        [
            Statement(
                process=process,
                text=c.text[:1000],
                status=Statement.Status.REJECTED
                if c.moderated == -1 or c.is_meta
                else Statement.Status.PUBLISHED,
                origin=Statement.Origin.IMPORTED,
                author=respondent_of.get(_key(c.author_id)),
                polis_id=_polis_id(c.comment_id),
                created_on=_day(c.timestamp) if c.timestamp else timezone.localdate(),
            )
            for c in in_order
        ],
        batch_size=BATCH,
    )
    statement_of = {
        _key(c.comment_id): s for c, s in zip(in_order, statements, strict=True)
    }

    # Who was in Polis's map, replayed in time order: flag the vote that let each in.
    entered = entry_votes(log.voter_id[order], log.comment_id[order])
    entry_rows = set(order[entered].tolist())
    events = []
    latest: dict[tuple[int, int], VoteEvent] = {}
    entries: set[tuple[int, int]] = set()
    for i in order.tolist():
        event = VoteEvent(
            respondent=respondent_of[_key(log.voter_id[i])],
            statement=statement_of[_key(log.comment_id[i])],
            value=int(log.vote[i]),
            voted_on=_day(int(log.timestamp[i])),
        )
        events.append(event)
        latest[(event.respondent.pk, event.statement.pk)] = event
        if i in entry_rows:
            entries.add((event.respondent.pk, event.statement.pk))
    VoteEvent.objects.bulk_create(events, batch_size=BATCH)
    Vote.objects.bulk_create(
        (
            Vote(
                respondent=e.respondent,
                statement=e.statement,
                value=e.value,
                voted_on=e.voted_on,
                entered_map=(e.respondent.pk, e.statement.pk) in entries,
            )
            for e in latest.values()
        ),
        batch_size=BATCH,
    )
    recount_votes(process)
    return process


def _polis_id(comment_id: Any) -> int | None:
    """Polis's own number for a statement, where it is one that fits the column."""
    text = str(comment_id)
    if not text.lstrip("-").isdigit():
        return None
    number = int(text)
    return number if -(2**63) <= number < 2**63 else None


def _key(value: Any) -> str:
    # Ids come as numpy integers, ints or strings; compare them as text.
    return str(value.item() if isinstance(value, np.generic) else value).strip()


def _sort_key(key: str) -> tuple[bool, int, str]:
    """Numeric ids in numeric order, then any others as text."""
    numeric = key.lstrip("-").isdigit()
    return (not numeric, int(key) if numeric else 0, key)


def export_polis(process: Process, directory: Path) -> tuple[int, int]:
    """Write votes.csv and comments.csv; returns (votes written, statements written).

    Voters are numbered 0, 1, … in the order they started, and statements by
    their Polis id if they were imported with one, else 0, 1, … in creation order.
    """
    statements = list(Statement.objects.filter(process=process).order_by("pk"))
    imported = [s.polis_id for s in statements]
    use_polis = all(pid is not None for pid in imported) and len(set(imported)) == len(
        imported
    )
    comment_id = {
        s.pk: (s.polis_id if use_polis else i) for i, s in enumerate(statements)
    }
    events = list(
        VoteEvent.objects.filter(statement__process=process)
        .order_by("pk")
        .values_list("respondent_id", "statement_id", "value", "voted_on")
    )
    people = sorted(
        {e[0] for e in events}
        | {s.author_id for s in statements if s.author_id is not None}
    )
    voter_id = {pk: i for i, pk in enumerate(people)}
    log = VoteLog(
        timestamp=np.array([_milliseconds(e[3]) for e in events], dtype=np.int64),
        comment_id=np.array([comment_id[e[1]] for e in events], dtype=np.int64),
        voter_id=np.array([voter_id[e[0]] for e in events], dtype=np.int64),
        vote=np.array([e[2] for e in events], dtype=np.int8),
    )
    moderated = {
        Statement.Status.PUBLISHED: 1,
        Statement.Status.PENDING: 0,
        Statement.Status.REJECTED: -1,
    }
    comments = [
        PolisComment(
            comment_id=comment_id[s.pk],
            text=s.text,
            moderated=moderated[Statement.Status(s.status)],
            author_id=voter_id.get(s.author_id, "") if s.author_id else "",
            timestamp=_milliseconds(s.created_on),
        )
        for s in statements
    ]
    write_polis_export(Path(directory), log, comments)
    return len(events), len(comments)
