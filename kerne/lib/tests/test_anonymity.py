from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from kerne.lib.anonymity import plan_reporting

counts_strategy = st.dictionaries(
    st.sampled_from("ABCDEFG"), st.integers(0, 30), min_size=1
)


def test_it_shows_groups_at_or_above_the_threshold():
    plan = plan_reporting({"A": 10, "B": 5}, 5)
    assert plan.visible == {"A": 10, "B": 5}
    assert plan.total == 15


def test_it_never_shows_a_small_group_alone():
    plan = plan_reporting({"A": 10, "B": 8, "C": 2}, 5)
    assert "C" not in plan.visible
    # C alone in the pool would be total minus A minus B, so B joins it.
    assert plan.pooled == {"B", "C"}
    assert plan.pooled_count == 10
    assert plan.visible == {"A": 10}


def test_it_pools_two_small_groups_that_reach_the_threshold_together():
    plan = plan_reporting({"A": 10, "B": 3, "C": 3}, 5)
    assert plan.visible == {"A": 10}
    assert plan.pooled == {"B", "C"}
    assert plan.pooled_count == 6


def test_it_hides_everything_when_all_together_are_too_few():
    plan = plan_reporting({"A": 2, "B": 1}, 5)
    assert plan.visible == {}
    assert plan.total is None
    assert plan.pooled_count is None


def test_it_hides_a_lone_group_below_the_threshold():
    plan = plan_reporting({"A": 4, "B": 0}, 5)
    assert plan.visible == {}
    assert plan.total is None


def test_zero_groups_are_neither_shown_nor_pooled():
    plan = plan_reporting({"A": 7, "B": 0}, 5)
    assert plan.visible == {"A": 7}
    assert plan.pooled == frozenset()
    assert plan.total == 7


@given(counts_strategy, st.integers(3, 10))
def test_no_shown_figure_is_below_the_threshold(counts, threshold):
    plan = plan_reporting(counts, threshold)
    assert all(n >= threshold for n in plan.visible.values())
    if plan.pooled_count is not None:
        assert plan.pooled_count >= threshold
        # At least two groups with respondents share the pool, so none can be read off it.
        assert sum(1 for key in plan.pooled if counts[key] > 0) >= 2


@given(counts_strategy, st.integers(3, 10))
def test_no_small_group_can_be_derived_by_subtraction(counts, threshold):
    """Every published figure is a sum over a set of groups; no difference of two isolates a small group."""
    plan = plan_reporting(counts, threshold)
    published: list[frozenset[str]] = [frozenset([key]) for key in plan.visible]
    if plan.pooled_count is not None:
        published.append(frozenset(plan.pooled))
    if plan.total is not None:
        published.append(frozenset(plan.visible) | frozenset(plan.pooled))
    # Any sum of published figures with +/-1 signs covers a union/difference of group sets;
    # a derivable small group would be a set of exactly one group with 0 < n < threshold.
    for signs in itertools.product((-1, 0, 1), repeat=len(published)):
        weights: dict[str, int] = {}
        for sign, groups in zip(signs, published, strict=True):
            for key in groups:
                weights[key] = weights.get(key, 0) + sign
        isolated = [key for key, w in weights.items() if w != 0]
        if len(isolated) == 1 and all(w in (0, 1) for w in weights.values()):
            key = isolated[0]
            assert counts[key] == 0 or counts[key] >= threshold, (
                counts,
                threshold,
                key,
            )


@given(counts_strategy, st.integers(3, 10))
def test_published_totals_add_up(counts, threshold):
    plan = plan_reporting(counts, threshold)
    if plan.total is not None:
        assert plan.total == sum(counts.values())
