"""The stored result of one question: rerun stability and the order of its themes.

The rerun tests use one workplace's V answers of the development set
(`tests/data/danish-dev/`), answers nobody on the team wrote.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kerne.analysis.themes import NO_ANSWER_ID, OTHER_ID
from kerne.themes import results

DEV = (
    Path(__file__).resolve().parents[3]
    / "tests"
    / "data"
    / "danish-dev"
    / "dev_da.jsonl"
)
INSIDE = ("medarbejder", "leder")


def dev_answers(workplace: str, question: str = "V") -> list[dict[str, str]]:
    with DEV.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [
        r for r in rows if r["workplace"] == workplace and r["question"] == question
    ]


def run(
    answers: dict[int, dict[str, str]], previous: results.QuestionResult | None = None
) -> results.QuestionResult:
    groups = sorted({a["group"] for a in answers.values()})
    return results.analyse_question(
        results.plan_question(
            [
                results.AnswerRow(i, a["text"], groups.index(a["group"]))
                for i, a in answers.items()
            ],
            question="Hvad ville borgerne mangle, hvis vores arbejdsplads forsvandt i morgen?",
            dimension="vaerdi",
            report_units=[results.ReportUnitRow(g, (i,)) for i, g in enumerate(groups)],
            sides={
                i: results.INSIDE if g in INSIDE else results.OUTSIDE
                for i, g in enumerate(groups)
            },
            threshold=5,
            previous=(
                results.Previous(previous.themes, previous.assignments)
                if previous
                else None
            ),
        )
    )


def theme_of(result: results.QuestionResult) -> dict[str, str]:
    return {a: p["theme"] for a, p in result.assignments.items()}


def other_size(result: results.QuestionResult) -> int:
    return sum(1 for p in result.assignments.values() if p["theme"] == OTHER_ID)


class TestRerun:
    @pytest.mark.parametrize("workplace", ["dagtilbud", "botilbud"])
    def test_one_more_answer_keeps_the_themes(self, workplace):
        answers = dict(enumerate(dev_answers(workplace)))
        last = max(answers)
        first = run({i: a for i, a in answers.items() if i != last})
        second = run(answers, first)
        before, after = theme_of(first), theme_of(second)
        kept = sum(after[a] == t for a, t in before.items()) / len(before)
        assert kept >= 0.9
        assert abs(other_size(second) - other_size(first)) <= 3
        assert {t["label"] for t in second.themes} == {t["label"] for t in first.themes}

    def test_the_new_answer_joins_a_theme_of_its_fresh_neighbours(self):
        answers = dict(enumerate(dev_answers("bibliotek")))
        # The first content answer, so it has a theme of its own to join.
        new = next(i for i, a in answers.items() if a["theme"] != "intet_svar")
        first = run({i: a for i, a in answers.items() if i != new})
        second = run(answers, first)
        assert theme_of(second)[str(new)] in {t["id"] for t in first.themes}
        assert sum(t["size"] for t in second.themes) == len(answers)

    def test_many_new_answers_give_fresh_themes(self):
        answers = dict(enumerate(dev_answers("dagtilbud")))
        half = {i: a for i, a in answers.items() if i % 2}
        first = run(half)
        second = run(answers, first)
        fresh = run(answers)
        assert theme_of(second) == theme_of(fresh)


class TestOrder:
    def theme(self, id_: str, *, bucket: bool = False) -> results.ThemeData:
        return results.ThemeData(
            id=id_,
            label=id_,
            description="",
            size=0,
            examples=[],
            terms=[],
            bucket=bucket,
        )

    def test_themes_are_listed_by_size_with_the_buckets_last(self):
        themes = [
            self.theme(NO_ANSWER_ID, bucket=True),
            self.theme("small"),
            self.theme(OTHER_ID, bucket=True),
            self.theme("big"),
        ]
        placements = {"1": "small", "2": "big", "3": "big", "4": OTHER_ID}
        placements |= {"5": OTHER_ID, "6": OTHER_ID, "7": NO_ANSWER_ID}
        assignments = {
            a: results.Placement(theme=t, strength=0.5, clear=True, unit="u")
            for a, t in placements.items()
        }
        results.refresh(themes, assignments)
        assert [t["id"] for t in themes] == ["big", "small", OTHER_ID, NO_ANSWER_ID]
        assert [t["size"] for t in themes] == [2, 1, 3, 1]


class TestKeepPrevious:
    def placements(self, themes: dict[str, str]) -> dict[str, results.Placement]:
        return {
            a: results.Placement(theme=t, strength=0.5, clear=True, unit="u")
            for a, t in themes.items()
        }

    def theme(self, id_: str, *, bucket: bool = False) -> results.ThemeData:
        return results.ThemeData(
            id=id_,
            label=id_,
            description="",
            size=0,
            examples=[],
            terms=[],
            bucket=bucket,
        )

    def test_a_theme_whose_answers_are_gone_is_dropped(self):
        before = self.placements({str(i): "a" for i in range(19)} | {"19": "b"})
        previous = results.Previous(
            [self.theme("a"), self.theme("b"), self.theme(OTHER_ID, bucket=True)],
            before,
        )
        fresh = self.placements({str(i): "f" for i in range(19)})
        themes, kept = results.keep_previous(
            previous, [self.theme("f"), self.theme(OTHER_ID, bucket=True)], fresh
        )
        assert [t["id"] for t in themes] == ["a", OTHER_ID]
        assert {p["theme"] for p in kept.values()} == {"a"}
        assert themes[0]["size"] == 19

    def test_a_new_answer_goes_where_its_fresh_neighbours_were(self):
        before = self.placements({str(i): "a" if i < 10 else "b" for i in range(20)})
        previous = results.Previous([self.theme("a"), self.theme("b")], before)
        fresh = self.placements(
            {str(i): "f" if i < 10 else "g" for i in range(20)} | {"20": "g"}
        )
        _themes, kept = results.keep_previous(
            previous, [self.theme("f"), self.theme("g")], fresh
        )
        assert kept["20"]["theme"] == "b"
