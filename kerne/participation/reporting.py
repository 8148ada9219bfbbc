"""What a facilitator may read of a round, with the anonymity plan applied everywhere.

Every figure on a page, in an export or through an API comes from `round_report`,
so they all share one `ReportingPlan` and cannot be subtracted from each other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from kerne.lib.anonymity import POOL, ReportingPlan, plan_reporting
from kerne.participation.models import Answer, Respondent
from kerne.processes.models import Question, Round, StakeholderGroup


@dataclass(frozen=True)
class ReportUnit:
    """A column of the report: one group, or the pooled small groups."""

    key: str
    label: str
    count: int
    group_ids: tuple[int, ...]


@dataclass
class RoundReport:
    round: Round
    threshold: int
    plan: ReportingPlan[int]
    units: list[ReportUnit]
    hidden_groups: list[StakeholderGroup]
    pooled_groups: list[StakeholderGroup]
    all_groups: list[StakeholderGroup]
    started_count: int = 0
    _unit_by_group: dict[int, ReportUnit] = field(default_factory=dict)

    @property
    def total(self) -> int | None:
        return self.plan.total

    def unit_for_group(self, group_id: int) -> ReportUnit | None:
        return self._unit_by_group.get(group_id)

    def unit(self, key: str) -> ReportUnit | None:
        return next((u for u in self.units if u.key == key), None)

    def shown_group_ids(self) -> list[int]:
        return [gid for unit in self.units for gid in unit.group_ids]


def submitted_counts(round_: Round) -> dict[int, int]:
    """Submitted respondents per group that has any; `report_from_counts` adds the zeros."""
    rows = (
        Respondent.objects.filter(round=round_, submitted=True)
        .values("group_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["group_id"]: row["n"] for row in rows}


def round_report(round_: Round) -> RoundReport:
    groups = list(round_.process.groups.all())
    return report_from_counts(round_, groups, submitted_counts(round_))


def report_from_counts(
    round_: Round, groups: list[StakeholderGroup], submitted: dict[int, int]
) -> RoundReport:
    """The report for counts already loaded, so pages over many rounds query once."""
    threshold = round_.process.anonymity_threshold
    counts = {group.pk: 0 for group in groups}
    counts.update(submitted)
    plan = plan_reporting(counts, threshold)
    by_id = {g.pk: g for g in groups}
    units = [
        ReportUnit(key=str(gid), label=by_id[gid].name, count=n, group_ids=(gid,))
        for gid, n in sorted(
            plan.visible.items(), key=lambda item: by_id[item[0]].order
        )
    ]
    pooled = sorted(
        (by_id[gid] for gid in plan.pooled if gid in by_id), key=lambda g: g.order
    )
    if plan.pooled_count is not None and pooled:
        units.append(
            ReportUnit(
                key=POOL,
                label=_("Other groups combined (%(names)s)")
                % {"names": ", ".join(g.name for g in pooled)},
                count=plan.pooled_count,
                group_ids=tuple(g.pk for g in pooled),
            )
        )
    report = RoundReport(
        round=round_,
        threshold=threshold,
        plan=plan,
        units=units,
        hidden_groups=[
            g for g in groups if plan.unit_of(g.pk) is None and counts.get(g.pk, 0) > 0
        ],
        pooled_groups=pooled if plan.pooled_count is not None else [],
        all_groups=groups,
    )
    for unit in units:
        for gid in unit.group_ids:
            report._unit_by_group[gid] = unit
    return report


def visible_answers(report: RoundReport) -> QuerySet[Answer]:
    """Answers from submitted respondents in groups the plan lets us show."""
    return Answer.objects.filter(
        respondent__round=report.round,
        respondent__submitted=True,
        respondent__group_id__in=report.shown_group_ids(),
    ).select_related("question", "respondent")


@dataclass(frozen=True)
class ScaleSummary:
    answered: int
    mean: float | None
    distribution: list[tuple[int, int]]


def scale_summary(
    report: RoundReport, question: Question, unit: ReportUnit
) -> ScaleSummary | None:
    """Mean and distribution of a scale question in one unit; None when too few answered."""
    values: list[int] = [
        n
        for n in Answer.objects.filter(
            question=question,
            respondent__submitted=True,
            respondent__group_id__in=unit.group_ids,
            number__isnull=False,
        ).values_list("number", flat=True)
        if n is not None
    ]
    if len(values) < report.threshold:
        return None
    counter = Counter(values)
    return ScaleSummary(
        answered=len(values),
        mean=sum(values) / len(values),
        distribution=[(n, counter.get(n, 0)) for n in range(1, 6)],
    )


def choice_summary(
    report: RoundReport, question: Question, unit: ReportUnit
) -> list[tuple[str, int]] | None:
    values = list(
        Answer.objects.filter(
            question=question,
            respondent__submitted=True,
            respondent__group_id__in=unit.group_ids,
        )
        .exclude(choice="")
        .values_list("choice", flat=True)
    )
    if len(values) < report.threshold:
        return None
    counter = Counter(values)
    return [(choice, counter.get(choice, 0)) for choice in question.choices]


def text_filter(queryset: QuerySet[Answer], search: str) -> QuerySet[Answer]:
    search = search.strip()
    if not search:
        return queryset
    return queryset.filter(Q(text__icontains=search) | Q(choice__icontains=search))
