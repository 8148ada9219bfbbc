"""Statements, moderation and votes: the one write path (permission-checked reads are in access.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import Any

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import Count, Model, OuterRef, Q, Subquery
from django.db.models.expressions import Col
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from kerne.analysis.opinions import MIN_VOTES
from kerne.participation.models import Invitation, Respondent
from kerne.processes.models import Process, Round
from kerne.statements.duplicates import Duplicate, near_duplicates
from kerne.statements.models import (
    OpinionMap,
    Statement,
    StatementSettings,
    Vote,
    VoteEvent,
)
from kerne.statements.tasks import update_opinion_map

# Votes arriving within this many seconds share one recomputation of the map.
MAP_DEBOUNCE_SECONDS = 5
# A queued recomputation that never started (worker down) may be queued again after this.
MAP_QUEUE_TIMEOUT = timedelta(minutes=10)


def settings_for(process: Process) -> StatementSettings:
    """The process's statement settings; the defaults, unsaved, until someone changes them."""
    found = StatementSettings.objects.filter(process=process).first()
    return found or StatementSettings(process=process)


def opinion_map_for(process: Process) -> OpinionMap:
    """The process's map row; an empty, unsaved one before the first statement."""
    found = OpinionMap.objects.filter(process=process).first()
    return found or OpinionMap(process=process)


def _ensure_opinion_map(process: Process) -> None:
    """Every process with statements has its map row, so a vote never has to look for it."""
    OpinionMap.objects.get_or_create(process=process)


@transaction.atomic
def update_statement_settings(
    process: Process, *, moderation: bool, participants_may_write: bool
) -> StatementSettings:
    found, _created = StatementSettings.objects.update_or_create(
        process=process,
        defaults={
            "moderation": moderation,
            "participants_may_write": participants_may_write,
        },
    )
    return found


@transaction.atomic
def add_statement(
    process: Process,
    *,
    text: str,
    by: User | None,
    origin: str = Statement.Origin.SEED,
    publish: bool = True,
) -> Statement:
    """A facilitator's statement: published at once, or queued to be worded first."""
    _ensure_opinion_map(process)
    statement = Statement.objects.create(
        process=process,
        text=text,
        origin=origin,
        status=Statement.Status.PUBLISHED if publish else Statement.Status.PENDING,
        moderated_by=by if publish else None,
    )
    if publish:
        schedule_map_update(process.pk)
    return statement


class WritingClosed(Exception):
    """The process takes no statements from participants (its statement settings say so)."""


# Enough for anyone with something to say; a script behind one link fills no queue.
MAX_STATEMENTS_PER_RESPONDENT = 20


class TooManyStatements(Exception):
    """The participant has written MAX_STATEMENTS_PER_RESPONDENT statements already."""


@transaction.atomic
def submit_statement(respondent: Respondent, *, text: str) -> Statement:
    """A participant's statement: into the moderation queue, or straight out when moderation is off."""
    process = respondent.round.process
    found = settings_for(process)
    if not found.participants_may_write:
        raise WritingClosed
    if (
        Statement.objects.filter(author=respondent).count()
        >= MAX_STATEMENTS_PER_RESPONDENT
    ):
        raise TooManyStatements
    moderated = found.moderation
    _ensure_opinion_map(process)
    return Statement.objects.create(
        process=process,
        text=text,
        origin=Statement.Origin.PARTICIPANT,
        author=respondent,
        status=Statement.Status.PENDING if moderated else Statement.Status.PUBLISHED,
    )


@transaction.atomic
def moderate_statement(
    statement: Statement, *, status: str, by: User, text: str | None = None
) -> Statement:
    """Approve, reject or edit a statement; a change to the published set updates the map."""
    was_published = statement.status == Statement.Status.PUBLISHED
    fields = ["status", "moderated_by"]
    statement.status = status
    statement.moderated_by = by
    if text is not None and text != statement.text:
        statement.text = text
        fields.append("text")
    statement.save(update_fields=fields)
    if was_published or status == Statement.Status.PUBLISHED:
        schedule_map_update(statement.process_id)
    return statement


def duplicate_warnings(process: Process) -> dict[int, list[tuple[Statement, int]]]:
    """For every pending statement, the other statements it nearly repeats, with similarity in percent."""
    statements = list(
        Statement.objects.filter(process=process).exclude(
            status=Statement.Status.REJECTED
        )
    )
    pending = [
        i for i, s in enumerate(statements) if s.status == Statement.Status.PENDING
    ]
    found: dict[int, list[Duplicate]] = near_duplicates(
        [s.text for s in statements], pending
    )
    return {
        statements[i].pk: [
            (statements[d.index], round(100 * d.similarity)) for d in hits
        ]
        for i, hits in found.items()
    }


def open_invitations(process: Process) -> list[Invitation]:
    """The invitation links that accept votes now, for the facilitator to share."""
    return [
        inv
        for inv in Invitation.objects.filter(round__process=process)
        .select_related("round", "group")
        .order_by("round__created_at", "group__order", "group__pk")
        if inv.is_accepting_answers()
    ]


# The vote runs on every click in a room of 30 to 300 phones, so its reads are
# SQL written once (portable between SQLite and PostgreSQL), and its rows become
# instances as the ORM would make them. bench/load_votes.py measured the
# alternatives on PostgreSQL with 300 participants: the ORM's raw() with one
# query more costs about 20-45 % more CPU per vote, the query builder about
# three times as much, so the hand-written mapper stays (issue #16, point 5).


class _Columns:
    """Some of a model's columns in a hand-written SELECT, made into an instance as the ORM would.

    The column list and the database converters (SQLite's text dates, for
    one) are worked out once; the fields left out are deferred and load if
    asked for.
    """

    def __init__(self, model: type[Model], alias: str, attnames: Sequence[str]) -> None:
        q = connection.ops.quote_name
        fields = [f for f in model._meta.concrete_fields if f.attname in attnames]
        self.model = model
        self.attnames = [f.attname for f in fields]
        self.sql = ", ".join(f"{alias}.{q(f.column)}" for f in fields)
        self.converters: list[tuple[int, list[Any], Col]] = []
        for i, field in enumerate(fields):
            col = field.get_col(alias)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(
                connection
            )
            if found:
                self.converters.append((i, found, col))

    def __len__(self) -> int:
        return len(self.attnames)

    def instance(self, row: Sequence[Any]) -> Any:
        values = list(row)
        for i, converters, col in self.converters:
            for converter in converters:
                values[i] = converter(values[i], col, connection)
        return self.model.from_db(connection.alias, self.attnames, values)


@cache
def _invitation_sql() -> tuple[str, _Columns, _Columns]:
    q = connection.ops.quote_name
    every = [f.attname for f in Invitation._meta.concrete_fields]
    invitation = _Columns(Invitation, "i", every)
    round_ = _Columns(Round, "r", [f.attname for f in Round._meta.concrete_fields])
    sql = (
        f"SELECT {invitation.sql}, {round_.sql}"
        f" FROM {q(Invitation._meta.db_table)} i"
        f" INNER JOIN {q(Round._meta.db_table)} r ON r.{q('id')} = i.{q('round_id')}"
        f" WHERE i.{q('token')} = %s"
    )
    return sql, invitation, round_


def invitation_for_vote(token: str) -> Invitation:
    """The invitation with its round, as invitation_by_token, in one query written once.

    For the vote on every click: the process and group load only if a page
    needs them (the closed and lost pages).
    """
    sql, invitation_columns, round_columns = _invitation_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [token])
        row = cursor.fetchone()
    if row is None:
        raise Http404
    n = len(invitation_columns)
    invitation: Invitation = invitation_columns.instance(row[:n])
    invitation.round = round_columns.instance(row[n:])
    return invitation


@cache
def _respondent_sql() -> tuple[str, _Columns]:
    q = connection.ops.quote_name
    columns = _Columns(
        Respondent, "r", ["id", "invitation_id", "round_id", "group_id", "receipt_code"]
    )
    sql = (
        f"SELECT {columns.sql} FROM {q(Respondent._meta.db_table)} r"
        f" WHERE r.{q('invitation_id')} = %s AND r.{q('receipt_code')} = %s"
        f" ORDER BY r.{q('id')} LIMIT 1"
    )
    return sql, columns


def respondent_for_vote(invitation: Invitation, code: str) -> Respondent | None:
    """As respondent_for_invitation, in one query written once."""
    if not code:
        return None
    sql, columns = _respondent_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [invitation.pk, code])
        row = cursor.fetchone()
    if row is None:
        return None
    respondent: Respondent = columns.instance(row)
    return respondent


def published_statement(process_id: int, pk: int) -> Statement | None:
    """The statement if it is published in the process, with only the fields a vote needs."""
    published = Statement.Status.PUBLISHED
    with connection.cursor() as cursor:
        cursor.execute(_published_statement_sql(), [pk, process_id, published])
        row = cursor.fetchone()
    if row is None:
        return None
    return Statement.from_db(
        connection.alias,
        _PUBLISHED_STATEMENT_FIELDS,
        (pk, process_id, published, row[0]),
    )


_PUBLISHED_STATEMENT_FIELDS = ["id", "process_id", "status", "vote_count"]


@cache
def _published_statement_sql() -> str:
    q = connection.ops.quote_name
    return (
        f"SELECT {q('vote_count')} FROM {q(Statement._meta.db_table)}"
        f" WHERE {q('id')} = %s AND {q('process_id')} = %s AND {q('status')} = %s"
    )


@dataclass(frozen=True)
class NextStatement:
    statement: Statement | None  # None once every published statement has a vote
    voted: int  # published statements voted on (0 when statement is None)
    total: int  # published statements (0 when statement is None)


def next_statement_with_progress(respondent: Respondent) -> NextStatement:
    """The published statement with the fewest votes that this respondent has not voted on.

    Fewest first spreads the votes, so a statement added late catches up
    before the older ones get more; ties go to the oldest statement. One
    query: the progress line's counts ride along as a window count of the
    statements left and a subquery count of all published ones. It runs on
    every vote, so it is written out once as SQL (portable between SQLite and
    PostgreSQL) instead of being compiled by the ORM each time; the statement
    comes back with only the fields the card shows, the rest load if asked for.
    """
    process_id = respondent.round.process_id
    published = Statement.Status.PUBLISHED
    with connection.cursor() as cursor:
        cursor.execute(
            _next_statement_sql(),
            [process_id, published, process_id, published, respondent.pk],
        )
        row = cursor.fetchone()
    if row is None:
        return NextStatement(None, 0, 0)
    pk, text, vote_count, left, total = row
    found = Statement.from_db(
        connection.alias,
        _NEXT_STATEMENT_FIELDS,
        (pk, process_id, text, published, vote_count),
    )
    return NextStatement(found, total - left, total)


# In the model's field order, as from_db wants them.
_NEXT_STATEMENT_FIELDS = ["id", "process_id", "text", "status", "vote_count"]


@cache
def _next_statement_sql() -> str:
    q = connection.ops.quote_name
    statement = q(Statement._meta.db_table)
    vote = q(Vote._meta.db_table)
    return (
        f"SELECT s.{q('id')}, s.{q('text')}, s.{q('vote_count')},"
        f" COUNT(*) OVER (),"
        f" (SELECT COUNT(*) FROM {statement} t"
        f" WHERE t.{q('process_id')} = %s AND t.{q('status')} = %s)"
        f" FROM {statement} s"
        f" WHERE s.{q('process_id')} = %s AND s.{q('status')} = %s"
        f" AND NOT EXISTS (SELECT 1 FROM {vote} v"
        f" WHERE v.{q('respondent_id')} = %s AND v.{q('statement_id')} = s.{q('id')})"
        f" ORDER BY s.{q('vote_count')}, s.{q('id')}"
        " LIMIT 1"
    )


def next_statement(respondent: Respondent) -> Statement | None:
    return next_statement_with_progress(respondent).statement


def recount_votes(process: Process) -> None:
    """Set every statement's vote_count from its votes, after votes were bulk-loaded."""
    counts = (
        Vote.objects.filter(statement=OuterRef("pk"))
        .order_by()
        .values("statement")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Statement.objects.filter(process=process).update(
        vote_count=Coalesce(Subquery(counts), 0)
    )


@dataclass(frozen=True)
class VoteResult:
    vote: Vote
    changed: bool  # False when the same vote arrived again (a double click)


@transaction.atomic
def cast_vote(respondent: Respondent, statement: Statement, value: int) -> VoteResult:
    """Record a vote; the same vote twice is one vote, a different one replaces it.

    The unique constraint on (respondent, statement) decides races between two
    requests: an INSERT … ON CONFLICT DO NOTHING adds the vote unless the pair
    has one, and then a conditional UPDATE changes it only if the value differs,
    so a double click writes nothing. A new vote also counts on its statement,
    last, so the statement's row is locked only for the commit. Written out as
    SQL (portable between SQLite and PostgreSQL): it runs on every vote.

    The INSERT itself decides whether this vote brings the respondent into the
    opinion map (`Vote.entered_map`, Polis's historical rule): it does if the
    respondent has no such vote yet and now has votes on min(7, published
    statements). No extra query, and no clock time stored: the flag is the moment.
    """
    if value not in Vote.Value.values:
        raise ValueError(f"Unknown vote {value!r}")
    if statement.process_id != respondent.round.process_id:
        raise ValueError("The statement belongs to another process.")
    today = timezone.localdate()
    on = connection.ops.adapt_datefield_value(today)
    insert_vote, update_vote, insert_event, count_vote = _cast_vote_sql()
    published = Statement.Status.PUBLISHED
    entry = [respondent.pk, respondent.pk, MIN_VOTES, MIN_VOTES, statement.process_id]
    with connection.cursor() as cursor:
        cursor.execute(
            insert_vote, [respondent.pk, statement.pk, value, on, *entry, published]
        )
        row = cursor.fetchone()
        new = row is not None
        if not new:
            cursor.execute(update_vote, [value, on, respondent.pk, statement.pk, value])
            row = cursor.fetchone()
        if row is None:
            # The same vote again (or the pair's vote vanished meanwhile).
            vote = Vote.objects.filter(
                respondent=respondent, statement=statement
            ).first() or Vote(respondent=respondent, statement=statement, value=value)
            return VoteResult(vote, changed=False)
        cursor.execute(insert_event, [respondent.pk, statement.pk, value, on])
        if new:
            cursor.execute(count_vote, [statement.pk])
    vote = Vote(
        pk=row[0],
        respondent=respondent,
        statement=statement,
        value=value,
        voted_on=today,
    )
    process_id = statement.process_id
    transaction.on_commit(lambda: schedule_map_update(process_id))
    return VoteResult(vote, changed=True)


@cache
def _cast_vote_sql() -> tuple[str, str, str, str]:
    q = connection.ops.quote_name
    vote = q(Vote._meta.db_table)
    columns = (
        f"{q('respondent_id')}, {q('statement_id')}, {q('value')}, {q('voted_on')}"
    )
    # Whether the new vote lets its respondent into the map: not already in,
    # and as many votes (this one included) as min(7, published statements).
    enters = (
        f"CASE WHEN EXISTS (SELECT 1 FROM {vote} e WHERE e.{q('respondent_id')} = %s"
        f" AND e.{q('entered_map')}) THEN FALSE"
        f" ELSE (SELECT COUNT(*) + 1 FROM {vote} m WHERE m.{q('respondent_id')} = %s)"
        " >= (SELECT CASE WHEN COUNT(*) < %s THEN COUNT(*) ELSE %s END"
        f" FROM {q(Statement._meta.db_table)} s WHERE s.{q('process_id')} = %s"
        f" AND s.{q('status')} = %s) END"
    )
    insert_vote = (
        f"INSERT INTO {vote} ({columns}, {q('entered_map')})"
        f" VALUES (%s, %s, %s, %s, {enters})"
        f" ON CONFLICT ({q('respondent_id')}, {q('statement_id')}) DO NOTHING"
        f" RETURNING {q('id')}"
    )
    update_vote = (
        f"UPDATE {vote} SET {q('value')} = %s, {q('voted_on')} = %s"
        f" WHERE {q('respondent_id')} = %s AND {q('statement_id')} = %s"
        f" AND {q('value')} <> %s RETURNING {q('id')}"
    )
    insert_event = (
        f"INSERT INTO {q(VoteEvent._meta.db_table)} ({columns}) VALUES (%s, %s, %s, %s)"
    )
    statement = q(Statement._meta.db_table)
    count_vote = (
        f"UPDATE {statement} SET {q('vote_count')} = {q('vote_count')} + 1"
        f" WHERE {q('id')} = %s"
    )
    return insert_vote, update_vote, insert_event, count_vote


def current_votes(respondent: Respondent) -> list[Vote]:
    return list(
        Vote.objects.filter(respondent=respondent)
        .select_related("statement")
        .order_by("pk")
    )


def schedule_map_update(process_id: int) -> bool:
    """Queue one recomputation of the map unless one is already waiting; True if it queued.

    Runs outside the vote's transaction (on commit), so votes never wait on the
    map row. The conditional UPDATE is the debounce, and the database is its
    only memory, so every web process and server behaves alike: of many votes
    in a burst, only the first finds the row unqueued; the others' UPDATE
    matches no row and locks nothing. A queued run starts MAP_DEBOUNCE_SECONDS
    later and reads the votes only then, so the votes committed meanwhile are
    in it. The write paths that create statements create the map row
    (`_ensure_opinion_map`), so there is always one to claim.
    """
    now = timezone.now()
    claimed = OpinionMap.objects.filter(
        Q(queued_at__isnull=True) | Q(queued_at__lt=now - MAP_QUEUE_TIMEOUT),
        process_id=process_id,
    ).update(queued_at=now)
    if not claimed:
        return False
    run_after = now + timedelta(seconds=MAP_DEBOUNCE_SECONDS)
    transaction.on_commit(
        lambda: update_opinion_map.using(run_after=run_after).enqueue(process_id)
    )
    return True
