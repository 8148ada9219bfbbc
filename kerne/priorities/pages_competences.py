"""The competences page and the heat map of a self-assessment round.

Every figure comes from `scale_summary` for a unit `question_plans` shows for
that question, so a cell is either k or more real answers or empty; the
"all shown" column and the dimension rows only combine cells that are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from kerne.participation.reporting import (
    ReportUnit,
    question_plans,
    round_report,
    scale_summary,
)
from kerne.priorities.models import Competence, CompetenceQuestion, CompetenceRound
from kerne.processes.models import Dimension, Process, StakeholderGroup

# A mean below the middle of the 1–5 scale: the group says it does not master it.
LACKING_BELOW = 3.0
# The colour steps of the heat map, by mean; the number is always printed too.
HEAT_STEPS = ((2.0, "low"), (3.0, "weak"), (4.0, "fair"))


def heat(mean: float | None) -> str:
    if mean is None:
        return "none"
    return next((name for limit, name in HEAT_STEPS if mean < limit), "strong")


@dataclass(frozen=True)
class Cell:
    mean: float | None
    answered: int

    @property
    def heat(self) -> str:
        return heat(self.mean)


EMPTY = Cell(None, 0)


@dataclass(frozen=True)
class CompetenceRow:
    competence: Competence
    cells: list[Cell]
    """One per column of the heat map, in its order."""
    together: Cell
    """The shown units together; hidden answers are never in it."""
    complete: bool


@dataclass(frozen=True)
class DimensionRow:
    dimension: Dimension
    cells: list[Cell]
    together: Cell
    competences: int
    """How many competences serve the dimension (whether shown or not)."""


@dataclass(frozen=True)
class HeatMap:
    assessment: CompetenceRound
    threshold: int
    units: list[ReportUnit]
    rows: list[CompetenceRow]
    dimensions: list[DimensionRow]
    lacking: list[CompetenceRow]
    """Shown competences whose mean is below LACKING_BELOW, weakest first."""
    uncovered: list[Dimension]
    """Dimensions no competence serves: the core task needs them too."""


def _mean_of(cells: list[Cell]) -> Cell:
    """The answer-weighted mean of shown cells."""
    shown = [c for c in cells if c.mean is not None]
    answered = sum(c.answered for c in shown)
    if not answered:
        return EMPTY
    total = sum(c.mean * c.answered for c in shown if c.mean is not None)
    return Cell(total / answered, answered)


def heat_map(assessment: CompetenceRound) -> HeatMap:
    report = round_report(assessment.round)
    links = list(
        CompetenceQuestion.objects.filter(competence_round=assessment)
        .select_related("question", "competence")
        .order_by("question__order")
    )
    plans = question_plans(report, [link.question for link in links])
    inside = {g.pk for g in report.all_groups if g.side == StakeholderGroup.Side.INSIDE}
    units = report.units
    rows = []
    for link in links:
        plan = plans[link.question.pk]
        cells = []
        for unit in units:
            summary = (
                scale_summary(report, link.question, unit)
                if unit in plan.units
                else None
            )
            cells.append(
                Cell(summary.mean, summary.answered) if summary is not None else EMPTY
            )
        covered = {gid for u in plan.units for gid in u.group_ids}
        rows.append(
            CompetenceRow(link.competence, cells, _mean_of(cells), covered >= inside)
        )
    dimensions = []
    uncovered = []
    for dimension in Dimension:
        serving = [r for r in rows if dimension.value in r.competence.dimensions]
        if not serving:
            uncovered.append(dimension)
            continue
        cells = [_mean_of([r.cells[i] for r in serving]) for i in range(len(units))]
        dimensions.append(
            DimensionRow(
                dimension, cells, _mean_of([r.together for r in serving]), len(serving)
            )
        )
    lacking = sorted(
        (
            r
            for r in rows
            if r.together.mean is not None and r.together.mean < LACKING_BELOW
        ),
        key=lambda r: (r.together.mean, r.competence.title),
    )
    return HeatMap(
        assessment, report.threshold, units, rows, dimensions, lacking, uncovered
    )


@dataclass(frozen=True)
class CompetencesPage:
    process: Process
    competences: list[Competence]
    rounds: list[CompetenceRound]


def competences_page(process: Process) -> CompetencesPage:
    return CompetencesPage(
        process,
        list(process.competences.all()),
        list(
            CompetenceRound.objects.filter(round__process=process).select_related(
                "round"
            )
        ),
    )


def heat_label(name: str) -> str:
    return {
        "low": _("Weak (below 2)"),
        "weak": _("Some (2 to 3)"),
        "fair": _("Good (3 to 4)"),
        "strong": _("Strong (4 or more)"),
        "none": _("Not shown"),
    }[name]


def heat_map_table(page: HeatMap) -> tuple[list[str], list[list[object]]]:
    """The heat map as rows for an export: the cells the page shows, nothing more."""
    headers = [_("Row"), _("Dimensions"), _("Group"), _("Mean (1–5)"), _("Answered")]
    rows: list[list[object]] = []

    def add(label: str, dims: str, cells: list[Cell], together: Cell) -> None:
        for unit, cell in zip(page.units, cells, strict=True):
            if cell.mean is not None:
                rows.append(
                    [label, dims, unit.label, round(cell.mean, 2), cell.answered]
                )
        if together.mean is not None:
            rows.append(
                [
                    label,
                    dims,
                    _("All shown groups"),
                    round(together.mean, 2),
                    together.answered,
                ]
            )

    for row in page.rows:
        add(
            row.competence.title,
            ", ".join(row.competence.dimension_labels()),
            row.cells,
            row.together,
        )
    for dim in page.dimensions:
        add(
            _("Dimension: %(name)s") % {"name": dim.dimension.label},
            str(dim.dimension.label),
            dim.cells,
            dim.together,
        )
    return headers, rows
