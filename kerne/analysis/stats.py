"""How diffuse the answers are, and how two sides of a workplace differ, per theme.

Inputs are plain sequences: one theme id per answer (None for non-answers, which
are left out of every share), a "clearly belongs" flag per answer and a group name
per answer. No Django.

The Wilson and Newcombe intervals live in `kerne.analysis.intervals`; they are
re-exported here for the callers that read `stats.wilson`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy import stats as sps
from scipy.stats.contingency import association

from kerne.analysis.intervals import Interval as Interval
from kerne.analysis.intervals import newcombe as newcombe
from kerne.analysis.intervals import wilson as wilson

# Verdict thresholds (research §4.3, to be calibrated on pilot data). The effective
# number of themes is read against the number of themes K: when it is at most 40 %
# of K, a few themes carry most answers; at 80 % or more, answers are spread almost
# evenly. Concentration alone calls word salad "shared" (research §3.5), so the
# share of answers that clearly belong to a theme must also be high for a shared
# picture, and a low share makes the picture diffuse whatever the concentration.
SHARED_MAX_EFFECTIVE_RATIO = 0.4
SHARED_MIN_CLEAR_SHARE = 0.6
DIFFUSE_MIN_EFFECTIVE_RATIO = 0.8
DIFFUSE_MAX_CLEAR_SHARE = 0.4

SHARED = "fælles billede"
MIXED = "blandet"
DIFFUSE = "spredt"

# Research §4.4: suppress groups under 5 respondents; use 10 for HR-sensitive staff data.
MIN_GROUP_SIZE = 5
BOOTSTRAP_SAMPLES = 1000
SEED = 20240611

# The side default of the issue: staff against the people the workplace serves.
DEFAULT_SIDE_A = ("medarbejder", "leder")
DEFAULT_SIDE_B = ("borger", "pårørende")


@dataclass(frozen=True)
class Diffusion:
    n: int
    n_themes: int
    entropy: float  # normalised to 0 (all in one theme) … 1 (evenly spread)
    effective_themes: float  # inverse Simpson, 1/Σp²
    top3_share: float
    themes_for_80: int
    clear_share: float
    verdict: str
    intervals: dict[str, Interval] = field(default_factory=dict)


@dataclass(frozen=True)
class GroupShare:
    group: str
    n: int
    shares: dict[str, float]
    intervals: dict[str, Interval]


@dataclass(frozen=True)
class ThemeDifference:
    theme: str
    share_a: float
    share_b: float
    difference: float  # share_a − share_b
    interval: Interval
    p_value: float  # two-proportion z-test, Holm-adjusted over the themes
    p_raw: float
    significant: bool


@dataclass(frozen=True)
class Omnibus:
    chi2: float
    dof: int
    p_value: float
    cramers_v: float


@dataclass(frozen=True)
class Comparison:
    n_a: int
    n_b: int
    groups_a: list[str]
    groups_b: list[str]
    differences: list[ThemeDifference]
    omnibus: Omnibus | None
    # Groups left out because they are below the anonymity threshold.
    suppressed: list[str]


def _metrics(
    counts: NDArray[np.float64], clear: NDArray[np.float64], k: int
) -> NDArray[np.float64]:
    """Rows of counts (B × K) → columns entropy, effective, top3, themes_for_80, clear share."""
    n = counts.sum(axis=1, keepdims=True)
    p = counts / np.maximum(n, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = -np.where(p > 0, p * np.log(p), 0.0).sum(axis=1)
    entropy = h / math.log(k) if k > 1 else np.zeros(len(p))
    effective = 1 / np.maximum((p**2).sum(axis=1), 1e-12)
    ordered = -np.sort(-p, axis=1)
    top3 = ordered[:, :3].sum(axis=1)
    # A small tolerance so 0.8 written as a sum of floats still counts as reached.
    cover = (np.cumsum(ordered, axis=1) < 0.8 - 1e-9).sum(axis=1) + 1
    clear_share = clear / np.maximum(n[:, 0], 1)
    return np.column_stack([entropy, effective, top3, cover, clear_share])


def verdict(effective_themes: float, n_themes: int, clear_share: float) -> str:
    if n_themes <= 1:
        return SHARED if clear_share >= SHARED_MIN_CLEAR_SHARE else DIFFUSE
    ratio = effective_themes / n_themes
    if clear_share < DIFFUSE_MAX_CLEAR_SHARE or ratio >= DIFFUSE_MIN_EFFECTIVE_RATIO:
        return DIFFUSE
    if ratio <= SHARED_MAX_EFFECTIVE_RATIO and clear_share >= SHARED_MIN_CLEAR_SHARE:
        return SHARED
    return MIXED


def diffusion(
    assignments: Sequence[str | None],
    clear: Sequence[bool],
    *,
    themes: Sequence[str] | None = None,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = SEED,
) -> Diffusion:
    """Concentration and cohesion over one set of answers.

    `themes` is the full theme set (so themes nobody in this group chose still count
    in K); by default the themes that occur. The bootstrap resamples answers, which
    is a multinomial draw over (theme, clear) cells: exact, fast, and independent of
    answer order.
    """
    if len(assignments) != len(clear):
        raise ValueError("assignments and clear must have the same length")
    cells = Counter(
        (a, bool(c)) for a, c in zip(assignments, clear, strict=True) if a is not None
    )
    names = sorted(set(themes) if themes is not None else {a for a, _ in cells})
    k = len(names)
    col = {name: i for i, name in enumerate(names)}
    unknown = {a for a, _ in cells} - set(col)
    if unknown:
        raise ValueError(
            f"answers are assigned to themes outside `themes`: {sorted(unknown)}"
        )
    grid = np.zeros((2, max(k, 1)))
    for (a, c), m in cells.items():
        grid[int(c), col[a]] += m
    n = int(grid.sum())
    if n == 0:
        return Diffusion(0, k, 0.0, 0.0, 0.0, 0, 0.0, DIFFUSE)
    point = _metrics(grid.sum(axis=0)[None, :], np.array([grid[1].sum()]), k)[0]
    rng = np.random.default_rng(seed)
    draws = (
        rng.multinomial(n, grid.ravel() / n, size=samples)
        .reshape(samples, 2, -1)
        .astype(np.float64)
    )
    boot = _metrics(draws.sum(axis=1), draws[:, 1].sum(axis=1), k)
    lo, hi = np.percentile(boot, [2.5, 97.5], axis=0)
    keys = ("entropy", "effective_themes", "top3_share", "themes_for_80", "clear_share")
    intervals = {
        # Percentile intervals need not contain the point estimate for skewed statistics;
        # widening to it keeps what is shown honest and readable.
        key: (float(min(lo[i], point[i])), float(max(hi[i], point[i])))
        for i, key in enumerate(keys)
    }
    return Diffusion(
        n=n,
        n_themes=k,
        entropy=float(point[0]),
        effective_themes=float(point[1]),
        top3_share=float(point[2]),
        themes_for_80=int(point[3]),
        clear_share=float(point[4]),
        verdict=verdict(float(point[1]), k, float(point[4])),
        intervals=intervals,
    )


def two_proportion_p(x_a: int, n_a: int, x_b: int, n_b: int) -> float:
    """Two-sided pooled z-test for equal proportions."""
    pooled = (x_a + x_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if se == 0:
        return 1.0
    z = (x_a / n_a - x_b / n_b) / se
    return float(2 * sps.norm.sf(abs(z)))


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm step-down adjustment: controls the family-wise error over the themes."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted = [0.0] * len(p_values)
    running = 0.0
    m = len(p_values)
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def omnibus(table: NDArray[np.int64]) -> Omnibus | None:
    """χ² test of independence with Cramér's V; None when the table has no spread."""
    table = table[:, table.sum(axis=0) > 0]
    table = table[table.sum(axis=1) > 0]
    if table.shape[0] < 2 or table.shape[1] < 2:
        return None
    result = sps.chi2_contingency(table, correction=False)
    v = float(association(table, method="cramer", correction=False))
    return Omnibus(float(result.statistic), int(result.dof), float(result.pvalue), v)


def reportable_groups(
    groups: Sequence[str | None], min_group_size: int
) -> tuple[Counter[str], list[str]]:
    sizes = Counter(g for g in groups if g is not None)
    small = sorted(g for g, m in sizes.items() if m < min_group_size)
    return Counter({g: m for g, m in sizes.items() if m >= min_group_size}), small


def group_shares(
    assignments: Sequence[str | None],
    groups: Sequence[str | None],
    *,
    themes: Sequence[str],
    min_group_size: int = MIN_GROUP_SIZE,
) -> list[GroupShare]:
    """Theme shares per group with Wilson intervals; groups under the threshold are dropped."""
    pairs = [(a, g) for a, g in zip(assignments, groups, strict=True) if a is not None]
    sizes, _small = reportable_groups([g for _a, g in pairs], min_group_size)
    out = []
    for g in sorted(sizes):
        counts = Counter(a for a, gg in pairs if gg == g)
        n = sizes[g]
        out.append(
            GroupShare(
                group=g,
                n=n,
                shares={t: counts[t] / n for t in themes},
                intervals={t: wilson(counts[t], n) for t in themes},
            )
        )
    return out


def compare_sides(
    assignments: Sequence[str | None],
    groups: Sequence[str | None],
    side_a: Sequence[str],
    side_b: Sequence[str],
    *,
    themes: Sequence[str],
    min_group_size: int = MIN_GROUP_SIZE,
    alpha: float = 0.05,
) -> Comparison:
    """Per theme, side A's share minus side B's, with a Newcombe interval and Holm p-value.

    Anonymity: a group with fewer answers than `min_group_size` is left out of its
    side entirely, not folded into the side total, because a side total with and
    without a small group would let anyone subtract the two. When a side as a whole
    is below the threshold, no differences are reported.
    """
    if set(side_a) & set(side_b):
        raise ValueError("a group cannot be on both sides")
    pairs = [
        (a, g)
        for a, g in zip(assignments, groups, strict=True)
        if a is not None and g is not None
    ]
    sizes, small = reportable_groups([g for _a, g in pairs], min_group_size)
    keep_a = sorted(g for g in side_a if g in sizes)
    keep_b = sorted(g for g in side_b if g in sizes)
    suppressed = sorted(g for g in small if g in set(side_a) | set(side_b))
    count_a = Counter(a for a, g in pairs if g in keep_a)
    count_b = Counter(a for a, g in pairs if g in keep_b)
    n_a, n_b = sum(count_a.values()), sum(count_b.values())
    if n_a < min_group_size or n_b < min_group_size or n_a == 0 or n_b == 0:
        return Comparison(n_a, n_b, keep_a, keep_b, [], None, suppressed)
    raw = [two_proportion_p(count_a[t], n_a, count_b[t], n_b) for t in themes]
    adjusted = holm(raw)
    differences = [
        ThemeDifference(
            theme=t,
            share_a=count_a[t] / n_a,
            share_b=count_b[t] / n_b,
            difference=count_a[t] / n_a - count_b[t] / n_b,
            interval=newcombe(count_a[t], n_a, count_b[t], n_b),
            p_value=p,
            p_raw=r,
            significant=p < alpha,
        )
        for t, r, p in zip(themes, raw, adjusted, strict=True)
    ]
    table = np.array(
        [[count_a[t] for t in themes], [count_b[t] for t in themes]], dtype=np.int64
    )
    return Comparison(n_a, n_b, keep_a, keep_b, differences, omnibus(table), suppressed)


def group_omnibus(
    assignments: Sequence[str | None],
    groups: Sequence[str | None],
    *,
    themes: Sequence[str],
    min_group_size: int = MIN_GROUP_SIZE,
) -> Omnibus | None:
    """χ² and Cramér's V over all reportable groups × themes."""
    shares = group_shares(
        assignments, groups, themes=themes, min_group_size=min_group_size
    )
    table = np.array(
        [[round(s.shares[t] * s.n) for t in themes] for s in shares], dtype=np.int64
    )
    return omnibus(table) if len(shares) >= 2 else None
