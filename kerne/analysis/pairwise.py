"""Pairwise prioritisation: Bradley–Terry scores, bootstrap intervals, and the next pair.

Each comparison is one person choosing the more important of two items. The
Bradley–Terry model gives item i a strength θ_i with P(i beats j) = σ(θ_i − θ_j).
It is fitted by maximising the log-likelihood minus PRIOR·‖θ‖² (a Gaussian prior
on the strengths, as `choix.opt_pairwise(alpha=PRIOR)` does), so an item that won
or lost every comparison still gets a finite strength, and items compared with
nobody in common still get one scale.

The score shown is the chance to beat a random other item, the mean over the
others of σ(θ_i − θ_j): 0.5 is an average item, and the scores always average 0.5
(All Our Ideas' score, Salganik & Levy 2015). Intervals resample the comparisons
with replacement (a multinomial draw over the cells of the win matrix is the same
thing, and much faster) and refit.

Pair choice favours pairs compared least, then items compared least, so a newly
added item is shown until it has caught up; a respondent never gets a pair they
have already answered.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit

# Weak: θ ~ N(0, 1/(2·PRIOR)), a standard deviation of about 2.2 on the log scale,
# so ten straight wins over average items give a chance of about 0.97, not 1.
PRIOR = 0.1
BOOTSTRAP_REPS = 500
LEVEL = 0.95

Matrix = NDArray[np.float64]


def win_matrix(n_items: int, outcomes: Sequence[tuple[int, int]]) -> Matrix:
    """wins[i, j]: how often item i was chosen over item j; outcomes are (winner, loser)."""
    wins = np.zeros((n_items, n_items))
    if len(outcomes):
        pairs = np.asarray(outcomes, dtype=int)
        if np.any(pairs[:, 0] == pairs[:, 1]):
            raise ValueError("an item cannot be compared with itself")
        np.add.at(wins, (pairs[:, 0], pairs[:, 1]), 1.0)
    return wins


def _objective(theta: Matrix, wins: Matrix, prior: float) -> float:
    diff = theta[:, None] - theta[None, :]
    return float(prior * theta @ theta + np.sum(wins * np.logaddexp(0.0, -diff)))


def fit_strengths(
    wins: Matrix,
    *,
    prior: float = PRIOR,
    start: Matrix | None = None,
    tol: float = 1e-10,
    max_iter: int = 100,
) -> Matrix:
    """The penalised maximum-likelihood strengths θ, by Newton's method with backtracking.

    The objective is strictly convex for prior > 0, so Newton converges to the one
    optimum. prior = 0 is the plain MLE: it exists only when every item has beaten,
    and lost to, someone through a chain of comparisons; then θ is centred on 0.
    """
    n = len(wins)
    if prior < 0:
        raise ValueError("prior must be at least 0")
    games = wins + wins.T
    theta = np.zeros(n) if start is None else np.array(start, dtype=float)
    # Without a prior θ is fixed only up to a shift; the ones matrix pins its mean.
    pin = np.ones((n, n)) / n if prior == 0 else 0.0
    value = _objective(theta, wins, prior)
    for _ in range(max_iter):
        p = expit(theta[:, None] - theta[None, :])
        grad = (games * p).sum(axis=1) - wins.sum(axis=1) + 2 * prior * theta
        weight = games * p * p.T
        hess = np.diag(weight.sum(axis=1) + 2 * prior) - weight + pin
        step = np.linalg.solve(hess, grad)
        size = 1.0
        while True:
            candidate = theta - size * step
            new_value = _objective(candidate, wins, prior)
            if new_value <= value + 1e-12 or size < 1e-8:
                break
            size /= 2
        theta, value = candidate, new_value
        if np.max(np.abs(size * step)) < tol:
            break
    if prior == 0:
        theta = theta - theta.mean()
    return theta


def win_chances(theta: Matrix) -> Matrix:
    """Each item's chance to beat a random other item: mean over j ≠ i of σ(θ_i − θ_j)."""
    n = len(theta)
    if n < 2:
        raise ValueError("a score needs at least two items")
    p = expit(theta[:, None] - theta[None, :])
    return np.asarray((p.sum(axis=1) - 0.5) / (n - 1), dtype=float)


def bootstrap_scores(
    wins: Matrix,
    *,
    reps: int = BOOTSTRAP_REPS,
    seed: int = 0,
    prior: float = PRIOR,
    start: Matrix | None = None,
) -> Matrix:
    """reps × n scores, each from the comparisons resampled with replacement."""
    n = len(wins)
    cells = np.flatnonzero(wins)
    counts = wins.flat[cells]
    total = int(counts.sum())
    out = np.empty((reps, n))
    if total == 0:
        out[:] = 0.5
        return out
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(total, counts / total, size=reps)
    for r in range(reps):
        resampled = np.zeros(n * n)
        resampled[cells] = draws[r]
        theta = fit_strengths(resampled.reshape(n, n), prior=prior, start=start)
        out[r] = win_chances(theta)
    return out


@dataclass(frozen=True)
class Ranking:
    """Per item (in the input's order): score, its interval, and decisive comparisons."""

    scores: Matrix
    low: Matrix
    high: Matrix
    comparisons: NDArray[np.int64]

    def order(self) -> list[int]:
        """Item indices, best first; ties by index so the order is stable."""
        return sorted(range(len(self.scores)), key=lambda i: (-self.scores[i], i))


def rank(
    wins: Matrix,
    *,
    reps: int = BOOTSTRAP_REPS,
    seed: int = 0,
    prior: float = PRIOR,
    level: float = LEVEL,
) -> Ranking:
    """Scores with percentile bootstrap intervals, for a win matrix of at least two items."""
    theta = fit_strengths(wins, prior=prior)
    scores = win_chances(theta)
    boot = bootstrap_scores(wins, reps=reps, seed=seed, prior=prior, start=theta)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(boot, [tail, 100 - tail], axis=0)
    comparisons = (wins + wins.T).sum(axis=1).astype(np.int64)
    return Ranking(scores, low, high, comparisons)


def choose_pair(
    shown: NDArray[Any],
    answered: Collection[tuple[int, int]],
    rng: np.random.Generator,
) -> tuple[int, int] | None:
    """The next pair to show, in random left/right order, or None when all are answered.

    shown[i, j] (symmetric) counts every answer to the pair, "can't choose" too;
    answered holds the respondent's own pairs as (low, high) indices. The least
    shown pairs come first, then those whose items were shown least, so a new
    item catches up; ties are broken at random.
    """
    n = len(shown)
    totals = np.asarray(shown).sum(axis=1)
    done = {(min(a, b), max(a, b)) for a, b in answered}
    best: tuple[float, float] | None = None
    ties: list[tuple[int, int]] = []
    for i in range(n):
        for j in range(i + 1, n):
            if (i, j) in done:
                continue
            key = (float(shown[i, j]), float(totals[i] + totals[j]))
            if best is None or key < best:
                best, ties = key, [(i, j)]
            elif key == best:
                ties.append((i, j))
    if not ties:
        return None
    i, j = ties[int(rng.integers(len(ties)))]
    return (i, j) if rng.random() < 0.5 else (j, i)
