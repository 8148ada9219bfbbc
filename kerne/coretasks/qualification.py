"""What the qualification of a draft shows: ratings per group and side, and suggestions.

Every figure goes through the round's anonymity plan (`round_report`). On top of it:
- a rating is shown for a reporting unit only when at least `threshold` people in
  that unit answered the question (as `scale_summary` does);
- an inside or outside figure pools only whole reporting units that are wholly on
  that side and whose own rating is shown. A pool of small groups that mixes the
  two sides belongs to neither. So a side figure is a combination of figures that
  are shown anyway, and nothing can be derived from it by subtraction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kerne.coretasks import stats
from kerne.coretasks.models import DIMENSIONS, QualificationQuestion, QualificationRound
from kerne.participation import reporting
from kerne.participation.models import Answer
from kerne.processes.models import Dimension, Question, StakeholderGroup

Measure = QualificationQuestion.Measure
# Fewer suggestions than this are simply listed; from here the theme engine groups them.
THEMES_FROM = 12


@dataclass(frozen=True)
class UnitRatings:
    unit: reporting.ReportUnit
    side: str | None
    recognise: stats.Estimate | None
    clear: stats.Estimate | None


@dataclass(frozen=True)
class Suggestion:
    text: str
    unit_label: str


@dataclass(frozen=True)
class SuggestionTheme:
    label: str
    suggestions: list[Suggestion]


@dataclass
class DimensionResult:
    dimension: str
    label: str
    units: list[UnitRatings] = field(default_factory=list)
    inside: dict[str, stats.Estimate | None] = field(default_factory=dict)
    outside: dict[str, stats.Estimate | None] = field(default_factory=dict)
    gaps: dict[str, stats.Gap | None] = field(default_factory=dict)
    suggestions: list[Suggestion] = field(default_factory=list)
    themes: list[SuggestionTheme] | None = None

    @property
    def recognise_gap(self) -> stats.Gap | None:
        return self.gaps.get(Measure.RECOGNISE)

    @property
    def clear_gap(self) -> stats.Gap | None:
        return self.gaps.get(Measure.CLEAR)


@dataclass
class QualificationResult:
    qualification: QualificationRound
    report: reporting.RoundReport
    dimensions: list[DimensionResult]


def _unit_side(unit: reporting.ReportUnit, sides: dict[int, str]) -> str | None:
    found = {sides[gid] for gid in unit.group_ids if gid in sides}
    return found.pop() if len(found) == 1 else None


def _shown(
    report: reporting.RoundReport, values: dict[str, list[int]]
) -> dict[str, list[int]]:
    """The ratings of each reporting unit where at least `threshold` people gave one."""
    return {
        unit.key: values[unit.key]
        for unit in report.units
        if len(values.get(unit.key, [])) >= report.threshold
    }


def _by_side(
    report: reporting.RoundReport, sides: dict[int, str], shown: dict[str, list[int]]
) -> tuple[list[int], list[int]]:
    """Inside and outside ratings: only whole shown units wholly on one side."""
    per_side: dict[str, list[int]] = {
        StakeholderGroup.Side.INSIDE: [],
        StakeholderGroup.Side.OUTSIDE: [],
    }
    for unit in report.units:
        side = _unit_side(unit, sides)
        if unit.key in shown and side in per_side:
            per_side[side].extend(shown[unit.key])
    return per_side[StakeholderGroup.Side.INSIDE], per_side[
        StakeholderGroup.Side.OUTSIDE
    ]


def _ratings(
    qualification: QualificationRound, report: reporting.RoundReport
) -> dict[tuple[str, str], dict[str, list[int]]]:
    """(dimension, measure) → reporting unit key → the ratings given there."""
    measures = {
        qq.question_id: (qq.dimension, qq.measure)
        for qq in qualification.questions.exclude(measure=Measure.SUGGESTION)
    }
    rows = Answer.objects.filter(
        question_id__in=measures,
        respondent__submitted=True,
        respondent__group_id__in=report.shown_group_ids(),
        number__isnull=False,
    ).values_list("question_id", "respondent__group_id", "number")
    found: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for question_id, group_id, number in rows:
        unit = report.unit_for_group(group_id)
        if unit is not None and number is not None:
            found[measures[question_id]][unit.key].append(number)
    return found


def _suggestions(
    qualification: QualificationRound, report: reporting.RoundReport
) -> dict[str, list[Suggestion]]:
    """Per dimension the suggestions of units shown for the question, in `shown_answers` order."""
    measures = list(
        qualification.questions.filter(measure=Measure.SUGGESTION).select_related(
            "question"
        )
    )
    dimension_of = {qq.question_id: qq.dimension for qq in measures}
    plans = reporting.question_plans(report, [qq.question for qq in measures])
    answers = reporting.visible_answers(report).filter(
        question_id__in=dimension_of, question__kind=Question.Kind.TEXT
    )
    found: dict[str, list[Suggestion]] = defaultdict(list)
    for answer, unit in reporting.shown_answers(report, plans, answers):
        found[dimension_of[answer.question_id]].append(
            Suggestion(answer.text.strip(), unit.label)
        )
    return found


def group_suggestions(suggestions: list[Suggestion]) -> list[SuggestionTheme] | None:
    """Themes of the suggestions from the theme engine, or None when there are too few."""
    if len(suggestions) < THEMES_FROM:
        return None
    from kerne.analysis.themes import find_themes  # scikit-learn: load only when used

    try:
        result = find_themes([s.text for s in suggestions])
    except ValueError:
        # Near-identical suggestions leave the engine nothing to split on: just list them.
        return None
    members: dict[str, list[Suggestion]] = defaultdict(list)
    for suggestion, assignment in zip(suggestions, result.assignments, strict=True):
        members[assignment.theme_id].append(suggestion)
    grouped = [
        SuggestionTheme(theme.label, members[theme.id])
        for theme in result.all_themes
        if members.get(theme.id)
    ]
    return grouped or None


def qualification_result(
    qualification: QualificationRound, *, with_themes: bool = True
) -> QualificationResult:
    report = reporting.round_report(qualification.round)
    sides = {g.pk: g.side for g in report.all_groups}
    ratings = _ratings(qualification, report)
    suggestions = _suggestions(qualification, report)
    dimensions = []
    for dimension in DIMENSIONS:
        result = DimensionResult(dimension, str(Dimension(dimension).label))
        shown = {
            measure: _shown(report, ratings[(dimension, measure)])
            for measure in (Measure.RECOGNISE, Measure.CLEAR)
        }
        for unit in report.units:
            estimates = {
                measure: stats.estimate(shown[measure][unit.key])
                if unit.key in shown[measure]
                else None
                for measure in (Measure.RECOGNISE, Measure.CLEAR)
            }
            result.units.append(
                UnitRatings(
                    unit,
                    _unit_side(unit, sides),
                    estimates[Measure.RECOGNISE],
                    estimates[Measure.CLEAR],
                )
            )
        for measure in (Measure.RECOGNISE, Measure.CLEAR):
            inside, outside = _by_side(report, sides, shown[measure])
            result.inside[measure] = stats.estimate(inside)
            result.outside[measure] = stats.estimate(outside)
            result.gaps[measure] = stats.gap(inside, outside)
        result.suggestions = suggestions.get(dimension, [])
        if with_themes:
            result.themes = group_suggestions(result.suggestions)
        dimensions.append(result)
    return QualificationResult(qualification, report, dimensions)


@dataclass(frozen=True)
class Recognition:
    """The mean "I recognise it" over the four dimensions, per side (None: not shown)."""

    inside: float | None
    outside: float | None


def recognition(qualification: QualificationRound) -> Recognition:
    return recognitions([qualification])[qualification.pk]


def recognitions(
    qualifications: Sequence[QualificationRound],
) -> dict[int, Recognition]:
    """Recognition per qualification round (by pk), in four queries however many.

    The overview compares ~80 units, so the rounds' anonymity plans and ratings are
    loaded together; the figures are those `qualification_result` shows.
    """
    pks = [q.pk for q in qualifications]
    rounds = {
        q.pk: q.round
        for q in QualificationRound.objects.filter(pk__in=pks).select_related(
            "round__process"
        )
    }
    groups: dict[int, list[StakeholderGroup]] = defaultdict(list)
    for group in StakeholderGroup.objects.filter(
        process__in={r.process_id for r in rounds.values()}
    ):
        groups[group.process_id].append(group)
    counts = reporting.real_counts(rounds.values())
    # qualification → dimension → group → ratings; sorted into reporting units below.
    given: dict[int, dict[str, dict[int, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for qualification_id, dimension, group_id, number in Answer.objects.filter(
        question__qualification_measure__qualification__in=pks,
        question__qualification_measure__measure=Measure.RECOGNISE,
        respondent__submitted=True,
        number__isnull=False,
    ).values_list(
        "question__qualification_measure__qualification_id",
        "question__qualification_measure__dimension",
        "respondent__group_id",
        "number",
    ):
        if number is not None:
            given[qualification_id][dimension][group_id].append(number)
    return {
        pk: _recognition(
            reporting.report_from_counts(
                round_, groups[round_.process_id], counts.get(round_.pk, {})
            ),
            given[pk],
        )
        for pk, round_ in rounds.items()
    }


def _recognition(
    report: reporting.RoundReport, given: dict[str, dict[int, list[int]]]
) -> Recognition:
    """The mean "I recognise it" per side over the four dimensions, as the page shows them."""
    sides = {g.pk: g.side for g in report.all_groups}
    inside: list[int] = []
    outside: list[int] = []
    for dimension in DIMENSIONS:
        # Only answers from groups the plan shows, gathered per reporting unit.
        per_unit: dict[str, list[int]] = defaultdict(list)
        for group_id, numbers in given.get(dimension, {}).items():
            unit = report.unit_for_group(group_id)
            if unit is not None:
                per_unit[unit.key].extend(numbers)
        side_in, side_out = _by_side(report, sides, _shown(report, per_unit))
        inside += side_in
        outside += side_out
    return Recognition(_mean(inside), _mean(outside))


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def side_label(side: str | None) -> str:
    if side == StakeholderGroup.Side.INSIDE:
        return _("inside")
    if side == StakeholderGroup.Side.OUTSIDE:
        return _("outside")
    return _("both sides")
