"""Participants on the 2-D map (PCA of the vote matrix) and their opinion groups."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from kerne.analysis.opinions.kmeans import _best_of_kmeans, _kmeans, _squared_distances
from kerne.analysis.opinions.results import Clustering, GroupVotes
from kerne.analysis.opinions.votes import (
    DENSE_SVD_CELLS,
    GREEDY_FILL,
    MIN_VOTES,
    FloatArray,
    IntArray,
    Votes,
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
