from __future__ import annotations

import numpy as np
from sklearn.metrics import adjusted_rand_score

from kerne.analysis.partitions import adjusted_rand_index


def test_it_is_scikit_learns_index_to_the_last_bit():
    rng = np.random.default_rng(0)
    for _ in range(300):
        n = int(rng.integers(2, 2000))
        ka, kb = rng.integers(1, 15, 2)
        a = rng.integers(0, ka, n)
        b = np.where(rng.random(n) < rng.random(), a, rng.integers(0, kb, n))
        assert adjusted_rand_index(a, b) == float(adjusted_rand_score(a, b))


def test_it_knows_the_edge_cases():
    assert adjusted_rand_index([], []) == 1.0
    assert adjusted_rand_index([0, 0, 1], [5, 5, 2]) == 1.0
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == -0.5
