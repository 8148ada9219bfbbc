"""Opinion map from agree / pass / disagree votes, after Polis's published math.

Polis (compdemocracy.org) places participants on a 2-D map by PCA of the vote
matrix, finds opinion groups with k-means, and lists what each group stands
for, what everybody agrees on and which statements divide. This module restates
those formulas (see shared/research/polis.md) with numpy and a sparse matrix,
seeded so the same votes always give the same map, and adds two things Polis
lacks: agreement per stakeholder group (staff, citizens, …) with intervals and
an anonymity threshold, and a stability score for the opinion groups.

Votes are +1 agree, -1 disagree, 0 pass; a missing vote is simply absent.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
IdArray = npt.NDArray[Any]
Direction = Literal["agree", "disagree"]

# Polis tests significance one-sided at 90 %.
Z_90 = 1.2816
# Wilson intervals for stakeholder agreement are the usual two-sided 95 %.
Z_95 = 1.959964
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


@dataclass(frozen=True)
class RepresentativeStatement:
    statement_id: Any
    direction: Direction
    n_success: int  # agrees (or disagrees) in the group
    n_trials: int  # votes seen in the group, passes included
    probability: float  # smoothed share of the group voting this way
    probability_z: float  # one-proportion test against one half
    repness: float  # that share divided by the same share in the rest
    repness_z: float  # two-proportion test, group against rest


@dataclass(frozen=True)
class ConsensusStatement:
    statement_id: Any
    probability: float
    z: float


@dataclass(frozen=True)
class DivisiveStatement:
    statement_id: Any
    spread: float  # smoothed agree share of the most minus the least agreeing group
    z: float  # two-proportion test between those two groups
    most_agreeing_group: int
    least_agreeing_group: int


@dataclass(frozen=True)
class GroupVotes:
    """Counts per opinion group (rows) and statement (columns), in-map members only."""

    agree: IntArray
    disagree: IntArray
    seen: IntArray  # passes included, as in Polis


@dataclass(frozen=True)
class Clustering:
    coords: FloatArray  # (participants, 2), every participant projected
    components: FloatArray  # (2, statements)
    mean: FloatArray  # per-statement mean vote used for imputation
    in_map: BoolArray
    groups: IntArray  # -1 when not in the map
    n_groups: int
    silhouettes: dict[int, float]  # per candidate k
    base_centres: FloatArray  # the ~100 k-means buckets the groups are made of


@dataclass(frozen=True)
class OpinionMap:
    participant_ids: IdArray
    statement_ids: IdArray
    vote_counts: IntArray
    clustering: Clustering
    statement_coords: (
        FloatArray  # where a participant agreeing with just that statement would sit
    )
    extremity: FloatArray
    group_votes: GroupVotes
    repness: tuple[tuple[RepresentativeStatement, ...], ...]
    consensus_agree: tuple[ConsensusStatement, ...]
    consensus_disagree: tuple[ConsensusStatement, ...]
    group_informed_consensus: FloatArray
    group_informed_consensus_disagree: FloatArray
    divisive: tuple[DivisiveStatement, ...]

    @property
    def groups(self) -> IntArray:
        return self.clustering.groups

    @property
    def n_groups(self) -> int:
        return self.clustering.n_groups


def analyse_opinions(
    votes: Votes,
    *,
    min_votes: int = MIN_VOTES,
    base_clusters: int = 100,
    max_groups: int = 5,
    pick_max: int = 5,
    seed: int = 0,
    members: Collection[Any] = (),
) -> OpinionMap:
    """Run the whole pipeline on votes whose excluded statements are already dropped.

    `members` are participants who entered the map earlier (see `entry_votes`);
    they stay in it even with fewer votes than the threshold asks today.
    """
    clustering = cluster_participants(
        votes,
        min_votes=min_votes,
        base_clusters=base_clusters,
        max_groups=max_groups,
        seed=seed,
        members=members,
    )
    n_stmt = votes.n_statements
    # A participant who agreed with one statement alone: centred vote 1 - mean, scaled by sqrt(m / 1).
    statement_coords = (
        clustering.components * ((1.0 - clustering.mean) * np.sqrt(n_stmt))
    ).T
    group_votes = count_group_votes(votes, clustering.groups, clustering.n_groups)
    gic = np.prod((group_votes.agree + 1.0) / (group_votes.seen + 2.0), axis=0)
    gic_disagree = np.prod(
        (group_votes.disagree + 1.0) / (group_votes.seen + 2.0), axis=0
    )
    consensus_agree, consensus_disagree = _select_consensus(votes, pick_max)
    return OpinionMap(
        participant_ids=votes.participant_ids,
        statement_ids=votes.statement_ids,
        vote_counts=votes.votes_per_participant(),
        clustering=clustering,
        statement_coords=statement_coords,
        extremity=np.linalg.norm(statement_coords, axis=1),
        group_votes=group_votes,
        repness=_select_repness(group_votes, votes.statement_ids, pick_max),
        consensus_agree=consensus_agree,
        consensus_disagree=consensus_disagree,
        group_informed_consensus=gic if clustering.n_groups else np.zeros(n_stmt),
        group_informed_consensus_disagree=gic_disagree
        if clustering.n_groups
        else np.zeros(n_stmt),
        divisive=_select_divisive(group_votes, votes.statement_ids, pick_max),
    )


def cluster_participants(
    votes: Votes,
    *,
    min_votes: int = MIN_VOTES,
    base_clusters: int = 100,
    max_groups: int = 5,
    seed: int = 0,
    warm_start: Clustering | None = None,
    members: Collection[Any] = (),
) -> Clustering:
    """Project participants with PCA and find opinion groups among those in the map.

    In the map are the participants with min(`min_votes`, statements) votes,
    those in `members` (who entered earlier and never leave) if they have a
    vote left, and, while that makes fewer than fifteen, the most active voters.

    `warm_start` (an earlier clustering of the same conversation) seeds the base
    clusters, as Polis does between updates, so a re-run converges in a few steps.
    """
    n, m = votes.n_participants, votes.n_statements
    counts = votes.votes_per_participant()
    if m == 0 or n == 0:
        empty = np.zeros((0, 2)) if m == 0 else np.zeros((2, 0))
        return Clustering(
            np.zeros((n, 2)),
            empty.reshape(2, m),
            np.zeros(m),
            np.zeros(n, bool),
            np.full(n, -1),
            0,
            {},
            np.zeros((0, 2)),
        )
    # Column-mean imputation makes a missing vote exactly zero after centring,
    # so the centred matrix keeps the sparsity of the votes themselves.
    seen = np.bincount(votes.statement, minlength=m)
    mean = np.bincount(votes.statement, weights=votes.vote, minlength=m) / np.maximum(
        seen, 1
    )
    centred = _centred_matrix(votes, mean)
    components = _top_components(centred)
    if warm_start is not None and warm_start.components.shape == components.shape:
        # Keep the axes pointing the same way as before so the old buckets fit.
        agree = np.sign((components * warm_start.components).sum(axis=1))
        components = components * np.where(agree < 0, -1.0, 1.0)[:, None]
    # Polis scales each projection by sqrt(statements / votes cast) so that
    # participants who voted little are not all bunched in the centre.
    coords = (
        np.asarray(centred @ components.T) * np.sqrt(m / np.maximum(counts, 1))[:, None]
    )

    in_map = counts >= min(min_votes, m)
    if len(members):
        earlier = np.isin(votes.participant_ids, np.asarray(list(members)))
        in_map |= earlier & (counts > 0)
    if in_map.sum() < GREEDY_FILL:
        most_active = np.argsort(-counts, kind="stable")[:GREEDY_FILL]
        in_map[most_active[counts[most_active] > 0]] = True
    groups = np.full(n, -1, dtype=np.int64)
    member_idx = np.flatnonzero(in_map)
    labels, n_groups, silhouettes, base_centres = _opinion_groups(
        coords[member_idx],
        base_clusters,
        max_groups,
        seed,
        None if warm_start is None else warm_start.base_centres,
    )
    groups[member_idx] = labels
    return Clustering(
        coords, components, mean, in_map, groups, n_groups, silhouettes, base_centres
    )


def _centred_matrix(votes: Votes, mean: FloatArray) -> sp.csr_matrix:
    """Participants × statements, vote minus statement mean where voted, else 0."""
    n, m = votes.n_participants, votes.n_statements
    data = votes.vote - mean[votes.statement]
    if np.all(np.diff(votes.participant) >= 0):
        # Votes come sorted by participant: the CSR arrays can be used as they are.
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(votes.participant, minlength=n), out=indptr[1:])
        return sp.csr_matrix((data, votes.statement, indptr), shape=(n, m))
    return sp.csr_matrix((data, (votes.participant, votes.statement)), shape=(n, m))


def count_group_votes(votes: Votes, groups: IntArray, n_groups: int) -> GroupVotes:
    m = votes.n_statements
    label = groups[votes.participant]
    member = label >= 0
    key = label[member] * m + votes.statement[member]
    size = n_groups * m
    vote = votes.vote[member]

    def tally(weights: npt.NDArray[Any] | None) -> IntArray:
        return (
            np.bincount(key, weights=weights, minlength=size)
            .astype(np.int64)
            .reshape(n_groups, m)
        )

    return GroupVotes(
        agree=tally(vote == 1), disagree=tally(vote == -1), seen=tally(None)
    )


def _top_components(centred: sp.csr_matrix) -> FloatArray:
    """First two right singular vectors, with a fixed sign so runs are reproducible."""
    n, m = centred.shape
    if n * m <= DENSE_SVD_CELLS or min(n, m) <= 3:
        # Small: eigenvectors of the smaller Gram matrix, far cheaper than a
        # full SVD that would also build the participants × statements U.
        dense = centred.toarray()
        if m <= n:
            _, vectors = np.linalg.eigh(dense.T @ dense)
            top = vectors[:, ::-1][:, :2].T
        else:
            _, vectors = np.linalg.eigh(dense @ dense.T)
            top = (dense.T @ vectors[:, ::-1][:, :2]).T
            norms = np.linalg.norm(top, axis=1, keepdims=True)
            top = np.divide(top, norms, out=np.zeros_like(top), where=norms > 1e-12)
    else:
        # Imported here: scipy.sparse.linalg costs a few tenths of a second to
        # load, which small conversations never need.
        from scipy.sparse.linalg import svds

        # A constant start vector keeps ARPACK deterministic without a random state.
        start = np.full(min(n, m), 1.0 / np.sqrt(min(n, m)))
        _, values, vt = svds(centred, k=2, v0=start, solver="arpack")
        top = vt[np.argsort(-values)]
    components = np.zeros((2, m))
    components[: len(top)] = top
    # A principal axis has no direction of its own; point its largest loading positive.
    biggest = components[np.arange(2), np.argmax(np.abs(components), axis=1)]
    return components * np.where(biggest < 0, -1.0, 1.0)[:, None]


def _opinion_groups(
    points: FloatArray,
    base_clusters: int,
    max_groups: int,
    seed: int,
    warm_start: FloatArray | None,
) -> tuple[IntArray, int, dict[int, float], FloatArray]:
    """Cluster map positions into base clusters, then base clusters into 2…max_groups groups."""
    if len(points) == 0:
        return np.zeros(0, dtype=np.int64), 0, {}, np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    k_base = min(base_clusters, len(np.unique(points, axis=0)))
    # ~100 base clusters stand in for the participants: k-means and silhouette
    # then cost nothing however many thousands take part. k-means++ seeding
    # (rather than Polis's first 100 distinct points) keeps the buckets even,
    # which steadies the choice of k.
    init = warm_start if warm_start is not None and len(warm_start) == k_base else None
    base_label, base_centre = _kmeans(
        points, np.ones(len(points)), k_base, rng, init=init
    )
    base_size = np.bincount(base_label, minlength=k_base).astype(np.float64)
    used = base_size > 0
    centres, sizes = base_centre[used], base_size[used]
    remap = np.cumsum(used) - 1
    base_label = remap[base_label]

    best_k, best_score, best_labels = 1, -np.inf, np.zeros(len(centres), dtype=np.int64)
    silhouettes: dict[int, float] = {}
    top_k = min(max_groups, 2 + len(centres) // 12, len(centres) - 1)
    for k in range(2, top_k + 1):
        labels = _best_of_kmeans(centres, sizes, k, rng, restarts=10)
        if len(np.unique(labels)) < 2:
            continue
        silhouettes[k] = _silhouette(centres, labels)
        if silhouettes[k] > best_score:
            best_k, best_score, best_labels = k, silhouettes[k], labels
    group_of_participant = best_labels[base_label]
    return (
        _order_by_size(group_of_participant, points),
        (best_k if silhouettes else 1),
        silhouettes,
        centres,
    )


def _order_by_size(labels: IntArray, points: FloatArray) -> IntArray:
    """Number groups largest first (ties by position) so labels do not depend on k-means luck."""
    found = np.unique(labels)
    sizes = np.bincount(labels)[found]
    centre_x = np.bincount(labels, weights=points[:, 0])[found] / sizes
    centre_y = np.bincount(labels, weights=points[:, 1])[found] / sizes
    order = np.lexsort((centre_y, centre_x, -sizes))
    rank = np.empty(labels.max() + 1, dtype=np.int64)
    rank[found[order]] = np.arange(len(found))
    return rank[labels]


def _kmeans(
    points: FloatArray,
    weights: FloatArray,
    k: int,
    rng: np.random.Generator,
    init: FloatArray | None = None,
) -> tuple[IntArray, FloatArray]:
    """Weighted Lloyd k-means with k-means++ seeding; vectorised over points."""
    centres = (
        _kmeans_plus_plus(points, weights, k, rng) if init is None else init.copy()
    )
    # Stop once the centres barely move, as scikit-learn does: the last few
    # exact-label iterations shuffle a handful of border points and cost most.
    tolerance = 1e-4 * float(points.var(axis=0).mean()) * k
    # Single precision halves the memory traffic of the n × k distance table;
    # positions on the map need nowhere near double precision to pick a bucket.
    lookup = points.astype(np.float32) if len(points) > 2_000 else points
    labels = np.zeros(len(points), dtype=np.int64)
    for _ in range(100):
        labels = np.argmin(
            _squared_distances(lookup, centres.astype(lookup.dtype)), axis=1
        )
        mass = np.bincount(labels, weights=weights, minlength=k)
        filled = mass > 0
        moved = centres.copy()
        for d in range(points.shape[1]):
            total = np.bincount(labels, weights=weights * points[:, d], minlength=k)
            # An emptied cluster keeps its old centre rather than dividing by zero.
            centres[filled, d] = total[filled] / mass[filled]
        if float(((centres - moved) ** 2).sum()) <= tolerance:
            break
    labels = np.argmin(_squared_distances(lookup, centres.astype(lookup.dtype)), axis=1)
    return labels, centres


def _best_of_kmeans(
    points: FloatArray,
    weights: FloatArray,
    k: int,
    rng: np.random.Generator,
    restarts: int,
) -> IntArray:
    best: IntArray | None = None
    best_inertia = np.inf
    for _ in range(restarts):
        labels, centres = _kmeans(points, weights, k, rng)
        inertia = float((weights * ((points - centres[labels]) ** 2).sum(axis=1)).sum())
        if inertia < best_inertia - 1e-12:
            best, best_inertia = labels, inertia
    assert best is not None
    return best


def _kmeans_plus_plus(
    points: FloatArray, weights: FloatArray, k: int, rng: np.random.Generator
) -> FloatArray:
    centres = np.empty((k, points.shape[1]))
    centres[0] = points[_draw(weights, rng)]
    nearest = _squared_distances(points, centres[:1])[:, 0]
    for i in range(1, k):
        # Next centre: far from the chosen ones is likely (D² weighting).
        centres[i] = points[_draw(weights * nearest, rng)]
        nearest = np.minimum(
            nearest, _squared_distances(points, centres[i : i + 1])[:, 0]
        )
    return centres


def _draw(mass: FloatArray, rng: np.random.Generator) -> int:
    """Index drawn with probability proportional to `mass` (uniform if all zero)."""
    cumulative = np.cumsum(mass)
    if cumulative[-1] <= 0:
        return int(rng.integers(len(mass)))
    return min(
        int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right")),
        len(mass) - 1,
    )


def _squared_distances(
    points: npt.NDArray[Any], centres: npt.NDArray[Any]
) -> npt.NDArray[Any]:
    # Per coordinate and in place: no n × k × d temporary, one n × k buffer.
    out: npt.NDArray[Any] = np.subtract.outer(points[:, 0], centres[:, 0])
    out *= out
    step = np.empty_like(out)
    for d in range(1, points.shape[1]):
        np.subtract.outer(points[:, d], centres[:, d], out=step)
        step *= step
        out += step
    return out


def _silhouette(points: FloatArray, labels: IntArray) -> float:
    """Mean silhouette coefficient; a point alone in its cluster scores 0."""
    distance = np.sqrt(_squared_distances(points, points))
    k = labels.max() + 1
    onehot = np.eye(k)[labels]
    size = onehot.sum(axis=0)
    summed = distance @ onehot  # (points, clusters): total distance to each cluster
    own_size = size[labels]
    own = summed[np.arange(len(points)), labels] / np.maximum(own_size - 1, 1)
    other = np.where(onehot.astype(bool), np.inf, summed / size)
    nearest_other = other.min(axis=1)
    denom = np.maximum(own, nearest_other)
    score = np.where(
        (own_size > 1) & (denom > 0),
        (nearest_other - own) / np.where(denom > 0, denom, 1),
        0.0,
    )
    return float(score.mean())


def proportion_z(successes: npt.ArrayLike, trials: npt.ArrayLike) -> FloatArray:
    """One-proportion z against one half, with Polis's pseudo-count of one."""
    s, n = np.asarray(successes, dtype=float), np.asarray(trials, dtype=float)
    return np.asarray(2.0 * np.sqrt(n + 1.0) * ((s + 1.0) / (n + 1.0) - 0.5))


def two_proportion_z(
    s1: npt.ArrayLike, n1: npt.ArrayLike, s2: npt.ArrayLike, n2: npt.ArrayLike
) -> FloatArray:
    """Two-proportion z (first minus second); every count gets a pseudo-count of one."""
    a, b = np.asarray(s1, dtype=float) + 1.0, np.asarray(n1, dtype=float) + 1.0
    c, d = np.asarray(s2, dtype=float) + 1.0, np.asarray(n2, dtype=float) + 1.0
    pooled = (a + c) / (b + d)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / b + 1.0 / d))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (a / b - c / d) / spread
    # Everybody agreeing leaves no spread to test against: Polis calls that z = 0.
    return np.asarray(np.where(spread > 0, z, 0.0))


def _select_repness(
    gv: GroupVotes, statement_ids: IdArray, pick_max: int
) -> tuple[tuple[RepresentativeStatement, ...], ...]:
    k = gv.seen.shape[0]
    if k < 2:
        return tuple(() for _ in range(k))
    rest = {
        name: getattr(gv, name).sum(axis=0) - getattr(gv, name)
        for name in ("agree", "disagree", "seen")
    }
    stats: dict[
        Direction, tuple[FloatArray, FloatArray, FloatArray, FloatArray, IntArray]
    ] = {}
    sides: tuple[tuple[Direction, IntArray, IntArray], ...] = (
        ("agree", gv.agree, rest["agree"]),
        ("disagree", gv.disagree, rest["disagree"]),
    )
    for direction, mine, theirs in sides:
        p = (mine + 1.0) / (gv.seen + 2.0)
        p_rest = (theirs + 1.0) / (rest["seen"] + 2.0)
        stats[direction] = (
            p,
            proportion_z(mine, gv.seen),
            p / p_rest,
            two_proportion_z(mine, gv.seen, theirs, rest["seen"]),
            mine,
        )
    pa, pat, ra, rat, _ = stats["agree"]
    pd, pdt, rd, rdt, _ = stats["disagree"]
    agree_wins = rat > rdt
    significant = ((pat > Z_90) & (rat > Z_90)) | ((pdt > Z_90) & (rdt > Z_90))
    metric = np.where(agree_wins, ra * rat * pa * pat, rd * rdt * pd * pdt)
    voted = gv.seen > 0

    def make(g: int, j: int, direction: Direction) -> RepresentativeStatement:
        p, pz, r, rz, n_success = stats[direction]
        return RepresentativeStatement(
            _plain(statement_ids[j]),
            direction,
            int(n_success[g, j]),
            int(gv.seen[g, j]),
            float(p[g, j]),
            float(pz[g, j]),
            float(r[g, j]),
            float(rz[g, j]),
        )

    result = []
    for g in range(k):
        chosen = [
            int(j)
            for j in np.argsort(
                -np.where(significant[g], metric[g], -np.inf), kind="stable"
            )
        ]
        chosen = [j for j in chosen if significant[g, j]]
        # Polis leads with the statement the group most clearly agrees with, so
        # every group shows something it stands for, not only what it rejects.
        agreeable = voted[g] & (pa[g] > 0.5) & (pat[g] > Z_90)
        lead: list[int] = []
        if agreeable.any():
            prefer = np.where(ra[g] > 1.0, ra[g] * rat[g] * pa[g] * pat[g], -np.inf)
            if not np.isfinite(prefer[agreeable]).any():
                prefer = pa[g] * pat[g]
            lead = [int(np.argmax(np.where(agreeable, prefer, -np.inf)))]
        elif not chosen and voted[g].any():
            lead = [
                int(np.argmax(np.where(voted[g], np.maximum(rat[g], rdt[g]), -np.inf)))
            ]
        picked = (lead + [j for j in chosen if j not in lead])[:pick_max]
        items = [
            make(
                g,
                j,
                "agree"
                if (j in lead and agreeable[j]) or agree_wins[g, j]
                else "disagree",
            )
            for j in picked
        ]
        # Agrees before disagrees, each kept in rank order.
        result.append(tuple(sorted(items, key=lambda item: item.direction != "agree")))
    return tuple(result)


def _select_consensus(
    votes: Votes, pick_max: int
) -> tuple[tuple[ConsensusStatement, ...], tuple[ConsensusStatement, ...]]:
    """Statements most of everybody agrees (or disagrees) with, across all participants."""
    m = votes.n_statements
    seen = np.bincount(votes.statement, minlength=m)
    picks = []
    for sign in (1, -1):
        hits = np.bincount(votes.statement, weights=votes.vote == sign, minlength=m)
        p = (hits + 1.0) / (seen + 2.0)
        z = proportion_z(hits, seen)
        ok = (p > 0.5) & (z > Z_90)
        order = [int(j) for j in np.argsort(-(p * z), kind="stable") if ok[j]][
            :pick_max
        ]
        picks.append(
            tuple(
                ConsensusStatement(
                    _plain(votes.statement_ids[j]), float(p[j]), float(z[j])
                )
                for j in order
            )
        )
    return picks[0], picks[1]


def _select_divisive(
    gv: GroupVotes, statement_ids: IdArray, pick_max: int
) -> tuple[DivisiveStatement, ...]:
    """Statements where the most and least agreeing opinion groups lie furthest apart.

    Polis only shades statements by extremity on the map; a ranked gap between
    groups, with its z-test, reads directly as "where the groups part".
    """
    k = gv.seen.shape[0]
    if k < 2:
        return ()
    p = (gv.agree + 1.0) / (gv.seen + 2.0)
    cols = np.arange(p.shape[1])
    high, low = np.argmax(p, axis=0), np.argmin(p, axis=0)
    spread = p[high, cols] - p[low, cols]
    z = two_proportion_z(
        gv.agree[high, cols],
        gv.seen[high, cols],
        gv.agree[low, cols],
        gv.seen[low, cols],
    )
    order = [int(j) for j in np.argsort(-spread, kind="stable") if z[j] > Z_90][
        :pick_max
    ]
    return tuple(
        DivisiveStatement(
            _plain(statement_ids[j]),
            float(spread[j]),
            float(z[j]),
            int(high[j]),
            int(low[j]),
        )
        for j in order
    )


def _plain(value: Any) -> Any:
    """Turn a numpy scalar id into a plain int or str for JSON and comparisons."""
    return value.item() if isinstance(value, np.generic) else value


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


def wilson_interval(
    successes: npt.ArrayLike, trials: npt.ArrayLike, z: float = Z_95
) -> tuple[FloatArray, FloatArray]:
    """Wilson score interval: unlike p ± z·se it stays inside [0, 1] for small groups."""
    k, n = np.asarray(successes, dtype=float), np.asarray(trials, dtype=float)
    safe_n = np.maximum(n, 1.0)
    p = k / safe_n
    denom = 1.0 + z * z / safe_n
    centre = (p + z * z / (2 * safe_n)) / denom
    half = z / denom * np.sqrt(p * (1 - p) / safe_n + z * z / (4 * safe_n * safe_n))
    # The interval always holds p; min/max only undo rounding at p = 0 or 1.
    low = np.clip(np.minimum(centre - half, p), 0, 1)
    high = np.clip(np.maximum(centre + half, p), 0, 1)
    empty = n == 0
    return np.where(empty, 0.0, low), np.where(empty, 1.0, high)


@dataclass(frozen=True)
class Stability:
    """How reliably the opinion groups reappear when participants are resampled."""

    mean_ari: float
    aris: tuple[float, ...]
    group_reappearance: tuple[
        float, ...
    ]  # per group: mean best Jaccard match in the resamples


def group_stability(
    votes: Votes,
    reference: Clustering,
    *,
    resamples: int = 10,
    fraction: float = 0.8,
    seed: int = 0,
    min_votes: int = MIN_VOTES,
    base_clusters: int = 100,
    max_groups: int = 5,
    members: Collection[Any] = (),
) -> Stability:
    """Re-run the map on seeded subsamples of participants and compare with `reference`.

    The adjusted Rand index says how much of the grouping survives (1 = all,
    0 = chance); the per-group Jaccard says which groups are solid and which
    are artefacts of a few participants.
    """
    rng = np.random.default_rng(seed)
    n = votes.n_participants
    size = max(2, round(fraction * n))
    aris: list[float] = []
    jaccards = np.zeros((resamples, reference.n_groups))
    for r in range(resamples):
        chosen = np.zeros(n, dtype=bool)
        chosen[rng.choice(n, size=min(size, n), replace=False)] = True
        new_index = np.cumsum(chosen) - 1
        keep = chosen[votes.participant]
        sub = Votes(
            votes.participant_ids[chosen],
            votes.statement_ids,
            new_index[votes.participant[keep]],
            votes.statement[keep],
            votes.vote[keep],
        )
        again = cluster_participants(
            sub,
            min_votes=min_votes,
            base_clusters=base_clusters,
            max_groups=max_groups,
            seed=seed + 1 + r,
            warm_start=None,
            members=members,
        )
        before = reference.groups[chosen]
        both = (before >= 0) & (again.groups >= 0)
        aris.append(adjusted_rand_index(before[both], again.groups[both]))
        jaccards[r] = _best_jaccard(
            before[both], again.groups[both], reference.n_groups
        )
    return Stability(
        float(np.mean(aris)) if aris else float("nan"),
        tuple(aris),
        tuple(float(x) for x in jaccards.mean(axis=0)) if resamples else (),
    )


def adjusted_rand_index(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Adjusted Rand index of two labelings of the same items (1 = identical up to renaming)."""
    table = _contingency(np.asarray(a), np.asarray(b))
    n = table.sum()

    def pairs(x: FloatArray) -> float:
        return float((x * (x - 1) / 2).sum())

    together, rows, cols = (
        pairs(table),
        pairs(table.sum(axis=1)),
        pairs(table.sum(axis=0)),
    )
    total = n * (n - 1) / 2
    expected = rows * cols / total if total else 0.0
    top = (rows + cols) / 2
    # Two partitions that are both all-in-one (or all singletons) agree perfectly.
    return 1.0 if top == expected else (together - expected) / (top - expected)


def _contingency(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> FloatArray:
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    ka, kb = (ai.max() + 1, bi.max() + 1) if len(ai) else (0, 0)
    return (
        np.bincount(ai * kb + bi, minlength=ka * kb).reshape(ka, kb).astype(np.float64)
    )


def _best_jaccard(reference: IntArray, other: IntArray, n_groups: int) -> FloatArray:
    best = np.zeros(n_groups)
    if len(reference) == 0:
        return best
    ref_size = np.bincount(reference, minlength=n_groups)
    other_codes, other_idx = np.unique(other, return_inverse=True)
    inter = np.bincount(
        reference * len(other_codes) + other_idx, minlength=n_groups * len(other_codes)
    )
    inter = inter.reshape(n_groups, len(other_codes))
    union = ref_size[:, None] + np.bincount(other_idx)[None, :] - inter
    return np.asarray((inter / np.maximum(union, 1)).max(axis=1), dtype=np.float64)
