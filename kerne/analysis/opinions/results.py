"""The opinion map's result types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kerne.analysis.opinions.votes import (
    BoolArray,
    Direction,
    FloatArray,
    IdArray,
    IntArray,
)


@dataclass(frozen=True)
class RepresentativeStatement:
    statement_id: Any
    direction: Direction
    n_success: int  # agrees (or disagrees) in the group
    n_trials: int  # votes seen in the group, passes included
    probability: float  # smoothed share of the group voting this way
    probability_z: float  # one-proportion test against one half
    repness: float  # that share divided by the same share in the rest
    repness_z: float  # two-proportion test, group against rest


@dataclass(frozen=True)
class ConsensusStatement:
    statement_id: Any
    probability: float
    z: float


@dataclass(frozen=True)
class DivisiveStatement:
    statement_id: Any
    spread: float  # smoothed agree share of the most minus the least agreeing group
    z: float  # two-proportion test between those two groups
    most_agreeing_group: int
    least_agreeing_group: int


@dataclass(frozen=True)
class GroupVotes:
    """Counts per opinion group (rows) and statement (columns), in-map members only."""

    agree: IntArray
    disagree: IntArray
    seen: IntArray  # passes included, as in Polis


@dataclass(frozen=True)
class Clustering:
    coords: FloatArray  # (participants, 2), every participant projected
    components: FloatArray  # (2, statements)
    mean: FloatArray  # per-statement mean vote used for imputation
    in_map: BoolArray
    groups: IntArray  # -1 when not in the map
    n_groups: int
    silhouettes: dict[int, float]  # per candidate k
    base_centres: FloatArray  # the ~100 k-means buckets the groups are made of


@dataclass(frozen=True)
class OpinionMap:
    participant_ids: IdArray
    statement_ids: IdArray
    vote_counts: IntArray
    clustering: Clustering
    statement_coords: (
        FloatArray  # where a participant agreeing with just that statement would sit
    )
    extremity: FloatArray
    group_votes: GroupVotes
    repness: tuple[tuple[RepresentativeStatement, ...], ...]
    consensus_agree: tuple[ConsensusStatement, ...]
    consensus_disagree: tuple[ConsensusStatement, ...]
    group_informed_consensus: FloatArray
    group_informed_consensus_disagree: FloatArray
    divisive: tuple[DivisiveStatement, ...]

    @property
    def groups(self) -> IntArray:
        return self.clustering.groups

    @property
    def n_groups(self) -> int:
        return self.clustering.n_groups
