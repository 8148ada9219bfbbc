from __future__ import annotations

import choix
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kerne.analysis.pairwise import (
    PRIOR,
    choose_pair,
    fit_strengths,
    rank,
    win_chances,
    win_matrix,
)

# A known tournament of five items: (winner, loser). Item 4 never lost, so its
# plain MLE is infinite; the prior keeps it finite.
TOURNAMENT = [
    (0, 1), (0, 1), (1, 0), (0, 2), (2, 1), (1, 2), (2, 3),
    (3, 2), (0, 3), (3, 1), (2, 0), (4, 0), (4, 1), (4, 2),
]  # fmt: skip
# A strongly connected one (everyone beat and lost to someone): the MLE exists.
CONNECTED = [
    (0, 1), (0, 1), (1, 0), (0, 2), (2, 1), (1, 2), (2, 3),
    (3, 2), (0, 3), (3, 1), (2, 0), (3, 0),
]  # fmt: skip


def test_it_matches_choix_penalised_fit_on_a_known_tournament():
    theta = fit_strengths(win_matrix(5, TOURNAMENT))
    expected = choix.opt_pairwise(5, TOURNAMENT, alpha=PRIOR, tol=1e-12)
    np.testing.assert_allclose(theta, expected, atol=1e-6)
    np.testing.assert_allclose(win_chances(theta), win_chances(expected), atol=1e-6)


def test_it_matches_choix_mm_and_the_by_hand_scores_without_prior():
    theta = fit_strengths(win_matrix(4, CONNECTED), prior=0)
    expected = choix.mm_pairwise(4, CONNECTED, tol=1e-13, max_iter=100_000)
    np.testing.assert_allclose(theta, expected - expected.mean(), atol=1e-6)
    # The same MLE by Hunter's (2004) MM iteration, run to convergence once and written down:
    np.testing.assert_allclose(
        win_chances(theta),
        [0.5546256, 0.3261640, 0.5, 0.6192104],
        atol=1e-6,
    )


def test_two_items_give_the_share_of_wins_without_prior():
    # With two items the MLE is the observed share: 3 of 4 → 0.75.
    theta = fit_strengths(win_matrix(2, [(0, 1)] * 3 + [(1, 0)]), prior=0)
    np.testing.assert_allclose(win_chances(theta), [0.75, 0.25], atol=1e-9)


def test_an_item_that_won_everything_stays_finite_and_first():
    ranking = rank(win_matrix(5, TOURNAMENT), reps=200)
    assert np.all(np.isfinite(ranking.scores))
    assert ranking.order()[0] == 4
    assert 0.5 < ranking.scores[4] < 1
    assert ranking.comparisons.tolist() == [7, 7, 7, 4, 3]
    assert np.all(ranking.low <= ranking.scores + 1e-9)
    assert np.all(ranking.scores <= ranking.high + 1e-9)


def test_the_bootstrap_is_fixed_by_its_seed_and_narrows_with_more_data():
    wins = win_matrix(5, TOURNAMENT)
    a, b = rank(wins, reps=100, seed=3), rank(wins, reps=100, seed=3)
    np.testing.assert_array_equal(a.low, b.low)
    wide = a.high - a.low
    narrow = rank(wins * 10, reps=100, seed=3)
    assert np.all(narrow.high - narrow.low < wide)


def test_an_item_compared_with_itself_is_refused():
    with pytest.raises(ValueError):
        win_matrix(3, [(1, 1)])


outcomes = st.integers(min_value=2, max_value=6).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
                lambda p: p[0] != p[1]
            ),
            max_size=30,
        ),
    )
)


@settings(max_examples=60, deadline=None)
@given(outcomes)
def test_scores_are_chances_that_average_one_half(case):
    n, data = case
    scores = win_chances(fit_strengths(win_matrix(n, data)))
    assert np.all((scores > 0) & (scores < 1))
    assert scores.mean() == pytest.approx(0.5, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(outcomes, st.randoms(use_true_random=False))
def test_renaming_the_items_renames_the_scores(case, random):
    n, data = case
    perm = list(range(n))
    random.shuffle(perm)
    scores = win_chances(fit_strengths(win_matrix(n, data)))
    renamed = [(perm[w], perm[lo]) for w, lo in data]
    moved = win_chances(fit_strengths(win_matrix(n, renamed)))
    np.testing.assert_allclose(moved[perm], scores, atol=1e-7)


@settings(max_examples=60, deadline=None)
@given(outcomes, st.data())
def test_one_more_win_never_lowers_the_winners_score(case, data):
    n, found = case
    winner = data.draw(st.integers(0, n - 1))
    loser = data.draw(st.integers(0, n - 1).filter(lambda x: x != winner))
    before = win_chances(fit_strengths(win_matrix(n, found)))
    after = win_chances(fit_strengths(win_matrix(n, [*found, (winner, loser)])))
    assert after[winner] >= before[winner] - 1e-9
    assert after[loser] <= before[loser] + 1e-9


def test_a_new_item_is_shown_until_it_catches_up():
    shown = np.full((4, 4), 5.0)
    np.fill_diagonal(shown, 0)
    shown[3, :] = shown[:, 3] = 0  # item 3 just added
    rng = np.random.default_rng(0)
    for _ in range(20):
        pair = choose_pair(shown, [], rng)
        assert pair is not None and 3 in pair


def test_the_least_shown_pair_comes_first_in_both_orders():
    shown = np.array([[0, 2, 2], [2, 0, 1], [2, 1, 0]], dtype=float)
    seen = {choose_pair(shown, [], np.random.default_rng(s)) for s in range(30)}
    assert seen == {(1, 2), (2, 1)}


def test_it_never_repeats_a_pair_the_respondent_answered():
    shown = np.zeros((3, 3))
    answered = [(1, 0), (1, 2)]
    for s in range(20):
        pair = choose_pair(shown, answered, np.random.default_rng(s))
        assert pair is not None and set(pair) == {0, 2}
    assert (
        choose_pair(shown, [(0, 1), (0, 2), (2, 1)], np.random.default_rng(0)) is None
    )


@settings(max_examples=80, deadline=None)
@given(
    st.integers(2, 6).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(0, 9), min_size=n * n, max_size=n * n),
            st.sets(
                st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
                    lambda p: p[0] < p[1]
                )
            ),
            st.just(n),
        )
    ),
    st.integers(0, 1000),
)
def test_the_chosen_pair_is_new_to_the_respondent_and_least_shown(case, seed):
    flat, answered, n = case
    shown = np.array(flat, dtype=float).reshape(n, n)
    shown = shown + shown.T
    open_pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    open_pairs = [p for p in open_pairs if p not in answered]
    pair = choose_pair(shown, answered, np.random.default_rng(seed))
    if not open_pairs:
        assert pair is None
        return
    assert pair is not None
    low, high = min(pair), max(pair)
    assert (low, high) in open_pairs
    assert shown[low, high] == min(shown[i, j] for i, j in open_pairs)
