"""Agreement per stakeholder group, with Wilson intervals and an anonymity threshold."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from kerne.analysis.intervals import wilson_interval
from kerne.analysis.opinions.votes import FloatArray, IdArray, IntArray, Votes


@dataclass(frozen=True)
class StakeholderAgreement:
    """How one stakeholder group (staff, citizens, …) voted, statement by statement.

    Shares are NaN where fewer than the anonymity threshold voted on a statement.
    """

    label: str
    participants: int
    voters: IntArray
    agree: FloatArray
    agree_low: FloatArray
    agree_high: FloatArray
    disagree: FloatArray
    disagree_low: FloatArray
    disagree_high: FloatArray


@dataclass(frozen=True)
class StakeholderReport:
    statement_ids: IdArray
    groups: tuple[StakeholderAgreement, ...]
    hidden: tuple[str, ...]  # labels with fewer participants than the threshold


def stakeholder_agreement(
    votes: Votes, labels: Mapping[Any, str], *, min_group_size: int = 5
) -> StakeholderReport:
    """Agreement share per stakeholder group and statement, with 95 % Wilson intervals.

    `labels` maps participant id to stakeholder group. A group with fewer than
    `min_group_size` voting participants is not reported, so a lone citizen's
    votes can never be read off the table.
    """
    n, m = votes.n_participants, votes.n_statements
    keys = np.asarray(list(labels.keys()))
    names, codes = np.unique(
        np.asarray(list(labels.values())).astype(str), return_inverse=True
    )
    code = np.full(n, -1, dtype=np.int64)
    if len(keys) and n:
        known = votes.participant_ids
        if known.dtype.kind != keys.dtype.kind:
            # Ids read as numbers on one side and text on the other: match as text.
            known, keys = known.astype(str), keys.astype(str)
        order = np.argsort(known, kind="stable")
        at = np.clip(np.searchsorted(known[order], keys), 0, n - 1)
        found = known[order][at] == keys
        code[order[at[found]]] = codes[found]
    voted = votes.votes_per_participant() > 0
    members = np.bincount(code[voted & (code >= 0)], minlength=len(names))
    vote_code = code[votes.participant]
    labelled = vote_code >= 0
    key = vote_code[labelled] * m + votes.statement[labelled]
    vote = votes.vote[labelled]

    def tally(weights: npt.NDArray[Any] | None) -> IntArray:
        return (
            np.bincount(key, weights=weights, minlength=len(names) * m)
            .astype(np.int64)
            .reshape(len(names), m)
        )

    seen, agree, disagree = tally(None), tally(vote == 1), tally(vote == -1)
    reported, hidden = [], []
    for c, name in enumerate(names.tolist()):
        if members[c] < min_group_size:
            hidden.append(name)
            continue
        enough = seen[c] >= min_group_size
        shares = []
        for hits in (agree[c], disagree[c]):
            share = hits / np.maximum(seen[c], 1)
            low, high = wilson_interval(hits, seen[c])
            shares += [np.where(enough, x, np.nan) for x in (share, low, high)]
        reported.append(StakeholderAgreement(name, int(members[c]), seen[c], *shares))
    return StakeholderReport(votes.statement_ids, tuple(reported), tuple(hidden))
