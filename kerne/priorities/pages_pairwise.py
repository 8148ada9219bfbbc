"""The data of the pairwise pages: the participant's next pair and the facilitator's results.

The results follow the round's anonymity plan, as every figure does, and it is the
very plan of `round_report` (so the live counter and the results agree): a respondent
counts for their group once they have chosen in at least one pair; a group is shown
when it reaches the threshold, small groups are pooled only with each other (and
only once the round is closed, and never again after a reopening), and the overall ranking, the comparison counts and
the "can't choose" count are fitted and summed over the shown units only, so no
hidden group can be worked out by comparing the whole with its parts.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from kerne.analysis.pairwise import BOOTSTRAP_REPS, choose_pair, rank, win_matrix
from kerne.lib.anonymity import POOL
from kerne.participation.models import Invitation, Respondent
from kerne.participation.reporting import RoundReport, round_report
from kerne.priorities.models import (
    Comparison,
    PairwiseItem,
    PairwiseRound,
    PairwiseScores,
)


def chose_a_pair() -> Q:
    """A respondent is real once they have chosen in a pair; "can't choose" alone is no view.

    Registered with participation.reporting, so every count of the round uses it.
    """
    return Q(
        Exists(
            Comparison.objects.filter(respondent=OuterRef("pk"), winner__isnull=False)
        )
    )


def published_items(pairwise: PairwiseRound) -> list[PairwiseItem]:
    return list(
        pairwise.items.filter(status=PairwiseItem.Status.PUBLISHED).order_by("pk")
    )


@dataclass(frozen=True)
class VotePage:
    pair: tuple[PairwiseItem, PairwiseItem] | None
    """None when the respondent has answered every pair."""
    answered: int


def vote_page(
    pairwise: PairwiseRound, respondent: Respondent, rng: np.random.Generator
) -> VotePage:
    """The next pair for this respondent: least compared first, never one they answered."""
    items = published_items(pairwise)
    index = {item.pk: i for i, item in enumerate(items)}
    shown = np.zeros((len(items), len(items)))
    counts = (
        Comparison.objects.filter(pairwise_round=pairwise)
        .values("low_id", "high_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in counts:
        i, j = index.get(row["low_id"]), index.get(row["high_id"])
        if i is not None and j is not None:
            shown[i, j] = shown[j, i] = row["n"]
    own = list(
        Comparison.objects.filter(
            pairwise_round=pairwise, respondent=respondent
        ).values_list("low_id", "high_id")
    )
    answered = [(index[lo], index[hi]) for lo, hi in own if lo in index and hi in index]
    found = choose_pair(shown, answered, rng)
    pair = None if found is None else (items[found[0]], items[found[1]])
    return VotePage(pair, len(own))


@dataclass(frozen=True)
class Cell:
    """One item's figures in one reporting unit; None when fewer than k people compared it."""

    score: float | None
    low: float | None
    high: float | None
    comparisons: int | None

    @property
    def pct(self) -> int | None:
        return None if self.score is None else round(100 * self.score)

    @property
    def low_pct(self) -> int | None:
        return None if self.low is None else round(100 * self.low)

    @property
    def high_pct(self) -> int | None:
        return None if self.high is None else round(100 * self.high)


# (winner index, loser index, respondent id)
Outcome = tuple[int, int, int]


@dataclass(frozen=True)
class UnitScores:
    label: str
    respondents: int
    cells: list[Cell]
    """Aligned with PairwiseResults.items."""


@dataclass(frozen=True)
class ItemRow:
    item: PairwiseItem
    overall: Cell
    by_unit: list[Cell]


@dataclass(frozen=True)
class PairwiseResults:
    threshold: int
    respondents: int
    """Respondents in the shown units."""
    comparisons: int
    undecided: int
    """"Can't choose" answers in the shown units."""
    rows: list[ItemRow]
    """Best first; items without comparisons last."""
    units: list[UnitScores]
    hidden_groups: int
    """Groups with respondents that are shown nowhere."""
    reps: int

    @property
    def shown(self) -> bool:
        return bool(self.units)

    @property
    def scored(self) -> list[ItemRow]:
        return [row for row in self.rows if row.overall.score is not None]

    @property
    def top_is_clear(self) -> bool:
        """The first one's interval lies above the second one's: the order at the top holds."""
        scored = self.scored
        if len(scored) < 2:
            return False
        first, second = scored[0].overall, scored[1].overall
        return (first.low or 0) > (second.high or 0)

    @property
    def level(self) -> bool:
        """Every score rounds to the same per cent: no initiative stands out."""
        return len({row.overall.pct for row in self.scored}) == 1

    @property
    def unscored(self) -> int:
        return len(self.rows) - len(self.scored)

    @property
    def by_group(self) -> bool:
        """The split is worth a table only with two or more units."""
        return len(self.units) >= 2


def _cells(
    n_items: int, outcomes: list[Outcome], threshold: int, reps: int
) -> list[Cell]:
    """Scores over the items that at least k people compared; the rest show nothing."""
    people: list[set[int]] = [set() for _ in range(n_items)]
    for winner, loser, respondent in outcomes:
        people[winner].add(respondent)
        people[loser].add(respondent)
    wins = win_matrix(n_items, [(w, lo) for w, lo, _r in outcomes])
    games = (wins + wins.T).sum(axis=1).astype(int)
    enough = [i for i in range(n_items) if len(people[i]) >= threshold]
    cells = [Cell(None, None, None, None) for _ in range(n_items)]
    for i in enough:
        cells[i] = Cell(None, None, None, int(games[i]))
    if len(enough) < 2:
        return cells
    # The fit uses every comparison of the unit: an item few compared still moves the
    # others a little, inside figures that each rest on k people or more. Items never
    # compared stay out, or they would count as average opponents in every score.
    compared = [i for i in range(n_items) if games[i] > 0]
    ranking = rank(wins[np.ix_(compared, compared)], reps=reps)
    for k, i in enumerate(compared):
        if i in enough:
            cells[i] = Cell(
                float(ranking.scores[k]),
                float(ranking.low[k]),
                float(ranking.high[k]),
                int(games[i]),
            )
    return cells


@dataclass(frozen=True)
class Tally:
    """What the fit reads: the items, the plan's shown units and each unit's choices."""

    items: list[PairwiseItem]
    keys: list[int | str]
    """The shown units: group ids in the groups' order, then POOL."""
    labels: list[str]
    sizes: list[int]
    outcomes: dict[int | str, list[Outcome]]
    undecided: int
    threshold: int

    def shown_outcomes(self) -> list[Outcome]:
        return [o for key in self.keys for o in self.outcomes[key]]

    def digest(self, reps: int) -> str:
        """Equal digests, equal fits: the seed is fixed, so the scores depend on this only."""
        data = [
            self.threshold,
            reps,
            [item.pk for item in self.items],
            [[str(key), self.outcomes[key]] for key in self.keys],
        ]
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()


def tally(pairwise: PairwiseRound, report: RoundReport) -> Tally:
    plan = report.plan
    items = published_items(pairwise)
    index = {item.pk: i for i, item in enumerate(items)}
    # winner_id is None for "can't choose"; the stubs type it as a plain int.
    rows: list[tuple[int, int, int, int, int | None]] = list(
        Comparison.objects.filter(pairwise_round=pairwise)
        .order_by("pk")
        .values_list(
            "respondent_id", "respondent__group_id", "low_id", "high_id", "winner_id"
        )
    )
    # The plan counted these people (chose_a_pair); the others' rows count nowhere.
    real = {r[0] for r in rows if r[4] is not None}
    outcomes: dict[int | str, list[Outcome]] = defaultdict(list)
    undecided = 0
    for respondent_id, group_id, low, high, winner in rows:
        unit = plan.unit_of(group_id) if respondent_id in real else None
        if unit is None or low not in index or high not in index:
            continue
        if winner is None:
            undecided += 1
            continue
        loser = high if winner == low else low
        outcomes[unit].append((index[winner], index[loser], respondent_id))
    by_id = {g.pk: g for g in report.all_groups}
    visible = sorted(plan.visible, key=lambda g: (by_id[g].order, g))
    keys: list[int | str] = list(visible)
    labels = [by_id[g].name for g in visible]
    sizes = [plan.visible[g] for g in visible]
    if plan.pooled_count is not None:
        keys.append(POOL)
        # Never the names: which small groups voted is itself a figure.
        labels.append(_("Other groups combined"))
        sizes.append(plan.pooled_count)
    return Tally(items, keys, labels, sizes, outcomes, undecided, report.threshold)


@dataclass(frozen=True)
class Fit:
    overall: list[Cell]
    units: list[list[Cell]]
    """Aligned with Tally.keys."""

    def to_json(self, keys: list[int | str]) -> dict[str, Any]:
        def cells(row: list[Cell]) -> list[list[float | int | None]]:
            return [[c.score, c.low, c.high, c.comparisons] for c in row]

        return {
            "overall": cells(self.overall),
            "units": {
                str(key): cells(row) for key, row in zip(keys, self.units, strict=True)
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], keys: list[int | str]) -> Fit:
        def cells(row: list[list[Any]]) -> list[Cell]:
            return [Cell(*values) for values in row]

        return cls(
            cells(data["overall"]), [cells(data["units"][str(key)]) for key in keys]
        )


def fit(found: Tally, reps: int) -> Fit:
    """The bootstrap: seconds for a few dozen items and people (bench/pairwise.py)."""
    n = len(found.items)
    return Fit(
        _cells(n, found.shown_outcomes(), found.threshold, reps),
        [_cells(n, found.outcomes[key], found.threshold, reps) for key in found.keys],
    )


def stored_or_fitted(pairwise: PairwiseRound, found: Tally, reps: int) -> Fit:
    """The scores stored at the close if the round is still as it was then, else a new fit."""
    stored = PairwiseScores.objects.filter(
        pairwise_round=pairwise, inputs=found.digest(reps)
    ).first()
    if stored is not None:
        return Fit.from_json(stored.cells, found.keys)
    return fit(found, reps)


def pairwise_results(
    pairwise: PairwiseRound,
    *,
    reps: int = BOOTSTRAP_REPS,
    report: RoundReport | None = None,
) -> PairwiseResults:
    """The scores by unit of the round's plan; pass the round's report if you have it."""
    report = report or round_report(pairwise.round)
    found = tally(pairwise, report)
    fitted = stored_or_fitted(pairwise, found, reps)
    overall, items = fitted.overall, found.items
    units = [
        UnitScores(label, size, cells)
        for label, size, cells in zip(
            found.labels, found.sizes, fitted.units, strict=True
        )
    ]
    order = sorted(
        range(len(items)),
        key=lambda i: (
            overall[i].score is None,
            -(overall[i].score or 0),
            items[i].title,
        ),
    )
    item_rows = [
        ItemRow(items[i], overall[i], [u.cells[i] for u in units]) for i in order
    ]
    return PairwiseResults(
        threshold=report.threshold,
        respondents=report.plan.total,
        comparisons=len(found.shown_outcomes()),
        undecided=found.undecided,
        rows=item_rows,
        units=units,
        hidden_groups=len(report.plan.hidden),
        reps=reps,
    )


@dataclass(frozen=True)
class PairwisePage:
    pairwise: PairwiseRound
    report: RoundReport
    """The live counter's figures; the results use the same plan."""
    results: PairwiseResults
    pending: list[PairwiseItem]
    rejected: list[PairwiseItem]
    invitations: list[Invitation]


def pairwise_page(pairwise: PairwiseRound) -> PairwisePage:
    suggestions = list(
        pairwise.items.exclude(status=PairwiseItem.Status.PUBLISHED).order_by("pk")
    )
    invitations = list(
        pairwise.round.invitations.select_related("group").order_by(
            "group__order", "group__pk"
        )
    )
    report = round_report(pairwise.round)
    return PairwisePage(
        pairwise,
        report,
        pairwise_results(pairwise, report=report),
        [s for s in suggestions if s.status == PairwiseItem.Status.PENDING],
        [s for s in suggestions if s.status == PairwiseItem.Status.REJECTED],
        invitations,
    )


def percent(value: float | None) -> str:
    return "" if value is None else str(round(100 * value))


def count(value: int | None) -> str:
    return "" if value is None else str(value)


def result_rows(results: PairwiseResults) -> list[list[str]]:
    """The CSV's rows: overall, then per shown unit; what the page shows, nothing more."""
    out = []
    for row in results.rows:
        units = [(_("All shown groups"), row.overall)]
        units += [
            (u.label, cell) for u, cell in zip(results.units, row.by_unit, strict=True)
        ]
        for label, cell in units:
            out.append(
                [
                    row.item.title,
                    label,
                    percent(cell.score),
                    percent(cell.low),
                    percent(cell.high),
                    count(cell.comparisons),
                ]
            )
    return out
