from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kerne.analysis import stats

THEMES = ["a", "b", "c", "d"]
answers = st.lists(st.sampled_from([*THEMES, None]), min_size=1, max_size=200)


def test_it_measures_a_concentrated_set():
    d = stats.diffusion(["a"] * 90 + ["b"] * 5 + ["c"] * 5, [True] * 100, themes=THEMES)
    assert d.n == 100
    assert d.n_themes == 4
    assert d.top3_share == pytest.approx(1.0)
    assert d.themes_for_80 == 1
    assert d.effective_themes == pytest.approx(1 / (0.81 + 0.0025 + 0.0025))
    assert d.verdict == stats.SHARED


def test_it_calls_an_even_spread_diffuse():
    d = stats.diffusion(THEMES * 25, [True] * 100, themes=THEMES)
    assert d.entropy == pytest.approx(1.0)
    assert d.effective_themes == pytest.approx(4.0)
    assert d.themes_for_80 == 4
    assert d.verdict == stats.DIFFUSE


def test_it_calls_concentrated_but_unclear_answers_diffuse():
    # Concentration alone would call word salad "shared" (research §3.5).
    d = stats.diffusion(["a"] * 90 + ["b"] * 10, [False] * 100, themes=THEMES)
    assert d.verdict == stats.DIFFUSE


def test_it_calls_a_few_leading_themes_mixed():
    # As if spread over 2.6 of 4 themes (66 %): neither shared (≤ 40 %) nor diffuse.
    d = stats.diffusion(
        ["a"] * 50 + ["b"] * 30 + ["c"] * 20, [True] * 100, themes=THEMES
    )
    assert d.effective_themes / d.n_themes == pytest.approx(1 / 0.38 / 4)
    assert d.verdict == stats.MIXED


def test_it_leaves_non_answers_out():
    d = stats.diffusion(["a", None, None], [True, False, False])
    assert d.n == 1
    assert d.clear_share == 1.0


def test_it_handles_no_answers():
    d = stats.diffusion([None, None], [False, False], themes=THEMES)
    assert d.n == 0
    assert d.verdict == stats.DIFFUSE


def test_it_rejects_unknown_themes():
    with pytest.raises(ValueError):
        stats.diffusion(["x"], [True], themes=THEMES)


@settings(max_examples=60, deadline=None)
@given(answers, st.randoms(use_true_random=False))
def test_diffusion_ignores_answer_order(assignments, rnd):
    clear = [i % 3 == 0 for i in range(len(assignments))]
    pairs = list(zip(assignments, clear, strict=True))
    rnd.shuffle(pairs)
    shuffled = stats.diffusion(
        [a for a, _ in pairs], [c for _, c in pairs], themes=THEMES, samples=200
    )
    assert shuffled == stats.diffusion(assignments, clear, themes=THEMES, samples=200)


@settings(max_examples=60, deadline=None)
@given(answers)
def test_diffusion_intervals_contain_the_estimate(assignments):
    clear = [i % 2 == 0 for i in range(len(assignments))]
    d = stats.diffusion(assignments, clear, themes=THEMES, samples=200)
    point = {
        "entropy": d.entropy,
        "effective_themes": d.effective_themes,
        "top3_share": d.top3_share,
        "themes_for_80": d.themes_for_80,
        "clear_share": d.clear_share,
    }
    for key, (lo, hi) in d.intervals.items():
        assert lo - 1e-9 <= point[key] <= hi + 1e-9
    assert 0 <= d.entropy <= 1 + 1e-9
    assert 1 - 1e-9 <= d.effective_themes <= len(THEMES) + 1e-9 or d.n == 0


@settings(max_examples=60, deadline=None)
@given(
    answers,
    st.lists(
        st.sampled_from(["borger", "medarbejder", "leder"]), min_size=200, max_size=200
    ),
)
def test_group_shares_sum_to_one_and_intervals_contain_them(assignments, groups):
    shares = stats.group_shares(
        assignments, groups[: len(assignments)], themes=THEMES, min_group_size=1
    )
    for g in shares:
        assert math.isclose(sum(g.shares.values()), 1.0)
        for t in THEMES:
            lo, hi = g.intervals[t]
            assert lo - 1e-12 <= g.shares[t] <= hi + 1e-12


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 50), st.integers(1, 50), st.integers(0, 50), st.integers(1, 50))
def test_newcombe_contains_the_difference(x_a, n_a, x_b, n_b):
    x_a, x_b = min(x_a, n_a), min(x_b, n_b)
    lo, hi = stats.newcombe(x_a, n_a, x_b, n_b)
    assert lo - 1e-12 <= x_a / n_a - x_b / n_b <= hi + 1e-12
    assert 0 <= stats.two_proportion_p(x_a, n_a, x_b, n_b) <= 1


@given(st.lists(st.floats(0, 1), min_size=1, max_size=20))
def test_holm_is_monotone_and_never_below_raw(p_values):
    adjusted = stats.holm(p_values)
    assert all(a >= p - 1e-15 for a, p in zip(adjusted, p_values, strict=True))
    order = np.argsort(p_values, kind="stable")
    assert all(
        adjusted[i] <= adjusted[j] + 1e-15
        for i, j in zip(order, order[1:], strict=False)
    )


def test_holm_matches_the_textbook_example():
    assert stats.holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])


def test_wilson_matches_the_known_interval():
    lo, hi = stats.wilson(10, 100)
    assert (round(lo, 4), round(hi, 4)) == (0.0552, 0.1744)


def _two_sides(n_staff=200, n_citizen=300, staff_a=0.5, citizen_a=0.2):
    rnd = random.Random(1)
    assignments, groups = [], []
    for group, n, p in (
        ("medarbejder", n_staff, staff_a),
        ("borger", n_citizen, citizen_a),
    ):
        for _ in range(n):
            assignments.append("a" if rnd.random() < p else rnd.choice(["b", "c"]))
            groups.append(group)
    return assignments, groups


def test_it_finds_a_planted_difference_and_not_a_missing_one():
    assignments, groups = _two_sides()
    comparison = stats.compare_sides(
        assignments,
        groups,
        ["medarbejder", "leder"],
        ["borger"],
        themes=["a", "b", "c"],
    )
    by_theme = {d.theme: d for d in comparison.differences}
    assert by_theme["a"].significant
    assert by_theme["a"].interval[0] < 0.3 < by_theme["a"].interval[1]
    assert sum(d.difference for d in comparison.differences) == pytest.approx(0.0)
    assert comparison.omnibus is not None
    assert 0 < comparison.omnibus.cramers_v <= 1
    assert comparison.omnibus.dof == 2


def test_small_groups_are_never_reported_or_folded_in():
    assignments, groups = _two_sides()
    assignments += ["a", "a", "a"]
    groups += ["leder", "leder", "leder"]
    comparison = stats.compare_sides(
        assignments,
        groups,
        ["medarbejder", "leder"],
        ["borger"],
        themes=["a", "b", "c"],
        min_group_size=5,
    )
    assert comparison.groups_a == ["medarbejder"]
    assert comparison.suppressed == ["leder"]
    assert comparison.n_a == 200
    shares = stats.group_shares(
        assignments, groups, themes=["a", "b", "c"], min_group_size=5
    )
    assert [s.group for s in shares] == ["borger", "medarbejder"]


def test_a_side_below_the_threshold_gets_no_differences():
    comparison = stats.compare_sides(
        ["a"] * 3 + ["b"] * 10,
        ["leder"] * 3 + ["borger"] * 10,
        ["leder"],
        ["borger"],
        themes=["a", "b"],
    )
    assert comparison.differences == []
    assert comparison.omnibus is None


def test_a_group_cannot_be_on_both_sides():
    with pytest.raises(ValueError):
        stats.compare_sides(["a"], ["borger"], ["borger"], ["borger"], themes=["a"])


def test_group_omnibus_covers_all_reportable_groups():
    assignments, groups = _two_sides()
    result = stats.group_omnibus(assignments, groups, themes=["a", "b", "c"])
    assert result is not None
    assert result.p_value < 0.001
