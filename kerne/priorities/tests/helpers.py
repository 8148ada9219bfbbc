"""Builders for the pairwise tests: a round over three initiatives, and voters."""

from __future__ import annotations

from kerne.participation.services import start_respondent
from kerne.priorities.models import PairwiseItem
from kerne.priorities.services import (
    add_initiative,
    create_pairwise_round,
    record_comparison,
)
from kerne.processes.services import open_round
from kerne.testing import invitation


def make_round(process, by, titles=("Madservice", "Tøjvask", "Træning"), **kw):
    for title in titles:
        add_initiative(process, by=by, title=title)
    pairwise = create_pairwise_round(process, by=by, **kw)
    open_round(pairwise.round, needs_questions=False)
    return pairwise


def items(pairwise) -> dict[str, PairwiseItem]:
    return {i.title: i for i in pairwise.items.all()}


def vote(pairwise, key: str, people: int, choices: list[tuple[str, str]]):
    """`people` new respondents in group `key`, each choosing winner over loser per pair."""
    found = items(pairwise)
    made = []
    for _ in range(people):
        respondent = start_respondent(invitation(pairwise.round, key))
        for winner, loser in choices:
            record_comparison(
                respondent,
                first=found[winner],
                second=found[loser],
                winner=found[winner],
            )
        made.append(respondent)
    return made
