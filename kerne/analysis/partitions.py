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
    """Adjusted Rand index of two labelings of the same items (1 = identical up to renaming)."""
    table = contingency(np.asarray(a), np.asarray(b))
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


def contingency(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> FloatArray:
    """Counts of items per (label in a, label in b), labels renumbered from 0."""
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    ka, kb = (ai.max() + 1, bi.max() + 1) if len(ai) else (0, 0)
    return (
        np.bincount(ai * kb + bi, minlength=ka * kb).reshape(ka, kb).astype(np.float64)
    )
