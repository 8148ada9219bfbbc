"""The sentences the qualification page opens with, over the shapes a round can take."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from kerne.coretasks import stats, summaries
from kerne.coretasks.qualification import DimensionResult, Suggestion, UnitRatings


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


# The sentences read a group's ratings, never its unit.
NO_UNIT: Any = None


def est(mean, n):
    return stats.Estimate(n, mean, mean - 0.3, mean + 0.3)


def dimension(label, inside=None, outside=None, *, clear=4.0, gap=None, suggestions=0):
    units = []
    if inside:
        units.append(
            UnitRatings(NO_UNIT, "inside", est(*inside), est(clear, inside[1]))
        )
    if outside:
        units.append(
            UnitRatings(NO_UNIT, "outside", est(*outside), est(clear, outside[1]))
        )
    d = DimensionResult(label, label, units=units)
    d.inside["recognise"] = est(*inside) if inside else None
    d.outside["recognise"] = est(*outside) if outside else None
    if gap is not None and inside and outside:
        low, high = gap
        d.gaps["recognise"] = stats.Gap(
            est(*inside), est(*outside), inside[0] - outside[0], low, high
        )
    d.suggestions = [
        Suggestion(f"forslag {i}", "Medarbejder") for i in range(suggestions)
    ]
    return d


def test_a_large_gap_names_the_dimension_and_both_scores():
    dims = [
        dimension("Værdien", (4.6, 20), (2.8, 18), gap=(1.2, 2.4), suggestions=3),
        dimension("Målgruppen", (4.0, 20), (3.8, 18), gap=(-0.4, 0.8), clear=2.5),
    ]
    assert summaries.qualification_summary(dims) == [
        "The draft is recognised most in “Målgruppen” (3.9 on the scale from 1 to 5) "
        "and least in “Værdien” (3.7).",
        "Those inside and outside the workplace see “Værdien” most differently: 4.6 against 2.8.",
        "“Målgruppen” is found least clearly worded (2.5).",
        "There are 3 suggested changes, listed under their dimensions.",
    ]
    assert summaries.dimension_summary(dims[0])[1] == "That is a large gap."
    assert summaries.dimension_summary(dims[1]) == [
        "Those inside the workplace recognise it at 4.0, those outside at 3.8 "
        "(1 = not at all, 5 = to a very high degree).",
        "The two sides see it much alike.",
        "Many find the wording unclear (2.5).",
    ]


def test_no_gap_with_enough_ratings_says_alike():
    dims = [dimension("Værdien", (4.0, 20), (4.1, 16), gap=(-0.6, 0.4))]
    summary = summaries.qualification_summary(dims)
    assert summary == [
        "The draft is recognised at 4.0 on the scale from 1 to 5 in every dimension rated.",
        "Those inside and outside the workplace recognise the draft much alike.",
    ]


def test_too_few_to_compare_says_how_many_are_needed():
    few = dimension("Værdien", (4.0, 6), (3.0, 5), gap=(-0.2, 2.2))
    assert summaries.dimension_summary(few)[1] == (
        "With 6 ratings inside and 5 outside, only very large gaps can be seen: "
        f"a reliable comparison takes at least {summaries.MIN_RATINGS_PER_SIDE} from each side."
    )
    one_side = dimension("Værdien", (4.0, 7))
    assert summaries.dimension_summary(one_side) == [
        "It is recognised at 4.0 on average (1 = not at all, 5 = to a very high degree).",
        "Inside and outside cannot be compared yet: a reliable comparison takes at least "
        f"{summaries.MIN_RATINGS_PER_SIDE} ratings from each side.",
    ]


def test_the_minimum_is_where_a_large_gap_can_be_told_from_chance():
    import math

    from scipy import stats as sps

    def half_width(n):
        return float(sps.t.ppf(0.975, 2 * n - 2)) * math.sqrt(2 / n)

    n = summaries.MIN_RATINGS_PER_SIDE
    assert half_width(n) <= stats.LARGE_GAP_POINTS < half_width(n - 1)


def test_nothing_shown_gives_no_sentence():
    assert summaries.qualification_summary([dimension("Værdien")]) == []
    assert summaries.dimension_summary(dimension("Værdien")) == []


def test_scores_round_as_the_table_does():
    # 3.25 is 3.3 in the table (floatformat rounds half up), so in the sentence too.
    d = dimension("Værdien", (3.25, 20), (3.25, 20), gap=(-0.5, 0.5))
    assert "3.3" in summaries.dimension_summary(d)[0]
    with translation.override("da"):
        assert "3,3" in summaries.dimension_summary(d)[0]
