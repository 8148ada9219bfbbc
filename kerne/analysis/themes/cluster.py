"""k-means over the answer vectors, and the choice of k by split-half stability.

scikit-learn's KMeans (sample weights, n_init restarts, ~100-dimensional
vectors); the opinion map's own k-means (`kerne.analysis.opinions.kmeans`)
works on 2-D points with warm starts and no scikit-learn import. Stability is
the library's one adjusted Rand index (`kerne.analysis.partitions`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

from kerne.analysis.partitions import adjusted_rand_index
from kerne.analysis.themes.corpus import _normalise_rows
from kerne.analysis.themes.results import SEED


def _kmeans(
    x: NDArray[np.float32], w: NDArray[np.float64], k: int, n_init: int
) -> KMeans:
    return KMeans(n_clusters=k, n_init=n_init, random_state=SEED, max_iter=100).fit(
        x, sample_weight=w
    )


def _k_range(n: int, *, cap: bool = True) -> range:
    # Research §4.1: scan 4..min(20, 2·n^(1/3)); small inputs get fewer, smaller themes.
    # A facilitator reads a round of 150 answers as a handful of themes of 20 or
    # more answers, not ten of a dozen: k ≤ √(n/3) caps it (7 at 150, 5 at 85); it
    # only binds below ~700 answers. The embedding engine scans without that cap
    # (`cap=False`): on the Danish development set its vectors split the ~150
    # answers of a question into 9-11 stable themes where 8 were planted, and the
    # cap forced 5-7 (bench/quality_engines.py, leaving one workplace out: mean
    # NMI 0.39 against 0.32).
    root = max(3, np.sqrt(n / 3)) if cap else np.inf
    upper = int(min(16, max(3, 2 * n ** (1 / 3)), root))
    lower = 2 if n < 300 else 3
    return range(lower, max(lower, upper) + 1)


def _stability(
    x: NDArray[np.float32], w: NDArray[np.float64], ks: range, repeats: int = 3
) -> dict[int, float]:
    """Split-half stability per k: fit on two random halves, compare labels on all rows.

    Averaged over a few splits, because one split is noisy on small inputs.
    """
    rng = np.random.default_rng(SEED)
    # The scan only needs the shape of the data: several thousand rows are plenty.
    if x.shape[0] > 8000:
        pick = np.sort(rng.choice(x.shape[0], 8000, replace=False, p=w / w.sum()))
        x, w = x[pick], np.ones(len(pick))
    totals: dict[int, float] = {}
    for _ in range(repeats):
        order = rng.permutation(x.shape[0])
        half_a, half_b = order[: len(order) // 2], order[len(order) // 2 :]
        for k in ks:
            if k >= len(half_a):
                break
            a = _kmeans(x[half_a], w[half_a], k, n_init=2).predict(x)
            b = _kmeans(x[half_b], w[half_b], k, n_init=2).predict(x)
            totals[k] = totals.get(k, 0.0) + adjusted_rand_index(a, b) / repeats
    return totals


def _choose_k(
    x: NDArray[np.float32], w: NDArray[np.float64], scores: dict[int, float]
) -> tuple[int, list[int]]:
    """The most stable k; near-ties (within 0.03) are settled with silhouette.

    Near-ties are common: with three clear themes k = 2 and k = 3 are both perfectly
    stable, and on 10k bench answers k = 8, 10 and 11 all scored 0.90–0.92.
    Silhouette alone is almost flat over k (research §3.2), so it only breaks ties.
    """
    best = max(scores.values())
    candidates = sorted(kk for kk, s in scores.items() if s >= best - 0.03)
    if len(candidates) == 1:
        k = candidates[0]
    else:
        rng = np.random.default_rng(SEED)
        pick = np.sort(rng.choice(x.shape[0], min(3000, x.shape[0]), replace=False))
        sample, sample_w = x[pick], w[pick]
        silhouettes = {}
        for kk in candidates:
            labels = _kmeans(sample, sample_w, kk, n_init=2).labels_
            ok = len(set(labels.tolist())) > 1
            silhouettes[kk] = (
                float(silhouette_score(sample, labels, metric="cosine")) if ok else -1.0
            )
        # Fewer themes read more easily, so take the smallest k unless its silhouette
        # is clearly worse (10k bench: 0.52 at k = 8 vs 0.55 at k = 11; three clear
        # themes: 0.63 at k = 2 vs 0.85 at k = 3).
        top = max(silhouettes.values())
        k = min(kk for kk in candidates if silhouettes[kk] >= top - 0.05)
    alternatives = sorted(kk for kk in scores if kk != k and abs(kk - k) <= 2)
    return k, alternatives


def _memberships(
    x: NDArray[np.float32], centres: NDArray[np.float32]
) -> tuple[NDArray[np.intp], NDArray[np.float32], NDArray[np.float32]]:
    sims = x @ _normalise_rows(centres).T
    best = np.argmax(sims, axis=1)
    top = sims[np.arange(len(best)), best]
    if sims.shape[1] > 1:
        second = np.partition(sims, -2, axis=1)[:, -2]
    else:
        second = np.zeros_like(top)
    return (
        best.astype(np.intp),
        top.astype(np.float32),
        (top - second).astype(np.float32),
    )
