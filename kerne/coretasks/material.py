"""What the drafting page shows beside the editor: what people said, per dimension.

The answers come through the round's anonymity plan (`round_report`) and each
question's plan (`question_plans`), so a group below the threshold is never quoted.
Beside them come the themes of the latest analysis (`kerne.themes.drafting`) and what
the opinion map says (`kerne.statements.drafting`), each a list of `Material` items
(`kerne.lib.drafting`); both apps sit below this one, so they are plain imports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from kerne.lib.drafting import Material
from kerne.participation import reporting
from kerne.processes.models import Dimension, Process, Question, StakeholderGroup
from kerne.statements import drafting as statements_drafting
from kerne.themes import drafting as themes_drafting

QUOTES_PER_SIDE = 8


@dataclass(frozen=True)
class Quote:
    text: str
    unit_label: str


@dataclass
class DimensionMaterial:
    dimension: str
    label: str
    answer_count: int = 0
    inside: list[Quote] = field(default_factory=list)
    outside: list[Quote] = field(default_factory=list)
    other: list[Quote] = field(default_factory=list)
    extra: list[Material] = field(default_factory=list)


def _answers(process: Process) -> dict[str, DimensionMaterial]:
    found = {d.value: DimensionMaterial(d.value, str(d.label)) for d in Dimension}
    sides = {g.pk: g.side for g in process.groups.all()}
    # Qualification rounds rate a draft; the material is what people said before.
    rounds = process.rounds.filter(qualification__isnull=True)
    for round_ in rounds:
        report = reporting.round_report(round_)
        questions = list(
            round_.questions.filter(kind=Question.Kind.TEXT).exclude(dimension="")
        )
        answers = reporting.visible_answers(report).filter(question__in=questions)
        # Only units shown for the question, in an order that is neither by group nor by id.
        for answer, unit in reporting.shown_answers(
            report, reporting.question_plans(report, questions), answers
        ):
            block = found[answer.question.dimension]
            block.answer_count += 1
            unit_sides = {sides.get(gid) for gid in unit.group_ids}
            if unit_sides == {StakeholderGroup.Side.INSIDE}:
                bucket = block.inside
            elif unit_sides == {StakeholderGroup.Side.OUTSIDE}:
                bucket = block.outside
            else:
                bucket = block.other
            if len(bucket) < QUOTES_PER_SIDE:
                bucket.append(Quote(answer.text.strip(), unit.label))
    return found


def _from_other_apps(process: Process) -> Iterator[Material]:
    yield from themes_drafting.material_for_drafting(process)
    yield from statements_drafting.material_for_drafting(process)


def drafting_material(
    process: Process,
) -> tuple[list[DimensionMaterial], list[Material]]:
    """Per dimension what was said (and other apps' material); plus material for the whole."""
    found = _answers(process)
    general: list[Material] = []
    for item in _from_other_apps(process):
        if item.dimension in found:
            found[item.dimension].extra.append(item)
        else:
            general.append(item)
    return [found[d.value] for d in Dimension], general
