"""Intervals for proportions: Wilson, and Newcombe for a difference of two.

One Wilson interval serves the whole library: vectorised, so the opinion map
computes a stakeholder table in one call, and `wilson` is its scalar form for
the theme statistics (`stats`). It is the plain score interval (no continuity
correction), the one `scipy.stats.binomtest(...).proportion_ci(method="wilson")`
gives; the tests hold the two to 1e-12. numpy and the standard library only, so
the opinion map's command does not pay for importing scipy.stats.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

Interval = tuple[float, float]
FloatArray = npt.NDArray[np.float64]


def z_two_sided(confidence: float) -> float:
    """The normal quantile of a two-sided interval: 1.959964… at 95 %."""
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson_interval(
    successes: npt.ArrayLike, trials: npt.ArrayLike, confidence: float = 0.95
) -> tuple[FloatArray, FloatArray]:
    """Wilson score interval: unlike p ± z·se it stays inside [0, 1] for small groups.

    Element-wise over arrays; no trials gives the uninformative [0, 1].
    """
    z = z_two_sided(confidence)
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


def wilson(successes: int, n: int, confidence: float = 0.95) -> Interval:
    """`wilson_interval` for one proportion, as two floats."""
    low, high = wilson_interval(successes, n, confidence)
    return (float(low), float(high))


def newcombe(
    x_a: int, n_a: int, x_b: int, n_b: int, confidence: float = 0.95
) -> Interval:
    """Interval for p_a − p_b from the two Wilson intervals (Newcombe 1998, method 10)."""
    p_a, p_b = x_a / n_a, x_b / n_b
    l_a, u_a = wilson(x_a, n_a, confidence)
    l_b, u_b = wilson(x_b, n_b, confidence)
    d = p_a - p_b
    low = d - math.sqrt((p_a - l_a) ** 2 + (u_b - p_b) ** 2)
    high = d + math.sqrt((u_a - p_a) ** 2 + (p_b - l_b) ** 2)
    return (max(-1.0, low), min(1.0, high))
