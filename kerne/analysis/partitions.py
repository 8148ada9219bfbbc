"""Agreement between two partitions of the same items: the adjusted Rand index.

One implementation for the library: the opinion map's stability and the theme
engine's choice of k both use it. numpy only (no scikit-learn import for the
opinion map's command); the tests hold it to `sklearn.metrics.adjusted_rand_score`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def adjusted_rand_index(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Adjusted Rand index of two labelings of the same items (1 = identical up to renaming).

    Counted in whole numbers over pairs of items (Hubert and Arabie 1985, as
    scikit-learn writes it), so the one division at the end is the only
    rounding and the result equals `adjusted_rand_score` to the last bit.
    """
    table = contingency(np.asarray(a), np.asarray(b)).astype(np.int64)
    n = int(table.sum())
    squares = int((table**2).sum())
    same_a = int((table @ table.sum(axis=0)).sum()) - squares
    same_b = int((table.T @ table.sum(axis=1)).sum()) - squares
    # Pairs together in both, apart in both, and together in only one of the two.
    tp, tn = squares - n, n * n - same_a - same_b - squares
    fp, fn = same_a, same_b
    # Empty input, or the same partition: they agree perfectly.
    if fn == 0 and fp == 0:
        return 1.0
    return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))


def contingency(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> FloatArray:
    """Counts of items per (label in a, label in b), labels renumbered from 0."""
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    ka, kb = (ai.max() + 1, bi.max() + 1) if len(ai) else (0, 0)
    return (
        np.bincount(ai * kb + bi, minlength=ka * kb).reshape(ka, kb).astype(np.float64)
    )
