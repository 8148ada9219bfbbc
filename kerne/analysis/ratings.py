"""Means with 95 % intervals for 1–5 ratings, and when an inside/outside gap is large.

Pure functions on plain numbers, no Django. The core tasks' summaries use them
(`kerne.coretasks.stats` re-exports them there).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scipy import stats as sps

CONFIDENCE = 0.95
# A gap is flagged as large when the two sides' means differ by at least this many
# points on the 1–5 scale AND the 95 % interval of the difference (Welch) excludes
# zero. The first keeps trivial but certain differences from being flagged in big
# rounds; the second keeps noisy differences from small groups from being flagged.
LARGE_GAP_POINTS = 0.75


@dataclass(frozen=True)
class Estimate:
    n: int
    mean: float
    low: float
    high: float


@dataclass(frozen=True)
class Gap:
    inside: Estimate
    outside: Estimate
    difference: float  # inside minus outside
    low: float
    high: float

    @property
    def is_large(self) -> bool:
        excludes_zero = self.low > 0 or self.high < 0
        return abs(self.difference) >= LARGE_GAP_POINTS and excludes_zero


def _clip(value: float) -> float:
    return min(5.0, max(1.0, value))


def estimate(values: Sequence[int]) -> Estimate | None:
    """Mean and t-interval of ratings, clipped to the scale; None without values."""
    n = len(values)
    if n == 0:
        return None
    mean = sum(values) / n
    if n == 1:
        return Estimate(1, mean, 1.0, 5.0)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = float(sps.t.ppf(0.5 + CONFIDENCE / 2, n - 1)) * sd / math.sqrt(n)
    return Estimate(n, mean, _clip(mean - half), _clip(mean + half))


def gap(inside: Sequence[int], outside: Sequence[int]) -> Gap | None:
    """Welch interval for mean(inside) − mean(outside); None unless both have two values."""
    a, b = estimate(inside), estimate(outside)
    if a is None or b is None or a.n < 2 or b.n < 2:
        return None
    var_a = sum((v - a.mean) ** 2 for v in inside) / (a.n - 1)
    var_b = sum((v - b.mean) ** 2 for v in outside) / (b.n - 1)
    se_a, se_b = var_a / a.n, var_b / b.n
    se = math.sqrt(se_a + se_b)
    difference = a.mean - b.mean
    if se == 0:
        return Gap(a, b, difference, difference, difference)
    df = (se_a + se_b) ** 2 / (se_a**2 / (a.n - 1) + se_b**2 / (b.n - 1))
    half = float(sps.t.ppf(0.5 + CONFIDENCE / 2, df)) * se
    return Gap(a, b, difference, difference - half, difference + half)
