"""`analyse_opinions`: the whole opinion map from votes, after Polis."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import numpy as np

from kerne.analysis.opinions.clustering import cluster_participants, count_group_votes
from kerne.analysis.opinions.results import OpinionMap
from kerne.analysis.opinions.statements import (
    _select_consensus,
    _select_divisive,
    _select_repness,
)
from kerne.analysis.opinions.votes import MIN_VOTES, Votes


def analyse_opinions(
    votes: Votes,
    *,
    min_votes: int = MIN_VOTES,
    base_clusters: int = 100,
    max_groups: int = 5,
    pick_max: int = 5,
    seed: int = 0,
    members: Collection[Any] = (),
) -> OpinionMap:
    """Run the whole pipeline on votes whose excluded statements are already dropped.

    `members` are participants who entered the map earlier (see `entry_votes`);
    they stay in it even with fewer votes than the threshold asks today.
    """
    clustering = cluster_participants(
        votes,
        min_votes=min_votes,
        base_clusters=base_clusters,
        max_groups=max_groups,
        seed=seed,
        members=members,
    )
    n_stmt = votes.n_statements
    # A participant who agreed with one statement alone: centred vote 1 - mean, scaled by sqrt(m / 1).
    statement_coords = (
        clustering.components * ((1.0 - clustering.mean) * np.sqrt(n_stmt))
    ).T
    group_votes = count_group_votes(votes, clustering.groups, clustering.n_groups)
    gic = np.prod((group_votes.agree + 1.0) / (group_votes.seen + 2.0), axis=0)
    gic_disagree = np.prod(
        (group_votes.disagree + 1.0) / (group_votes.seen + 2.0), axis=0
    )
    consensus_agree, consensus_disagree = _select_consensus(votes, pick_max)
    return OpinionMap(
        participant_ids=votes.participant_ids,
        statement_ids=votes.statement_ids,
        vote_counts=votes.votes_per_participant(),
        clustering=clustering,
        statement_coords=statement_coords,
        extremity=np.linalg.norm(statement_coords, axis=1),
        group_votes=group_votes,
        repness=_select_repness(group_votes, votes.statement_ids, pick_max),
        consensus_agree=consensus_agree,
        consensus_disagree=consensus_disagree,
        group_informed_consensus=gic if clustering.n_groups else np.zeros(n_stmt),
        group_informed_consensus_disagree=gic_disagree
        if clustering.n_groups
        else np.zeros(n_stmt),
        divisive=_select_divisive(group_votes, votes.statement_ids, pick_max),
    )
