"""Builders for statement tests: statements, voters and votes through the services."""

from __future__ import annotations

from collections.abc import Sequence

from kerne.participation.models import Respondent
from kerne.participation.services import start_respondent
from kerne.processes.models import Process, Round
from kerne.statements.models import Statement
from kerne.statements.services import add_statement, cast_vote
from kerne.testing import invitation

TEXTS = [
    "Vi skal bruge mere tid på at tale med borgeren end på at dokumentere.",
    "Faste hjælpere er vigtigere end fleksible vagtplaner.",
    "God dokumentation er en del af god faglighed.",
    "Borgeren skal selv bestemme, hvornår hjælpen kommer.",
    "Pårørende skal inddrages mere i planlægningen.",
    "Vi skal hjælpe borgeren til at klare mere selv.",
    "Kvalitet handler mest om relationen til borgeren.",
    "Vi bruger for meget tid på transport.",
]


def make_statements(process: Process, texts: Sequence[str] = TEXTS) -> list[Statement]:
    return [add_statement(process, text=t, by=None) for t in texts]


def voters(round_: Round, key: str, count: int) -> list[Respondent]:
    inv = invitation(round_, key)
    return [start_respondent(inv) for _ in range(count)]


def vote_all(
    respondents: Sequence[Respondent],
    statements: Sequence[Statement],
    values: Sequence[int],
) -> None:
    """Each respondent passes on one statement (a different one each), so no two vote alike."""
    for i, respondent in enumerate(respondents):
        for j, (statement, value) in enumerate(zip(statements, values, strict=True)):
            cast_vote(respondent, statement, 0 if j == i % len(statements) else value)
