"""Opinion map from agree / pass / disagree votes, after Polis's published math.

Polis (compdemocracy.org) places participants on a 2-D map by PCA of the vote
matrix, finds opinion groups with k-means, and lists what each group stands
for, what everybody agrees on and which statements divide. This module restates
those formulas (see shared/research/polis.md) with numpy and a sparse matrix,
seeded so the same votes always give the same map, and adds two things Polis
lacks: agreement per stakeholder group (staff, citizens, …) with intervals and
an anonymity threshold, and a stability score for the opinion groups.

Votes are +1 agree, -1 disagree, 0 pass; a missing vote is simply absent.

The package, one step of the map per module:

- `votes`: `Votes` (the vote matrix as index arrays) and `entry_votes`;
- `clustering`: PCA onto the 2-D map and the opinion groups (`cluster_participants`);
- `kmeans`: the weighted k-means the groups are made with;
- `statements`: representative, consensus and divisive statements (Polis's z-tests);
- `results`: the result types; `map`: `analyse_opinions`, the whole map;
- `stakeholders`: agreement per stakeholder group, Wilson intervals from
  `kerne.analysis.intervals`;
- `stability`: resampled stability, adjusted Rand from `kerne.analysis.partitions`.
"""

from __future__ import annotations

from kerne.analysis.opinions.clustering import cluster_participants, count_group_votes
from kerne.analysis.opinions.map import analyse_opinions
from kerne.analysis.opinions.results import (
    Clustering,
    ConsensusStatement,
    DivisiveStatement,
    GroupVotes,
    OpinionMap,
    RepresentativeStatement,
)
from kerne.analysis.opinions.stability import Stability, group_stability
from kerne.analysis.opinions.stakeholders import (
    StakeholderAgreement,
    StakeholderReport,
    stakeholder_agreement,
)
from kerne.analysis.opinions.statements import proportion_z, two_proportion_z
from kerne.analysis.opinions.votes import MIN_VOTES, Votes, entry_votes

__all__ = [
    "MIN_VOTES",
    "Clustering",
    "ConsensusStatement",
    "DivisiveStatement",
    "GroupVotes",
    "OpinionMap",
    "RepresentativeStatement",
    "Stability",
    "StakeholderAgreement",
    "StakeholderReport",
    "Votes",
    "analyse_opinions",
    "cluster_participants",
    "count_group_votes",
    "entry_votes",
    "group_stability",
    "proportion_z",
    "stakeholder_agreement",
    "two_proportion_z",
]
