"""One answer's orientation from its cues (`analyse_approach`), and counts per group."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kerne.analysis.approach.cues import (
    Cue,
    _find_targets,
    _negated_tokens,
    _structural_cues,
)
from kerne.analysis.approach.verbs import (
    NO_ORIENTATION,
    ORIENTATIONS,
    VERBS,
    Orientation,
    _flip,
    find_verbs,
)
from kerne.analysis.names import group_units
from kerne.analysis.text.tokens import tokenise_spans


@dataclass(frozen=True, slots=True)
class ApproachResult:
    verbs: tuple[str, ...]
    """Lemmas of the verbs of approach, unique, in order of first use."""
    orientation: Orientation | None
    cues: tuple[Cue, ...] = ()
    """The evidence behind the orientation, after negation; for explaining it."""


def decide(cues: Iterable[Cue]) -> Orientation | None:
    """The orientation a set of cues votes for; None ("uklart") when nothing tips it.

    A tie is settled by the main verb, the first one that leans: in "vi
    sørger for at lytte" the answer is about making sure.
    """
    ordered = sorted(cues, key=lambda c: c.at)
    score = Counter[str]()
    for cue in ordered:
        score[cue.orientation] += cue.weight
    if score["med"] > score["for"]:
        return "med"
    if score["for"] > score["med"]:
        return "for"
    return next(
        (cue.orientation for cue in ordered if cue.rule.startswith("verbum_")),
        None,
    )


def analyse_approach(text: str) -> ApproachResult:
    """The verbs of approach in one answer and whether it speaks for or with them."""
    tokens = tokenise_spans(text)
    targets = _find_targets(tokens)
    verbs = find_verbs(tokens, targets.plain)
    consumed = frozenset(j for v in verbs for j in range(v.first, v.last + 1))
    negated = _negated_tokens(tokens)

    cues: list[Cue] = []
    for cue in _structural_cues(tokens, targets, consumed):
        # "ikke for dem" is with them; "ikke selv kan" is for them.
        cues.append(
            Cue(f"ikke_{cue.rule}", _flip(cue.orientation), cue.weight, cue.at)
            if negated[cue.at]
            else cue
        )
    by_lemma = {v.lemma: v for v in VERBS}
    for use in verbs:
        verb = by_lemma[use.lemma]
        # A negated verb ("vi sikrer ikke …") says little about the approach, so it is dropped, not flipped.
        if verb.lean is not None and not negated[use.first]:
            cues.append(
                Cue(f"verbum_{verb.lemma}", verb.lean, verb.lean_weight, use.first)
            )

    orientation = decide(cues)
    return ApproachResult(
        tuple(dict.fromkeys(v.lemma for v in verbs)), orientation, tuple(cues)
    )


# --- Aggregation -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupApproach:
    size: int
    """Answers in the group."""
    verb_counts: dict[str, int] = field(default_factory=dict)
    """Answers using each verb."""
    verb_shares: dict[str, float] = field(default_factory=dict)
    """Each verb's share of all verb uses in the group (sums to 1 when any verb is used)."""
    orientation_counts: dict[str, int] = field(default_factory=dict)
    """Answers per orientation: "for", "med" and "none"."""
    orientation_shares: dict[str, float] = field(default_factory=dict)
    """Share of the group's answers per orientation (sums to 1)."""


def _summarise(results: Iterable[ApproachResult]) -> GroupApproach:
    chosen = list(results)
    verbs = Counter(lemma for r in chosen for lemma in set(r.verbs))
    total_verbs = sum(verbs.values())
    verb_counts = dict(sorted(verbs.items(), key=lambda item: (-item[1], item[0])))
    orientations = Counter(r.orientation or NO_ORIENTATION for r in chosen)
    orientation_counts = {
        key: orientations[key] for key in (*ORIENTATIONS, NO_ORIENTATION)
    }
    return GroupApproach(
        size=len(chosen),
        verb_counts=verb_counts,
        verb_shares={lemma: n / total_verbs for lemma, n in verb_counts.items()},
        orientation_counts=orientation_counts,
        orientation_shares={
            key: n / len(chosen) for key, n in orientation_counts.items()
        }
        if chosen
        else {},
    )


def approach_by_group(
    results: Sequence[ApproachResult],
    groups: Sequence[str | None],
    *,
    min_group_size: int = 5,
) -> dict[str, GroupApproach]:
    """Verb and orientation distributions per group; groups below `min_group_size` never appear alone."""
    if len(results) != len(groups):
        raise ValueError("results and groups must have the same length")
    return {
        unit: _summarise(results[i] for i in indices)
        for unit, indices in group_units(groups, min_group_size).items()
    }
