"""What each group stands for, what all agree on, what divides: Polis's z-tests."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from kerne.analysis.opinions.results import (
    ConsensusStatement,
    DivisiveStatement,
    GroupVotes,
    RepresentativeStatement,
)
from kerne.analysis.opinions.votes import (
    Z_90,
    Direction,
    FloatArray,
    IdArray,
    IntArray,
    Votes,
)


def proportion_z(successes: npt.ArrayLike, trials: npt.ArrayLike) -> FloatArray:
    """One-proportion z against one half, with Polis's pseudo-count of one."""
    s, n = np.asarray(successes, dtype=float), np.asarray(trials, dtype=float)
    return np.asarray(2.0 * np.sqrt(n + 1.0) * ((s + 1.0) / (n + 1.0) - 0.5))


def two_proportion_z(
    s1: npt.ArrayLike, n1: npt.ArrayLike, s2: npt.ArrayLike, n2: npt.ArrayLike
) -> FloatArray:
    """Two-proportion z (first minus second); every count gets a pseudo-count of one."""
    a, b = np.asarray(s1, dtype=float) + 1.0, np.asarray(n1, dtype=float) + 1.0
    c, d = np.asarray(s2, dtype=float) + 1.0, np.asarray(n2, dtype=float) + 1.0
    pooled = (a + c) / (b + d)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / b + 1.0 / d))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (a / b - c / d) / spread
    # Everybody agreeing leaves no spread to test against: Polis calls that z = 0.
    return np.asarray(np.where(spread > 0, z, 0.0))


def _select_repness(
    gv: GroupVotes, statement_ids: IdArray, pick_max: int
) -> tuple[tuple[RepresentativeStatement, ...], ...]:
    k = gv.seen.shape[0]
    if k < 2:
        return tuple(() for _ in range(k))
    rest = {
        name: getattr(gv, name).sum(axis=0) - getattr(gv, name)
        for name in ("agree", "disagree", "seen")
    }
    stats: dict[
        Direction, tuple[FloatArray, FloatArray, FloatArray, FloatArray, IntArray]
    ] = {}
    sides: tuple[tuple[Direction, IntArray, IntArray], ...] = (
        ("agree", gv.agree, rest["agree"]),
        ("disagree", gv.disagree, rest["disagree"]),
    )
    for direction, mine, theirs in sides:
        p = (mine + 1.0) / (gv.seen + 2.0)
        p_rest = (theirs + 1.0) / (rest["seen"] + 2.0)
        stats[direction] = (
            p,
            proportion_z(mine, gv.seen),
            p / p_rest,
            two_proportion_z(mine, gv.seen, theirs, rest["seen"]),
            mine,
        )
    pa, pat, ra, rat, _ = stats["agree"]
    pd, pdt, rd, rdt, _ = stats["disagree"]
    agree_wins = rat > rdt
    significant = ((pat > Z_90) & (rat > Z_90)) | ((pdt > Z_90) & (rdt > Z_90))
    metric = np.where(agree_wins, ra * rat * pa * pat, rd * rdt * pd * pdt)
    voted = gv.seen > 0

    def make(g: int, j: int, direction: Direction) -> RepresentativeStatement:
        p, pz, r, rz, n_success = stats[direction]
        return RepresentativeStatement(
            _plain(statement_ids[j]),
            direction,
            int(n_success[g, j]),
            int(gv.seen[g, j]),
            float(p[g, j]),
            float(pz[g, j]),
            float(r[g, j]),
            float(rz[g, j]),
        )

    result = []
    for g in range(k):
        chosen = [
            int(j)
            for j in np.argsort(
                -np.where(significant[g], metric[g], -np.inf), kind="stable"
            )
        ]
        chosen = [j for j in chosen if significant[g, j]]
        # Polis leads with the statement the group most clearly agrees with, so
        # every group shows something it stands for, not only what it rejects.
        agreeable = voted[g] & (pa[g] > 0.5) & (pat[g] > Z_90)
        lead: list[int] = []
        if agreeable.any():
            prefer = np.where(ra[g] > 1.0, ra[g] * rat[g] * pa[g] * pat[g], -np.inf)
            if not np.isfinite(prefer[agreeable]).any():
                prefer = pa[g] * pat[g]
            lead = [int(np.argmax(np.where(agreeable, prefer, -np.inf)))]
        elif not chosen and voted[g].any():
            lead = [
                int(np.argmax(np.where(voted[g], np.maximum(rat[g], rdt[g]), -np.inf)))
            ]
        picked = (lead + [j for j in chosen if j not in lead])[:pick_max]
        items = [
            make(
                g,
                j,
                "agree"
                if (j in lead and agreeable[j]) or agree_wins[g, j]
                else "disagree",
            )
            for j in picked
        ]
        # Agrees before disagrees, each kept in rank order.
        result.append(tuple(sorted(items, key=lambda item: item.direction != "agree")))
    return tuple(result)


def _select_consensus(
    votes: Votes, pick_max: int
) -> tuple[tuple[ConsensusStatement, ...], tuple[ConsensusStatement, ...]]:
    """Statements most of everybody agrees (or disagrees) with, across all participants."""
    m = votes.n_statements
    seen = np.bincount(votes.statement, minlength=m)
    picks = []
    for sign in (1, -1):
        hits = np.bincount(votes.statement, weights=votes.vote == sign, minlength=m)
        p = (hits + 1.0) / (seen + 2.0)
        z = proportion_z(hits, seen)
        ok = (p > 0.5) & (z > Z_90)
        order = [int(j) for j in np.argsort(-(p * z), kind="stable") if ok[j]][
            :pick_max
        ]
        picks.append(
            tuple(
                ConsensusStatement(
                    _plain(votes.statement_ids[j]), float(p[j]), float(z[j])
                )
                for j in order
            )
        )
    return picks[0], picks[1]


def _select_divisive(
    gv: GroupVotes, statement_ids: IdArray, pick_max: int
) -> tuple[DivisiveStatement, ...]:
    """Statements where the most and least agreeing opinion groups lie furthest apart.

    Polis only shades statements by extremity on the map; a ranked gap between
    groups, with its z-test, reads directly as "where the groups part".
    """
    k = gv.seen.shape[0]
    if k < 2:
        return ()
    p = (gv.agree + 1.0) / (gv.seen + 2.0)
    cols = np.arange(p.shape[1])
    high, low = np.argmax(p, axis=0), np.argmin(p, axis=0)
    spread = p[high, cols] - p[low, cols]
    z = two_proportion_z(
        gv.agree[high, cols],
        gv.seen[high, cols],
        gv.agree[low, cols],
        gv.seen[low, cols],
    )
    order = [int(j) for j in np.argsort(-spread, kind="stable") if z[j] > Z_90][
        :pick_max
    ]
    return tuple(
        DivisiveStatement(
            _plain(statement_ids[j]),
            float(spread[j]),
            float(z[j]),
            int(high[j]),
            int(low[j]),
        )
        for j in order
    )


def _plain(value: Any) -> Any:
    """Turn a numpy scalar id into a plain int or str for JSON and comparisons."""
    return value.item() if isinstance(value, np.generic) else value
