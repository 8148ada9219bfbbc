from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from kerne.lib.anonymity import batched, plan_reporting, shuffle_key

counts_strategy = st.dictionaries(
    st.sampled_from("ABCDEFG"), st.integers(0, 30), min_size=1
)


def test_it_shows_groups_at_or_above_the_threshold():
    plan = plan_reporting({"A": 10, "B": 5}, 5)
    assert plan.visible == {"A": 10, "B": 5}
    assert plan.total == 15


def test_it_never_merges_a_group_that_reaches_the_threshold():
    # The old rule pooled B with C so that C could not be read off the pool; the
    # pool minus the total of the rest then was B's figure again. C is hidden now.
    plan = plan_reporting({"A": 10, "B": 8, "C": 2}, 5)
    assert plan.visible == {"A": 10, "B": 8}
    assert plan.pooled == frozenset()
    assert plan.hidden == {"C"}
    assert plan.total == 18


def test_it_pools_two_small_groups_that_reach_the_threshold_together():
    plan = plan_reporting({"A": 10, "B": 3, "C": 3}, 5)
    assert plan.visible == {"A": 10}
    assert plan.pooled == {"B", "C"}
    assert plan.pooled_count == 6
    assert plan.total == 16


def test_it_hides_small_groups_that_stay_below_the_threshold_together():
    plan = plan_reporting({"A": 6, "B": 2, "C": 1, "D": 1}, 5)
    assert plan.visible == {"A": 6}
    assert plan.pooled_count is None
    assert plan.hidden == {"B", "C", "D"}
    assert plan.total == 6


def test_it_shows_nothing_when_all_together_are_too_few():
    plan = plan_reporting({"A": 2, "B": 1}, 5)
    assert plan.visible == {}
    assert plan.total == 0
    assert plan.pooled_count is None


def test_without_pooling_small_groups_are_hidden():
    plan = plan_reporting({"A": 10, "B": 3, "C": 3}, 5, pool=False)
    assert plan.visible == {"A": 10}
    assert plan.hidden == {"B", "C"}
    assert plan.total == 10


def test_zero_groups_are_neither_shown_nor_pooled():
    plan = plan_reporting({"A": 7, "B": 0, "C": 4}, 5)
    assert plan.visible == {"A": 7}
    assert plan.pooled == frozenset()
    assert plan.hidden == {"C"}
    assert plan.total == 7


def test_the_shuffle_key_is_fixed_but_unrelated_across_scopes():
    ids = list(range(1, 41))
    first = sorted(ids, key=lambda i: shuffle_key("s", "q1", i))
    assert first == sorted(ids, key=lambda i: shuffle_key("s", "q1", i))
    assert first != ids
    assert first != sorted(ids, key=lambda i: shuffle_key("s", "q2", i))
    assert first != sorted(ids, key=lambda i: shuffle_key("other secret", "q1", i))


@given(counts_strategy, st.integers(3, 10), st.booleans())
def test_no_shown_figure_is_below_the_threshold(counts, threshold, pool):
    plan = plan_reporting(counts, threshold, pool=pool)
    assert all(n >= threshold for n in plan.visible.values())
    # Every group that reaches the threshold is shown on its own.
    assert set(plan.visible) == {k for k, n in counts.items() if n >= threshold}
    if plan.pooled_count is not None:
        assert plan.pooled_count >= threshold
        # Only groups below the threshold, at least two of them with respondents.
        assert all(0 < counts[key] < threshold for key in plan.pooled)
        assert len(plan.pooled) >= 2
    assert plan.hidden.isdisjoint(plan.pooled) and plan.hidden.isdisjoint(plan.visible)


@given(counts_strategy, st.integers(3, 10), st.booleans())
def test_no_small_group_can_be_derived_by_subtraction(counts, threshold, pool):
    """Every published figure is a sum over a set of groups; no ± combination isolates a small group."""
    plan = plan_reporting(counts, threshold, pool=pool)
    published: list[frozenset[str]] = [frozenset([key]) for key in plan.visible]
    if plan.pooled_count is not None:
        published.append(frozenset(plan.pooled))
    published.append(frozenset(plan.shown_groups()))  # the total
    for signs in itertools.product((-1, 0, 1), repeat=len(published)):
        weights: dict[str, int] = {}
        for sign, groups in zip(signs, published, strict=True):
            for key in groups:
                weights[key] = weights.get(key, 0) + sign
        # Any combination touching a small group weighs the whole pool alike,
        # and a hidden group is in no published figure at all.
        for key in plan.hidden:
            assert key not in weights
        pooled_weights = {weights[key] for key in plan.pooled}
        assert len(pooled_weights) <= 1


@given(counts_strategy, st.integers(3, 10))
def test_the_total_is_what_is_shown(counts, threshold):
    plan = plan_reporting(counts, threshold)
    hidden = sum(counts[key] for key in plan.hidden)
    assert plan.total == sum(counts.values()) - hidden
    # What is hidden is below the threshold even all together: else it is a pool.
    assert hidden < threshold


def test_batched_shows_whole_batches_of_k_and_nothing_below():
    assert [batched(n, 5) for n in (0, 1, 4, 5, 6, 9, 10, 11)] == [
        None,
        None,
        None,
        5,
        5,
        5,
        10,
        10,
    ]
