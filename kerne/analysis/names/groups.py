"""Names per answer and per reporting group, with the anonymity plan."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kerne.analysis.names.find import find_names
from kerne.lib.anonymity import plan_reporting

OTHER_GROUP = "Øvrige"
"""Reporting unit for groups pooled because they are below `min_group_size`."""

NO_GROUP = "Uden gruppe"
"""Group of answers that carry no group at all."""


@dataclass(frozen=True, slots=True)
class AnswerNames:
    them: tuple[str, ...]
    """Canonical names for the people served, unique, in order of first mention."""
    us: tuple[str, ...]


def analyse_names(text: str) -> AnswerNames:
    names = find_names(text)
    them = dict.fromkeys(n.name for n in names if n.side == "them")
    us = dict.fromkeys(n.name for n in names if n.side == "us")
    return AnswerNames(tuple(them), tuple(us))


@dataclass(frozen=True, slots=True)
class Distribution:
    """How many answers use each name, and each name's share of all name uses."""

    counts: dict[str, int] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, per_answer: Iterable[Iterable[str]]) -> Distribution:
        counts = Counter(name for names in per_answer for name in set(names))
        total = sum(counts.values())
        ordered = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        return cls(ordered, {name: n / total for name, n in ordered.items()})


@dataclass(frozen=True, slots=True)
class GroupNames:
    size: int
    """Answers in the group."""
    them: Distribution
    us: Distribution
    without_names: int
    """Answers that name no one on the "them" side."""


def group_units(
    groups: Sequence[str | None], min_group_size: int
) -> dict[str, list[int]]:
    """Answer indices per reporting unit; small groups pooled as "Øvrige" or dropped.

    The pooling rule is the project's one rule (kerne.lib.anonymity), so these
    figures cannot be subtracted from another page's to expose a small group.
    """
    keys = [NO_GROUP if g is None or not g.strip() else g.strip() for g in groups]
    plan = plan_reporting(Counter(keys), min_group_size)
    units: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        unit = plan.unit_of(key)
        if unit is None:
            continue
        units.setdefault(key if unit == key else OTHER_GROUP, []).append(index)
    return units


def names_by_group(
    answers: Sequence[AnswerNames],
    groups: Sequence[str | None],
    *,
    min_group_size: int = 5,
) -> dict[str, GroupNames]:
    """Name distributions per group; groups below `min_group_size` never appear alone."""
    if len(answers) != len(groups):
        raise ValueError("answers and groups must have the same length")
    result: dict[str, GroupNames] = {}
    for unit, indices in group_units(groups, min_group_size).items():
        chosen = [answers[i] for i in indices]
        result[unit] = GroupNames(
            size=len(chosen),
            them=Distribution.of(a.them for a in chosen),
            us=Distribution.of(a.us for a in chosen),
            without_names=sum(1 for a in chosen if not a.them),
        )
    return result
