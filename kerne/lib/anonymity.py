"""Which groups may be shown, so that no group below the threshold can be seen or derived.

The rule, in three parts:

- A group that reaches the threshold k on its own is always shown on its own.
  It is never merged into a pool: that would hide it for no reason, and worse,
  the pool minus the small groups' total is the big group's figure again.
- Groups below k are pooled with each other, and only with each other, when
  together they reach k. The pool is labelled without naming its groups.
- Otherwise the small groups are hidden, and they are left out of every figure,
  quote and total. Nothing shown includes them, so no subtraction of shown
  figures can give them back: every published figure is a sum over shown
  units, and each shown unit has at least k behind it.

A zero is not a group: it is neither shown nor pooled (a pool of one real group
and one empty one would be that group alone).

`shuffle_key` orders rows inside a unit so that the order reveals neither group
nor respondent: rows sorted by it are neither in group order nor in id order,
and the order of one question's rows says nothing about another's.

Pure Python on purpose: the analysis library and the web app share it.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

POOL = "__pool__"


@dataclass(frozen=True)
class ReportingPlan(Generic[K]):
    threshold: int
    visible: dict[K, int]
    pooled: frozenset[K]
    pooled_count: int | None
    """Respondents in the pool, or None when there is no pool."""
    hidden: frozenset[K] = field(default_factory=frozenset)
    """Groups with respondents that are shown nowhere."""

    @property
    def total(self) -> int:
        """The total of what is shown; hidden groups are never in it."""
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


def plan_reporting(
    counts: Mapping[K, int], threshold: int, *, pool: bool = True
) -> ReportingPlan[K]:
    """Decide which groups are shown alone, which pooled, and which hidden.

    With pool=False small groups are hidden even when they could be pooled:
    figures that change over time use it, because a pool's composition changes
    when one of its groups grows past the threshold, and the old pool minus the
    group's new figure is the rest of the pool.
    """
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    nonzero = {key: n for key, n in counts.items() if n > 0}
    visible = {key: n for key, n in nonzero.items() if n >= threshold}
    small = {key: n for key, n in nonzero.items() if n < threshold}
    # Two or more groups, since each is below the threshold on its own.
    if pool and small and sum(small.values()) >= threshold:
        return ReportingPlan(threshold, visible, frozenset(small), sum(small.values()))
    return ReportingPlan(threshold, visible, frozenset(), None, frozenset(small))


def may_show(count: int, threshold: int) -> bool:
    """Whether a figure computed from `count` respondents may be shown."""
    return count >= threshold


def batched(count: int, threshold: int) -> int | None:
    """A live count as it may be shown: whole batches of `threshold`, None below one.

    A count that can be read at two moments moves by one when one person acts:
    shown in batches it moves only when `threshold` more have acted, and a count
    below the threshold is not shown at all.
    """
    if count < threshold:
        return None
    return count - count % threshold


def shuffle_key(secret: str, *parts: object) -> str:
    """A sort key for a row: fixed for the same parts, unrelated to ids or to other scopes.

    Pass the scope and the row, e.g. (question id, answer id): sorting a question's
    answers by it gives an order that is stable on reload but is neither by group
    nor by id, and row k is not the same person in every question.
    """
    message = "\x1f".join(str(part) for part in parts).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
