"""Votes as arrays, and the votes that count when a participant enters the map."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
IdArray = npt.NDArray[Any]
Direction = Literal["agree", "disagree"]

# Polis tests significance one-sided at 90 %.
Z_90 = 1.2816
# Polis's threshold for entering the map: votes on min(MIN_VOTES, statements).
MIN_VOTES = 7
# Below this many participants in the map, Polis adds the most active voters
# so a young conversation still gets a map ("greedy-n").
GREEDY_FILL = 15
# Up to this many cells a dense Gram matrix's eigenvectors are exact and
# quickest; above it ARPACK on the sparse matrix wins.
DENSE_SVD_CELLS = 400_000


@dataclass(frozen=True)
class Votes:
    """The latest vote per (participant, statement), as parallel index arrays.

    `participant` and `statement` index into the sorted id arrays, so results
    never depend on the order in which votes arrived.
    """

    participant_ids: IdArray
    statement_ids: IdArray
    participant: IntArray
    statement: IntArray
    vote: npt.NDArray[np.int8]

    @classmethod
    def from_triples(
        cls,
        participants: npt.ArrayLike,
        statements: npt.ArrayLike,
        votes: npt.ArrayLike,
    ) -> Votes:
        """Build from (participant id, statement id, vote) triples; a later duplicate wins."""
        pids_in, sids_in, values = (
            np.asarray(participants),
            np.asarray(statements),
            np.asarray(votes),
        )
        if not (pids_in.shape == sids_in.shape == values.shape) or values.ndim != 1:
            raise ValueError(
                "participants, statements and votes must be 1-D and equally long"
            )
        # Three comparisons: np.isin would sort two million votes to check them.
        if ((values != 1) & (values != 0) & (values != -1)).any():
            raise ValueError("votes must be +1 (agree), 0 (pass) or -1 (disagree)")
        pids, p_idx = _factorise(pids_in)
        sids, s_idx = _factorise(sids_in)
        keep = _last_per_pair(p_idx.astype(np.int64) * max(len(sids), 1) + s_idx)
        return cls(
            pids,
            sids,
            p_idx[keep].astype(np.int64),
            s_idx[keep].astype(np.int64),
            values[keep].astype(np.int8),
        )

    @property
    def n_participants(self) -> int:
        return len(self.participant_ids)

    @property
    def n_statements(self) -> int:
        return len(self.statement_ids)

    def without_statements(self, excluded: Collection[Any]) -> Votes:
        """Drop votes on excluded (moderated-out or meta) statements, keeping every participant."""
        drop = np.isin(self.statement_ids, np.asarray(list(excluded)))
        if not drop.any():
            return self
        keep_votes = ~drop[self.statement]
        still_voted = np.zeros(self.n_statements, dtype=bool)
        still_voted[self.statement[keep_votes]] = True
        new_index = np.cumsum(still_voted) - 1
        return Votes(
            self.participant_ids,
            self.statement_ids[still_voted],
            self.participant[keep_votes],
            new_index[self.statement[keep_votes]],
            self.vote[keep_votes],
        )

    def votes_per_participant(self) -> IntArray:
        return np.bincount(self.participant, minlength=self.n_participants).astype(
            np.int64
        )


def _factorise(ids: IdArray) -> tuple[IdArray, IntArray]:
    """Sorted distinct ids and each element's index among them (np.unique, faster)."""
    if ids.dtype.kind in "iu" and len(ids):
        low, high = int(ids.min()), int(ids.max())
        # Polis ids are small dense integers: a presence table beats sorting.
        if low >= 0 and high < 4 * len(ids) + 1_000_000:
            present = np.zeros(high + 1, dtype=bool)
            present[ids] = True
            position = np.cumsum(present) - 1
            return np.flatnonzero(present).astype(ids.dtype), position[ids]
    distinct, inverse = np.unique(ids, return_inverse=True)
    return distinct, inverse.astype(np.int64)


def _last_per_pair(key: IntArray) -> IntArray:
    """Positions of the last occurrence of each key, in key order."""
    n = len(key)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if int(key.max()) < (2**62) // n:
        # Appending the position makes every value distinct, so numpy's fast
        # unstable sort gives the same order a stable sort would.
        tagged = key * n + np.arange(n)
        tagged.sort()
        sorted_key = tagged // n
        last = np.append(sorted_key[1:] != sorted_key[:-1], True)
        return np.asarray(tagged[last] - sorted_key[last] * n, dtype=np.int64)
    _, first_from_end = np.unique(key[::-1], return_index=True)
    return np.asarray(n - 1 - first_from_end, dtype=np.int64)


def entry_votes(
    participants: npt.ArrayLike,
    statements: npt.ArrayLike,
    *,
    min_votes: int = MIN_VOTES,
    greedy: int = 0,
    among: BoolArray | None = None,
) -> BoolArray:
    """Which votes of a sequence, in the order cast, brought their voter into the map.

    Polis's rule is historical: a participant enters once they have voted on
    min(`min_votes`, statements voted on so far) statements, and never leaves,
    so a participant who voted early, while there were few statements, stays
    in the map after more are added. Only a participant's first vote on a
    statement counts; a changed vote is not a new one. The result is True at
    most once per participant, at the vote that brought them in.

    While fewer than fifteen are in, Polis also adds the most active voters;
    replayed vote by vote that is the first `greedy` (15) participants to vote,
    at their first vote. It is off by default: on the Seattle export it puts
    six people in whom Polis itself left out and halves the agreement with
    Polis's groups, and `cluster_participants` applies the fill to today's
    votes anyway.

    `among` (a mask over the votes) replays only those votes' participants;
    every vote still counts towards the statements there are.
    """
    pids_in, sids_in = np.asarray(participants), np.asarray(statements)
    if pids_in.shape != sids_in.shape or pids_in.ndim != 1:
        raise ValueError("participants and statements must be 1-D and equally long")
    n = len(pids_in)
    entered = np.zeros(n, dtype=bool)
    if n == 0:
        return entered
    _, p_idx = _factorise(pids_in)
    sids, s_idx = _factorise(sids_in)
    # The statements voted on so far, at each vote.
    first_on = np.full(len(sids), n, dtype=np.int64)
    np.minimum.at(first_on, s_idx, np.arange(n, dtype=np.int64))
    opened = np.zeros(n, dtype=np.int32)
    opened[first_on] = 1
    # What a participant needs at each vote: min(min_votes, statements so far).
    needed = np.minimum(np.cumsum(opened, dtype=np.int32), min_votes)
    del opened
    # Each participant's first votes on statements, grouped by participant in
    # the order cast: (participant, position) in one sortable integer.
    if among is None:
        firsts = _first_per_key(p_idx * len(sids) + s_idx)
    else:
        chosen = np.flatnonzero(among)
        firsts = chosen[_first_per_key(p_idx[chosen] * len(sids) + s_idx[chosen])]
    del s_idx
    if len(firsts) == 0:
        return entered
    tagged = p_idx[firsts]
    del p_idx
    tagged *= n
    tagged += firsts
    del firsts
    tagged.sort()
    voter = tagged // n
    at = tagged - voter * n
    del tagged
    starts = np.flatnonzero(np.append(True, voter[1:] != voter[:-1]))
    # Running count of distinct statements per participant, minus what is needed.
    running = np.arange(1, len(at) + 1, dtype=np.int64)
    running -= np.repeat(starts, np.diff(np.append(starts, len(at))))
    reached = np.flatnonzero(running >= needed[at])
    del running, needed
    # The first vote that reaches the threshold, per participant.
    reached_by = voter[reached]
    first_reach = reached[
        np.append(len(reached) > 0, reached_by[1:] != reached_by[:-1])[: len(reached)]
    ]
    entry = np.full(len(starts), n, dtype=np.int64)
    entry[np.searchsorted(starts, first_reach, side="right") - 1] = at[first_reach]
    if greedy:
        first_vote = at[starts]
        early = np.argsort(first_vote, kind="stable")[:greedy]
        entry[early] = np.minimum(entry[early], first_vote[early])
    entered[entry[entry < n]] = True
    return entered


def _first_per_key(key: IntArray) -> IntArray:
    """Positions of the first occurrence of each key, in key order."""
    n = len(key)
    if n and int(key.max()) < (2**62) // n:
        # As in _last_per_pair: the position makes every value distinct.
        tagged = key * n + np.arange(n)
        tagged.sort()
        sorted_key = tagged // n
        first = np.append(True, sorted_key[1:] != sorted_key[:-1])
        return np.asarray(tagged[first] - sorted_key[first] * n, dtype=np.int64)
    _, at = np.unique(key, return_index=True)
    return np.asarray(at, dtype=np.int64)
