"""The sentences the opinion map opens with, over the shapes a map can take."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from kerne.statements import summaries
from kerne.statements.mapping import MapView
from kerne.statements.models import OpinionMap


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def statement(text, agree, n=10, disagree=0):
    return {"text": text, "agree": agree, "disagree": disagree, "n": n}


def side(agree, n=10):
    return {"agree": agree, "low": 0, "high": 100, "n": n}


def view(**overrides):
    base: dict[str, Any] = {
        "map": OpinionMap(),
        "counts": {"voters": 0, "votes": 0, "in_map": 0},
        "updating": False,
        "width": 400,
        "height": 300,
        "points": [],
        "letters": "ABCDE",
        "stability": None,
        "all_statements": [],
        "ready": True,
        "stale": False,
        "data": {"threshold": 5},
        "groups": [{"letter": "A"}, {"letter": "B"}],
        "consensus_agree": [statement("Borgeren skal kunne blive boende hjemme", 92)],
        "consensus_disagree": [],
        "divisive": [
            {
                "text": "Vi skal altid nå alle besøg",
                "high_letter": "A",
                "high_percent": 90,
                "low_letter": "B",
                "low_percent": 10,
            }
        ],
        "sides": {
            "shown": True,
            "statements": [
                {"text": "Tid til en snak", "inside": side(30), "outside": side(85)},
                {"text": "Faste hjælpere", "inside": side(60), "outside": side(65)},
            ],
        },
    }
    base.update(overrides)
    return MapView(**base)


def test_groups_consensus_division_and_sides():
    assert summaries.map_summary(view()) == [
        "The votes form 2 opinion groups that see things differently.",
        "Nearly everyone agrees with “Borgeren skal kunne blive boende hjemme” (92 % agree).",
        "The groups part most on “Vi skal altid nå alle besøg”: 90 % of group A agree, 10 % of group B.",
        "Staff and citizens part most on “Tid til en snak”: 30 % agree inside the workplace, 85 % outside.",
    ]


def test_one_group_and_no_gap_between_the_sides():
    sentences = summaries.map_summary(
        view(
            groups=[{"letter": "A"}],
            divisive=[],
            sides={
                "shown": True,
                "statements": [
                    {"text": "Faste hjælpere", "inside": side(60), "outside": side(65)}
                ],
            },
        )
    )
    assert (
        sentences[0] == "The votes form one opinion group: people largely vote alike."
    )
    assert sentences[-1] == (
        "Staff and citizens agree about as much on every statement with enough votes from both."
    )


def test_a_statement_with_fewer_votes_than_the_threshold_is_never_quoted():
    sentences = summaries.map_summary(
        view(consensus_agree=[statement("Kun tre stemte", 100, n=3)], divisive=[])
    )
    assert not any("Kun tre stemte" in s for s in sentences)
    assert "No statement has nearly everyone behind it yet." in sentences


def test_too_few_stale_or_empty_give_no_sentences():
    assert summaries.map_summary(view(ready=False)) == []
    assert summaries.map_summary(view(stale=True)) == []
    assert summaries.map_summary(
        view(groups=[], consensus_agree=[], divisive=[], sides={"shown": False})
    ) == [
        "No opinion group is large enough to show yet.",
        "No statement has nearly everyone behind it yet.",
    ]


def test_long_statements_are_cut():
    long = "ord " * 60
    sentences = summaries.map_summary(view(consensus_agree=[statement(long, 95)]))
    assert len(sentences[1]) < 140
