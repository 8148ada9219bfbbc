from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps

from kerne.analysis.intervals import newcombe, wilson, wilson_interval, z_two_sided


@pytest.mark.parametrize("confidence", [0.9, 0.95, 0.99])
def test_wilson_is_scipys_score_interval(confidence):
    for n in range(1, 60):
        for k in range(n + 1):
            ci = sps.binomtest(k, n).proportion_ci(
                confidence_level=confidence, method="wilson"
            )
            lo, hi = wilson(k, n, confidence)
            assert lo == pytest.approx(ci.low, abs=1e-12)
            assert hi == pytest.approx(ci.high, abs=1e-12)


def test_the_vectorised_interval_is_the_scalar_one_per_element():
    k, n = np.array([0, 3, 7, 0]), np.array([10, 10, 7, 0])
    low, high = wilson_interval(k, n)
    assert [(float(a), float(b)) for a, b in zip(low, high, strict=True)] == [
        wilson(0, 10),
        wilson(3, 10),
        wilson(7, 7),
        (0.0, 1.0),
    ]


def test_z_is_the_normal_quantile():
    assert z_two_sided(0.95) == pytest.approx(float(sps.norm.ppf(0.975)), abs=1e-12)


def test_newcombe_matches_the_papers_example():
    # Newcombe (1998), Table II, example (a): 56/70 against 48/80, method 10.
    low, high = newcombe(56, 70, 48, 80)
    assert (round(low, 4), round(high, 4)) == (0.0524, 0.3339)
