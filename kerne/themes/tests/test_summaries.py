"""The sentences a theme page opens with, over the shapes a round can take."""

from __future__ import annotations

import pytest
from django.utils import translation

from kerne.analysis import stats
from kerne.themes import summaries
from kerne.themes.display import (
    ApproachUnit,
    ComparisonRow,
    ComparisonView,
    DiffusionView,
    NamesUnit,
    Share,
    ThemeView,
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def theme(label, pct, *, bucket=False, size=None):
    return ThemeView(
        id=label,
        label=label,
        description="",
        size=pct if size is None else size,
        pct=pct,
        bar=pct,
        bucket=bucket,
        terms=[],
    )


def diffusion(n, verdict=stats.MIXED):
    return DiffusionView(
        verdict=verdict, verdict_meaning="", n=n, n_themes=4, measures=[]
    )


def row(label, a, b, *, significant):
    return ComparisonRow(
        label=label,
        pct_a=a,
        pct_b=b,
        bar_a=a,
        bar_b=b,
        interval_a=(0, 100),
        interval_b=(0, 100),
        difference=a - b,
        interval=(-100, 100),
        p_value=0.01 if significant else 0.6,
        significant=significant,
    )


def comparison(rows, n_a=30, n_b=30):
    return ComparisonView("Inside", "Outside", n_a, n_b, rows, None, rule="")


def test_a_dominant_theme_is_named_with_its_share():
    sentences = summaries.theme_summary(
        [
            theme("Tryghed", 62),
            theme("Pleje", 30),
            theme("Andet / uklart", 8, bucket=True),
        ],
        diffusion(40, stats.SHARED),
    )
    assert sentences[0] == "One theme dominates: “Tryghed” holds 62 % of the answers."
    assert sentences[1] == "Most people say much the same: the picture is shared."
    assert len(sentences) == 2  # 8 % unclear is not worth a sentence


def test_an_even_spread_names_the_three_biggest_in_order_and_says_it_is_not_shared():
    sentences = summaries.theme_summary(
        [
            theme("Pleje", 20),
            theme("Tryghed", 22),
            theme("Selskab", 18),
            theme("Mad", 15),
            theme("Andet / uklart", 25, bucket=True),
        ],
        diffusion(60, stats.DIFFUSE),
    )
    assert sentences == [
        "The biggest themes are “Tryghed” (22 %), “Pleje” (20 %) and “Selskab” (18 %).",
        "The answers spread over many themes: there is no shared picture yet.",
        "25 % of the answers fit no theme clearly and are gathered in “Andet / uklart”.",
    ]


def test_two_themes_carrying_most_are_named_together():
    sentences = summaries.theme_summary(
        [theme("Pleje", 35), theme("Tryghed", 40), theme("Mad", 25)],
        diffusion(30),
    )
    assert sentences[0] == (
        "Two themes carry most of the answers: “Tryghed” (40 %) and “Pleje” (35 %)."
    )
    assert "partly shared" in sentences[1]


def test_seven_answers_are_too_few_for_a_verdict_and_say_how_many_are_needed():
    small = diffusion(7, stats.DIFFUSE)
    sentences = summaries.theme_summary(
        [theme("Tryghed", 57), theme("Pleje", 43)], small
    )
    assert sentences[1] == (
        "With only 7 answers it is too early to say whether the picture is shared: "
        f"that takes at least {summaries.MIN_ANSWERS_FOR_VERDICT} answers."
    )
    assert "spread" not in " ".join(sentences)
    assert summaries.too_few_for_verdict(small) == sentences[1]
    assert summaries.too_few_for_verdict(diffusion(25)) == ""


def test_no_theme_yet_says_so():
    assert summaries.theme_summary(
        [theme("Andet / uklart", 100, bucket=True)], None
    ) == ["None of the answers could be placed in a theme yet."]


def test_a_big_gap_says_who_speaks_more_of_what_and_by_how_many_points():
    sentences = summaries.gap_summary(
        comparison(
            [
                row("Tryghed", 50, 12, significant=True),
                row("Selskab", 5, 40, significant=True),
                row("Pleje", 20, 18, significant=False),
            ]
        )
    )
    assert sentences == [
        "Those inside the workplace speak more of “Tryghed” than those outside: "
        "50 % against 12 % of the answers, 38 percentage points apart.",
        "Those outside the workplace speak more of “Selskab” than those inside: "
        "40 % against 5 % of the answers, 35 percentage points apart.",
    ]


def test_no_gap_names_the_largest_difference():
    sentences = summaries.gap_summary(
        comparison(
            [
                row("Tryghed", 30, 26, significant=False),
                row("Pleje", 20, 28, significant=False),
            ]
        )
    )
    assert sentences == [
        "No theme differs clearly between those inside and outside the workplace; "
        "the largest difference is 8 percentage points, in “Pleje”."
    ]


def test_no_gap_with_few_answers_says_what_could_show_and_what_is_needed():
    sentences = summaries.gap_summary(
        comparison([row("Tryghed", 50, 20, significant=False)], n_a=6, n_b=5)
    )
    assert len(sentences) == 2
    assert sentences[1] == (
        "With 6 answers inside and 5 outside, only differences of about 59 percentage "
        "points or more can show up as clear; a firmer answer takes at least "
        f"{summaries.MIN_ANSWERS_PER_SIDE} answers on each side."
    )


def test_the_minimum_per_side_is_where_30_points_can_show():
    n = summaries.MIN_ANSWERS_PER_SIDE
    assert summaries.smallest_clear_difference(n, n) <= 31
    assert summaries.smallest_clear_difference(n - 5, n - 5) > 31


def test_no_comparison_gives_no_gap_sentence():
    assert summaries.gap_summary(None) == []


def approach(label, n, f, w, *, everyone=False, verbs=()):
    return ApproachUnit(
        label=label,
        n=n,
        orientation=[],
        verbs=[Share(v, p, p) for v, p in verbs],
        for_pct=f,
        with_pct=w,
        everyone=everyone,
    )


def test_approach_says_for_or_with_them_and_how_groups_differ():
    sentences = summaries.approach_summary(
        [
            approach(
                "Everyone shown",
                30,
                55,
                20,
                everyone=True,
                verbs=[("hjælpe", 40), ("sikre", 25)],
            ),
            approach("Medarbejder", 18, 70, 5),
            approach("Borger", 12, 35, 40),
        ]
    )
    assert sentences == [
        "The work is described more often as done for them (55 % of the answers) than with them (20 %).",
        "The verbs used most are “hjælpe” (40 %) and “sikre” (25 %).",
        "The groups differ: in Borger 40 % describe the work as done with them, in Medarbejder 5 %.",
    ]


def test_approach_even_and_too_few():
    even = summaries.approach_summary(
        [approach("Everyone shown", 20, 30, 28, everyone=True)]
    )
    assert even == [
        "The work is described about as often as done for them (30 %) as with them (28 %)."
    ]
    assert summaries.approach_summary(
        [approach("Everyone shown", 6, 50, 0, everyone=True)]
    ) == [
        "Only 6 answers can be shown, too few to say what is usual: that takes at least 10."
    ]
    assert summaries.approach_summary([]) == []


def names(label, n, them, *, everyone=False, us=(), without=0):
    return NamesUnit(
        label=label,
        n=n,
        them=[Share(w, p, p) for w, p in them],
        us=[Share(w, p, p) for w, p in us],
        without_pct=without,
        everyone=everyone,
    )


def test_names_say_what_they_are_called_and_by_whom():
    sentences = summaries.names_summary(
        [
            names(
                "Everyone shown",
                30,
                [("borger", 60), ("bruger", 20)],
                everyone=True,
                us=[("vi", 30)],
                without=25,
            ),
            names("Medarbejder", 18, [("borger", 80)]),
            names("Borger", 12, [("bruger", 45), ("borger", 30)]),
        ]
    )
    assert sentences == [
        "The people served are most often called “borger” (60 % of the answers), then “bruger” (20 %).",
        "Medarbejder mostly say “borger” and Borger mostly say “bruger”.",
        "Of themselves, the answers most often say “vi” (30 %).",
        "25 % of the answers use no name for them at all.",
    ]


def test_names_shared_word_and_no_word():
    same = summaries.names_summary(
        [
            names("Everyone shown", 24, [("borger", 70)], everyone=True),
            names("Medarbejder", 12, [("borger", 75)]),
            names("Borger", 12, [("borger", 65)]),
        ]
    )
    assert same[1] == "Every group shown uses “borger” most."
    none = summaries.names_summary([names("Everyone shown", 12, [], everyone=True)])
    assert none == ["The answers use no common name for the people served."]


def test_a_group_below_the_minimum_is_not_compared():
    sentences = summaries.names_summary(
        [
            names("Everyone shown", 20, [("borger", 60)], everyone=True),
            names("Medarbejder", 14, [("borger", 70)]),
            names("Borger", 6, [("bruger", 50)]),
        ]
    )
    assert not any("Borger" in s for s in sentences)


def test_the_page_summary_has_two_to_five_sentences():
    sentences = summaries.page_summary(
        [
            theme("Tryghed", 62),
            theme("Pleje", 30),
            theme("Andet / uklart", 25, bucket=True),
        ],
        diffusion(40),
        comparison([row("Tryghed", 50, 12, significant=True)]),
        [approach("Everyone shown", 30, 55, 20, everyone=True)],
        [names("Everyone shown", 30, [("borger", 60)], everyone=True)],
    )
    assert 2 <= len(sentences) <= 5
    assert sentences[0].startswith("One theme dominates")
    assert sentences[3].startswith("Those inside the workplace speak more")


def test_the_sentences_are_danish_in_danish():
    with translation.override("da"):
        sentences = summaries.theme_summary(
            [theme("Tryghed", 62), theme("Pleje", 30)], diffusion(7)
        )
    assert sentences[0] == "Ét tema fylder mest: „Tryghed“ rummer 62 % af svarene."
    assert sentences[1].startswith("Med kun 7 svar er det for tidligt")


def test_the_gap_never_names_andet_uklart_and_says_when_the_sides_answer_alike():
    rows = [
        row("Andet / uklart", 40, 10, significant=True),
        row("Tryghed", 30, 30, significant=False),
    ]
    unclear = [theme("Andet / uklart", 25, bucket=True), theme("Tryghed", 30)]
    assert summaries.gap_summary(comparison(rows), unclear) == [
        "Those inside and outside the workplace spread their answers over the themes alike."
    ]
    assert summaries.gap_summary(comparison(rows[:1]), unclear) == []


def test_without_diffusion_figures_it_still_says_it_is_too_early():
    sentences = summaries.theme_summary(
        [theme("Tryghed", 60, size=3), theme("Pleje", 40, size=2)], None
    )
    assert sentences[1].startswith("With only 5 answers it is too early")
