"""The question's reporting units under any plan the anonymity rule may make."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kerne.analysis.themes import NO_ANSWER_ID, SMALL_N, find_themes
from kerne.lib.anonymity import POOL
from kerne.themes import results
from kerne.themes.results import INSIDE, OUTSIDE, AnswerRow, ReportUnitRow

GROUPS = range(1, 7)


@st.composite
def rounds(draw: st.DrawFn) -> dict[str, Any]:
    """Report units over six groups (one of them the round's pool) and answers."""
    groups = list(GROUPS)
    pooled = draw(st.lists(st.sampled_from(groups), unique=True, max_size=4))
    units = [ReportUnitRow(str(g), (g,)) for g in groups if g not in pooled]
    if pooled:
        units.append(ReportUnitRow(POOL, tuple(sorted(pooled))))
    sides = {g: draw(st.sampled_from([INSIDE, OUTSIDE])) for g in groups}
    rows: list[AnswerRow] = []
    real: list[bool] = []
    for g in groups:
        for _i in range(draw(st.integers(0, 8))):
            rows.append(AnswerRow(len(rows) + 1, f"svar {len(rows)}", g))
            real.append(draw(st.booleans()))
    return {
        "units": units,
        "sides": sides,
        "rows": rows,
        "real": real,
        "threshold": draw(st.integers(1, 6)),
    }


@given(rounds())
def test_units_are_distinct_and_their_figures_never_fail(shape):
    """Whatever the round's fixed units (pools mixing sides included), a question
    shows each unit whole or not at all, and its comparison never crashes."""
    units, answer_units = results.plan_units(
        shape["rows"],
        shape["real"],
        shape["units"],
        shape["sides"],
        shape["threshold"],
    )
    keys = [u["key"] for u in units]
    assert len(keys) == len(set(keys))
    group_ids = [g for u in units for g in u["group_ids"]]
    assert len(group_ids) == len(set(group_ids))
    # A unit on one side holds only that side's groups; a mixed one is on neither.
    for u in units:
        sides = {shape["sides"][g] for g in u["group_ids"]}
        assert u["side"] == (sides.pop() if len(sides) == 1 else "")
    shown = {g for u in units for g in u["group_ids"]}
    assert {r.id for r in shape["rows"] if r.group_id in shown} == set(answer_units)
    # The figures over these units never fail, whatever the sides.
    assignments = {
        str(r.id): results.Placement(
            theme="a" if r.id % 2 else "b",
            strength=1.0,
            clear=True,
            unit=answer_units[r.id],
        )
        for r in shape["rows"]
        if r.id in answer_units
    }
    themes = [
        results.ThemeData(
            id=t, label=t, description="", size=0, examples=[], terms=[], bucket=False
        )
        for t in ("a", "b")
    ]
    figures = results.theme_figures(themes, assignments, units, shape["threshold"])
    comparison = figures["comparison"]
    if comparison:
        assert not set(comparison["units_a"]) & set(comparison["units_b"])


@given(rounds())
def test_units_follow_the_real_plan(shape):
    units, _answer_units = results.plan_units(
        shape["rows"], shape["real"], shape["units"], shape["sides"], shape["threshold"]
    )
    keys = [u["key"] for u in units]
    assert len(keys) == len(set(keys))
    assert all(u["n"] >= shape["threshold"] for u in units)


ANSWERS = (
    "Ved ikke",
    "nej",
    "det er godt",
    "...",
    "Faste hjælpere og tid til en snak",
    "komme hver dag",
    "Rengøring og indkøb",
    "Hjemmeplejen Nord giver tryghed",
)


@given(st.lists(st.sampled_from(ANSWERS), max_size=40), st.booleans())
def test_real_answers_are_the_engines(texts, large):
    """The plan counts an answer as real exactly when the engine does not call it "Intet svar",
    on small rounds and on rounds past the size where generic words count."""
    if large:
        texts = texts + ["Faste hjælpere hver dag"] * SMALL_N
    names = results.name_stop_words("Hjemmeplejen Nord")
    real = results.real_answers(
        texts, question="Hvad giver tryghed?", extra_stop_words=names
    )
    found = find_themes(
        texts, question="Hvad giver tryghed?", extra_stop_words=names, k=1
    )
    assert real == [a.theme_id != NO_ANSWER_ID for a in found.assignments]
