"""How reliably the opinion groups reappear when participants are resampled."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import numpy as np

from kerne.analysis.opinions.clustering import cluster_participants
from kerne.analysis.opinions.results import Clustering
from kerne.analysis.opinions.votes import MIN_VOTES, FloatArray, IntArray, Votes
from kerne.analysis.partitions import adjusted_rand_index


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
