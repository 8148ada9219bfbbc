"""Weighted Lloyd k-means with k-means++ seeding, on the map's 2-D points.

The one k-means written here; the theme engine uses scikit-learn's (see
`kerne.analysis.themes.cluster` for why the two differ).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from kerne.analysis.opinions.votes import FloatArray, IntArray


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
