"""Which groups may be shown, so that no group below the threshold can be seen or derived.

A group with fewer respondents than the threshold is never shown on its own.
Hiding it is not enough: if the total and all other groups are shown, the
hidden count is total minus the rest. So small groups are pooled into one
"other groups" unit, and the pool must itself reach the threshold and hold at
least two groups with respondents; when it does not, the smallest visible
groups join it until it does. If even everything together is below the
threshold, nothing is shown. Every page, export and API reports through the
same plan, so no two views can be subtracted from each other.

Pure Python on purpose: the analysis library and the web app share it.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class ReportingPlan(Generic[K]):
    threshold: int
    visible: dict[K, int]
    pooled: frozenset[K]
    pooled_count: int | None
    """Respondents in the pool, or None when the pool may not be shown."""
    hidden: frozenset[K] = field(default_factory=frozenset)

    @property
    def total(self) -> int | None:
        """The total that may be shown, or None when it would expose a group."""
        if self.hidden:
            return None
        if self.pooled and self.pooled_count is None:
            return None
        return sum(self.visible.values()) + (self.pooled_count or 0)

    def unit_of(self, key: K) -> K | None | str:
        """The reporting unit a group's answers appear in: itself, POOL, or None (hidden)."""
        if key in self.visible:
            return key
        if key in self.pooled and self.pooled_count is not None:
            return POOL
        return None

    def shown_groups(self) -> list[K]:
        """Groups whose answers may appear (on their own or in the pool)."""
        shown = list(self.visible)
        if self.pooled_count is not None:
            shown.extend(self.pooled)
        return shown


POOL = "__pool__"


def plan_reporting(counts: Mapping[K, int], threshold: int) -> ReportingPlan[K]:
    """Decide which groups are shown alone, which pooled, and which hidden.

    Groups with no respondents are neither shown nor pooled: a zero reveals
    no one, but pooling it would make a one-group pool look like two.
    """
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    nonzero = {key: n for key, n in counts.items() if n > 0}
    visible = {key: n for key, n in nonzero.items() if n >= threshold}
    pool = {key: n for key, n in nonzero.items() if n < threshold}

    def pool_is_safe() -> bool:
        return not pool or (len(pool) >= 2 and sum(pool.values()) >= threshold)

    while not pool_is_safe() and visible:
        # Sacrifice the smallest visible group; ties broken by key text for determinism.
        smallest = min(visible, key=lambda key: (visible[key], str(key)))
        pool[smallest] = visible.pop(smallest)

    if pool_is_safe():
        pooled_count = sum(pool.values()) if pool else None
        return ReportingPlan(threshold, visible, frozenset(pool), pooled_count)
    # Everything is pooled and still too small (or a single group): show nothing.
    return ReportingPlan(threshold, {}, frozenset(pool), None, hidden=frozenset(pool))


def may_show(count: int, threshold: int) -> bool:
    """Whether a figure computed from `count` respondents may be shown."""
    return count >= threshold
