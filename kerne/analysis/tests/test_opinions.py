from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.metrics import adjusted_rand_score

from kerne.analysis.intervals import wilson_interval
from kerne.analysis.opinions import (
    Votes,
    analyse_opinions,
    cluster_participants,
    entry_votes,
    group_stability,
    proportion_z,
    stakeholder_agreement,
    two_proportion_z,
)
from kerne.analysis.partitions import adjusted_rand_index
from kerne.analysis.polis_io import read_polis_export

OPENDATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "polis-opendata"
CONVERSATIONS = (
    "15-per-hour-seattle",
    "brexit-consensus",
    "scoop-hivemind.taxes",
    "vtaiwan.uberx",
)


def planted(
    n: int = 300, m: int = 30, groups: int = 3, share: float = 0.6, seed: int = 0
) -> tuple[Votes, np.ndarray]:
    """Votes from `groups` camps that each agree with their own statements and reject the rest's."""
    rng = np.random.default_rng(seed)
    camp = rng.integers(groups, size=n)
    owner = np.arange(m) % groups
    voter, statement = np.nonzero(rng.random((n, m)) < share)
    likes = camp[voter] == owner[statement]
    noise = rng.random(len(voter)) < 0.1
    vote = np.where(likes ^ noise, 1, -1)
    return Votes.from_triples(voter, statement, vote), camp


# --- Votes -------------------------------------------------------------------


def test_it_keeps_the_later_of_two_votes_on_the_same_pair() -> None:
    votes = Votes.from_triples(["b", "a", "b"], [1, 1, 1], [1, -1, -1])
    assert votes.participant_ids.tolist() == ["a", "b"]
    assert sorted(
        zip(votes.participant.tolist(), votes.vote.tolist(), strict=True)
    ) == [
        (0, -1),
        (1, -1),
    ]


def test_it_rejects_votes_other_than_minus_one_zero_and_one() -> None:
    with pytest.raises(ValueError, match="agree"):
        Votes.from_triples([1], [1], [2])


def test_it_drops_excluded_statements_but_keeps_their_voters() -> None:
    votes = Votes.from_triples([1, 1, 2], [10, 20, 20], [1, 1, -1])
    kept = votes.without_statements([20])
    assert kept.statement_ids.tolist() == [10]
    assert kept.participant_ids.tolist() == [1, 2]
    assert kept.votes_per_participant().tolist() == [1, 0]


# --- the map -----------------------------------------------------------------


def test_it_recovers_planted_groups() -> None:
    votes, camp = planted()
    result = analyse_opinions(votes)
    assert result.n_groups == 3
    assert adjusted_rand_index(result.groups, camp) > 0.95


def test_it_projects_like_a_dense_restatement_of_the_formulas() -> None:
    votes, _ = planted(n=60, m=12, share=0.5, seed=3)
    clustering = cluster_participants(votes)
    # Dense reference: NaN for missing, impute column means, centre, SVD, then
    # scale each participant by sqrt(statements / votes cast).
    dense = np.full((votes.n_participants, votes.n_statements), np.nan)
    dense[votes.participant, votes.statement] = votes.vote
    filled = np.where(np.isnan(dense), np.nanmean(dense, axis=0), dense)
    centred = filled - filled.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    scale = np.sqrt(votes.n_statements / (~np.isnan(dense)).sum(axis=1))
    expected = centred @ vt[:2].T * scale[:, None]
    for axis in range(2):
        assert (
            abs(np.corrcoef(expected[:, axis], clustering.coords[:, axis])[0, 1])
            > 0.999999
        )
    assert np.allclose(np.abs(clustering.coords), np.abs(expected))


def test_it_maps_only_participants_with_seven_votes() -> None:
    votes, _ = planted(n=200, m=30, share=0.2, seed=1)
    result = analyse_opinions(votes)
    counts = result.vote_counts
    assert (result.clustering.in_map == (counts >= 7)).all()
    assert (result.groups[counts < 7] == -1).all()
    assert (result.groups[counts >= 7] >= 0).all()


def test_it_fills_a_young_conversation_with_the_most_active_voters() -> None:
    # Twenty participants with three votes each on twenty statements: nobody
    # reaches seven, so Polis's rule puts the fifteen most active in the map.
    rng = np.random.default_rng(0)
    statements = np.concatenate(
        [rng.choice(20, size=3, replace=False) for _ in range(20)]
    )
    votes = Votes.from_triples(
        np.repeat(np.arange(20), 3), statements, rng.choice([-1, 1], size=60)
    )
    assert analyse_opinions(votes).clustering.in_map.sum() == 15


# A conversation that grows, one statement at a time. The statements "there
# are" are those voted on so far, as in Polis's vote matrix.
GROWING = [
    ("a", 1),  # one vote of the one statement there is: a enters
    ("b", 2),  # one of two: not yet
    ("b", 3),  # two of three: not yet
    *[("c", s) for s in range(4, 11)],  # c's seventh vote, on the tenth statement
    ("b", 4),  # three votes, ten statements, so seven needed: b stays out
    ("c", 4),  # a changed vote is not a new one
    ("b", 4),
]


def test_it_lets_a_participant_in_by_the_statements_there_were_then() -> None:
    voters, statements = zip(*GROWING, strict=True)
    entered = entry_votes(voters, statements)
    assert np.flatnonzero(entered).tolist() == [0, 9]
    assert entry_votes([], []).tolist() == []


def test_it_never_counts_a_changed_vote_twice() -> None:
    # b votes on seven statements, the first vote of all, so b is in at once;
    # a then votes on one of them nine times: one vote, not nine.
    entered = entry_votes(["b"] * 7 + ["a"] * 9, list(range(1, 8)) + [1] * 9)
    assert np.flatnonzero(entered).tolist() == [0]


def test_it_can_replay_polis_s_fill_of_the_first_voters() -> None:
    voters, statements = zip(*GROWING, strict=True)
    entered = entry_votes(voters, statements, greedy=2)
    # a and b were the first two to vote: each enters at their first vote.
    assert np.flatnonzero(entered).tolist() == [0, 1, 9]


def replay_one_by_one(voters: list[int], statements: list[int]) -> list[bool]:
    """Polis's rule, vote by vote, the slow and obvious way."""
    seen: set[int] = set()
    mine: dict[int, set[int]] = {}
    inside: set[int] = set()
    out = []
    for voter, statement in zip(voters, statements, strict=True):
        seen.add(statement)
        mine.setdefault(voter, set()).add(statement)
        enters = voter not in inside and len(mine[voter]) >= min(7, len(seen))
        if enters:
            inside.add(voter)
        out.append(enters)
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 12), st.integers(0, 15)), min_size=1, max_size=120
    )
)
def test_it_replays_like_one_vote_at_a_time(
    sequence: list[tuple[int, int]],
) -> None:
    voters, statements = (list(x) for x in zip(*sequence, strict=True))
    expected = replay_one_by_one(voters, statements)
    assert entry_votes(voters, statements).tolist() == expected
    # Replaying only the odd voters finds the same entries for them.
    odd = np.array(voters) % 2 == 1
    some = entry_votes(voters, statements, among=odd)
    assert some.tolist() == (np.array(expected) & odd).tolist()


def test_a_participant_who_entered_earlier_stays_in_the_map() -> None:
    votes, _ = planted(n=60, m=30, share=0.5, seed=2)
    few = Votes.from_triples(
        np.concatenate([votes.participant_ids[votes.participant], [999] * 3]),
        np.concatenate([votes.statement_ids[votes.statement], [0, 1, 2]]),
        np.concatenate([votes.vote, [1, 1, -1]]),
    )
    today = analyse_opinions(few)
    assert not today.clustering.in_map[-1]
    kept = analyse_opinions(few, members={999, 12345})
    assert kept.clustering.in_map[-1] and kept.groups[-1] >= 0
    assert kept.clustering.in_map[:-1].tolist() == today.clustering.in_map[:-1].tolist()


def test_it_handles_no_votes_and_a_single_voter() -> None:
    empty = analyse_opinions(Votes.from_triples([], [], []))
    assert empty.n_groups == 0 and empty.consensus_agree == ()
    alone = analyse_opinions(Votes.from_triples([1, 1], [1, 2], [1, -1]))
    assert alone.groups.tolist() == [0] and alone.repness == ((),)


def test_it_is_deterministic_for_a_seed() -> None:
    votes, _ = planted(seed=5)
    first, again = analyse_opinions(votes, seed=7), analyse_opinions(votes, seed=7)
    assert (first.groups == again.groups).all()
    assert np.array_equal(first.clustering.coords, again.clustering.coords)


def test_it_finds_consensus_repness_and_divisive_statements() -> None:
    votes, camp = planted(n=300, m=30, groups=2, share=0.8, seed=2)
    # Statement 100: everybody agrees. Statement 101: everybody disagrees.
    n = len(camp)
    extra = Votes.from_triples(
        np.concatenate(
            [votes.participant_ids[votes.participant], np.arange(n), np.arange(n)]
        ),
        np.concatenate(
            [votes.statement_ids[votes.statement], np.full(n, 100), np.full(n, 101)]
        ),
        np.concatenate([votes.vote, np.ones(n, int), -np.ones(n, int)]),
    )
    result = analyse_opinions(extra)
    assert result.consensus_agree[0].statement_id == 100
    assert result.consensus_disagree[0].statement_id == 101
    assert result.n_groups == 2
    owner_of_group = []
    for reps in result.repness:
        assert reps, "every group gets representative statements"
        agreed = [r.statement_id for r in reps if r.direction == "agree"]
        assert agreed and 100 not in agreed  # shared ground does not set a group apart
        owner_of_group.append({s % 2 for s in agreed})
    assert owner_of_group[0] != owner_of_group[1] and all(
        len(o) == 1 for o in owner_of_group
    )
    divisive = {d.statement_id for d in result.divisive}
    assert divisive and not divisive & {100, 101}
    gic = dict(
        zip(
            result.statement_ids.tolist(),
            result.group_informed_consensus.tolist(),
            strict=True,
        )
    )
    assert gic[100] == max(gic.values())
    expected = np.prod(
        (result.group_votes.agree + 1) / (result.group_votes.seen + 2), axis=0
    )
    assert np.allclose(result.group_informed_consensus, expected)


def test_its_z_tests_match_hand_computed_values() -> None:
    # 8 of 10 agree: 2·sqrt(11)·(9/11 − 1/2).
    assert proportion_z(8, 10) == pytest.approx(2 * np.sqrt(11) * (9 / 11 - 0.5))
    # 9/11 against 3/11 (pseudo-counts added), pooled 12/22.
    pooled = 12 / 22
    z = (9 / 11 - 3 / 11) / np.sqrt(pooled * (1 - pooled) * (2 / 11))
    assert two_proportion_z(8, 10, 2, 10) == pytest.approx(z)
    assert two_proportion_z(5, 5, 5, 5) == 0.0  # no spread: no evidence
    low, high = wilson_interval(5, 10)
    assert (float(low), float(high)) == pytest.approx((0.2366, 0.7634), abs=1e-4)


def test_its_ari_matches_scikit_learn() -> None:
    rng = np.random.default_rng(0)
    a, b = rng.integers(4, size=500), rng.integers(3, size=500)
    b[:300] = a[:300] % 3
    assert adjusted_rand_index(a, b) == pytest.approx(adjusted_rand_score(a, b))
    assert adjusted_rand_index([0, 0, 1], [5, 5, 2]) == 1.0


# --- stakeholders and stability ------------------------------------------------


def test_it_reports_stakeholder_agreement_above_the_anonymity_threshold() -> None:
    # 20 staff agree with statement 1, 20 citizens disagree; 3 partners are too few to show.
    ids = np.arange(43)
    votes = Votes.from_triples(
        ids,
        np.ones(43, int),
        np.r_[np.ones(20, int), -np.ones(20, int), np.ones(3, int)],
    )
    labels = (
        dict.fromkeys(range(20), "staff")
        | dict.fromkeys(range(20, 40), "citizen")
        | {40: "partner", 41: "partner", 42: "partner"}
    )
    report = stakeholder_agreement(votes, labels, min_group_size=5)
    shown = {g.label: g for g in report.groups}
    assert set(shown) == {"citizen", "staff"} and report.hidden == ("partner",)
    assert shown["staff"].agree.tolist() == [1.0] and shown[
        "citizen"
    ].agree.tolist() == [0.0]
    assert 0.8 < shown["staff"].agree_low[0] < 1.0 == shown["staff"].agree_high[0]


def test_it_blanks_a_statement_too_few_of_a_group_voted_on() -> None:
    votes = Votes.from_triples(
        np.r_[np.arange(10), [0, 1]], np.r_[np.zeros(10, int), [1, 1]], np.ones(12, int)
    )
    report = stakeholder_agreement(
        votes, dict.fromkeys(range(10), "staff"), min_group_size=5
    )
    assert report.groups[0].agree[0] == 1.0
    assert np.isnan(report.groups[0].agree[1])


def test_it_matches_stakeholder_ids_read_as_text_to_numeric_voters() -> None:
    votes = Votes.from_triples(np.arange(6), np.zeros(6, int), np.ones(6, int))
    report = stakeholder_agreement(
        votes, {str(i): "staff" for i in range(6)}, min_group_size=5
    )
    assert report.groups[0].participants == 6


def test_clear_groups_are_stable_and_noise_is_not() -> None:
    votes, _ = planted(seed=4)
    clear = group_stability(votes, analyse_opinions(votes).clustering, resamples=4)
    assert clear.mean_ari > 0.9 and min(clear.group_reappearance) > 0.9
    rng = np.random.default_rng(4)
    voter, statement = np.nonzero(rng.random((300, 30)) < 0.6)
    noise = Votes.from_triples(voter, statement, rng.choice([-1, 1], size=len(voter)))
    fuzzy = group_stability(noise, analyse_opinions(noise).clustering, resamples=4)
    assert fuzzy.mean_ari < clear.mean_ari - 0.2


# --- properties --------------------------------------------------------------


@st.composite
def vote_sets(draw: st.DrawFn) -> Votes:
    n = draw(st.integers(2, 40))
    m = draw(st.integers(1, 12))
    cells = draw(
        st.lists(
            st.tuples(
                st.integers(0, n - 1),
                st.integers(0, m - 1),
                st.sampled_from([-1, 0, 1]),
            ),
            min_size=1,
            max_size=300,
        )
    )
    p, s, v = zip(*cells, strict=True)
    return Votes.from_triples(np.array(p), np.array(s), np.array(v))


def shuffled(votes: Votes, seed: int) -> Votes:
    order = np.random.default_rng(seed).permutation(len(votes.vote))
    return Votes.from_triples(
        votes.participant_ids[votes.participant][order],
        votes.statement_ids[votes.statement][order],
        votes.vote[order],
    )


PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(vote_sets(), st.integers(0, 2**16))
def test_the_order_of_votes_does_not_change_the_map(votes: Votes, seed: int) -> None:
    first, second = analyse_opinions(votes), analyse_opinions(shuffled(votes, seed))
    assert (first.groups == second.groups).all()
    assert first.consensus_agree == second.consensus_agree


@PROPERTY
@given(vote_sets())
def test_consensus_statements_really_have_majority_agreement(votes: Votes) -> None:
    result = analyse_opinions(votes)
    seen = np.bincount(votes.statement, minlength=votes.n_statements)
    index = {sid: j for j, sid in enumerate(votes.statement_ids.tolist())}
    for picks, sign in ((result.consensus_agree, 1), (result.consensus_disagree, -1)):
        for pick in picks:
            j = index[pick.statement_id]
            hits = int(((votes.statement == j) & (votes.vote == sign)).sum())
            assert hits / seen[j] > 0.5


@PROPERTY
@given(vote_sets())
def test_flipping_every_vote_swaps_consensus_sides_and_keeps_the_groups(
    votes: Votes,
) -> None:
    # Agree and disagree are mirror images: the map flips, the groups stay.
    flipped = Votes(
        votes.participant_ids,
        votes.statement_ids,
        votes.participant,
        votes.statement,
        -votes.vote,
    )
    first, second = analyse_opinions(votes), analyse_opinions(flipped)
    assert adjusted_rand_index(first.groups, second.groups) == 1.0
    assert first.consensus_agree == second.consensus_disagree
    assert first.consensus_disagree == second.consensus_agree


@PROPERTY
@given(vote_sets())
def test_only_participants_in_the_map_have_a_group(votes: Votes) -> None:
    result = analyse_opinions(votes)
    assert ((result.groups >= 0) == result.clustering.in_map).all()
    assert set(result.groups[result.groups >= 0].tolist()) == set(
        range(result.n_groups)
    )


@PROPERTY
@given(st.integers(0, 200), st.integers(0, 200))
def test_wilson_intervals_hold_the_observed_share(k: int, extra: int) -> None:
    low, high = wilson_interval(k, k + extra)
    share = k / (k + extra) if k + extra else 0.5
    assert 0.0 <= float(low) <= share <= float(high) <= 1.0


def test_permuting_participants_and_statements_keeps_planted_groups() -> None:
    # Relabelling ids reorders the matrix internally; clear groups must survive.
    votes, camp = planted(seed=6)
    rng = np.random.default_rng(6)
    new_pid = rng.permutation(votes.n_participants) + 1000
    new_sid = rng.permutation(votes.n_statements) + 500
    renamed = Votes.from_triples(
        new_pid[votes.participant], new_sid[votes.statement], votes.vote
    )
    result = analyse_opinions(renamed)
    back = dict(
        zip(result.participant_ids.tolist(), result.groups.tolist(), strict=True)
    )
    assert (
        adjusted_rand_index([back[p] for p in new_pid], analyse_opinions(votes).groups)
        == 1.0
    )


# --- real Polis conversations ------------------------------------------------


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_the_short_cut_for_active_voters_keeps_the_same_members(name: str) -> None:
    log = read_polis_export(OPENDATA / name).votes
    assert sorted(log.members(latest=log.latest())) == sorted(log.members())


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_it_agrees_with_polis_on_real_conversations(name: str) -> None:
    export = read_polis_export(OPENDATA / name)
    votes = export.votes.latest().without_statements(export.excluded_statement_ids())
    result = analyse_opinions(votes, members=export.votes.members())
    with (OPENDATA / name / "participants-votes.csv").open(
        newline="", encoding="utf-8"
    ) as f:
        polis = {
            int(r["participant"]): int(r["group-id"])
            for r in csv.DictReader(f)
            if r["group-id"] != ""
        }
    ours = dict(
        zip(result.participant_ids.tolist(), result.groups.tolist(), strict=True)
    )
    both = [p for p, g in ours.items() if g >= 0 and p in polis]
    ari = adjusted_rand_index([ours[p] for p in both], [polis[p] for p in both])
    in_map = sum(1 for p in polis if ours.get(p, -1) >= 0) / len(polis)
    figures = (
        f"{name}: ARI vs Polis group-id {ari:.3f} over {len(both)} participants; "
        f"groups ours {result.n_groups} / Polis {len(set(polis.values()))}; "
        f"{in_map:.1%} of Polis's grouped participants are in our map"
    )
    print(figures)
    # Polis's groups come from incremental runs (warm-started PCA and k-means,
    # a k-smoother) over the conversation's life; a batch run on the final votes
    # agrees but is not identical. Seed 0 gives 0.56-0.88 here, and red-dwarf,
    # another faithful re-implementation, gets 0.46-0.91 on the same four;
    # Seattle is the fuzziest (its groups reappear in only ~half the resamples).
    # 0.45 is the floor both clear; anything lower means a broken pipeline.
    assert ari >= 0.45, figures
    # The historical in-conversation rule, replayed from the vote times, keeps
    # 96-100 % of those Polis grouped; 8 of 197 on brexit had 1-6 votes among
    # 18 statements from the start, and Polis's own reasons for them are not
    # in the export.
    assert in_map >= 0.95, figures
