from __future__ import annotations

from kerne.themes.results import AnswerRow, ThemeData, given_themes


def theme(id_: str, examples: list[int], *, bucket: bool = False) -> ThemeData:
    return ThemeData(
        id=id_,
        label=id_.title(),
        description="",
        size=0,
        examples=examples,
        terms=[],
        bucket=bucket,
    )


def test_it_adds_the_moved_answers_to_the_examples():
    rows = [AnswerRow(i, f"svar {i}", 1) for i in range(1, 6)]
    given = [theme("pleje", [1]), theme("mad", [2]), theme("andet", [], bucket=True)]
    themes = given_themes(rows, given, {4: "pleje", 3: "pleje", 1: "pleje"})
    assert [t.id for t in themes] == ["pleje", "mad"]
    assert themes[0].examples == ("svar 1", "svar 3", "svar 4")
    assert themes[1].examples == ("svar 2",)


def test_it_skips_answers_that_are_gone():
    rows = [AnswerRow(1, "svar 1", 1)]
    themes = given_themes(rows, [theme("pleje", [1, 9])], {8: "pleje"})
    assert themes[0].examples == ("svar 1",)
