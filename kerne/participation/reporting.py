"""What a facilitator may read of a round, with the anonymity plan applied everywhere.

Every figure on a page, in an export or through an API comes from `round_report`,
so they all share one `ReportingPlan` and cannot be subtracted from each other.

Only real people count: a respondent counts when they submitted and answered at
least one question, and counts for a question only if they answered that one. A
round answered in another app's tables (a pairwise vote) has no questions: that
app registers what makes its respondents real (`register_real_respondents`).
The round's units (groups of at least k, and the pool of the small groups when
together they reach k) are fixed for the whole round; a unit is then shown for
a question only when at least k of its people answered that question
(`question_plans`). A unit never changes composition from question to question,
so one question's pool cannot be subtracted from another's.

Over time. While a round is open the counts grow (and shrink when someone
withdraws), and a facilitator can look again and again. A pool would change
composition the moment one of its groups grows past k: the old pool minus that
group's new figures is the rest of the pool, i.e. the groups that are still
small. So while a round is open there is no pool at all: a group is shown once
it reaches k on its own, and the live counter shows a group's count only then,
with a total of the shown groups only. Every figure a watcher sees is then a
group of at least k or a sum of such groups, at every moment; comparing two
moments gives the change in a group that is shown at both, never a small group.
The pool forms when the round closes, once, from counts that no longer change.
A closed round that is opened again, or where someone withdraws after the
close, never pools again (`Round.pool_revoked_at`): its first pool may have
been read, and the change would give part of it back. At the first close
borger 1, leder 1 and pårørende 2 were pooled; two more leaders, and leder (3)
is shown alone, the pool is borger and pårørende, and the first pool minus the
second is the first leader. Or leder 3 was shown alone beside the pool of
borger and pårørende; one leader withdraws, leder (2) joins the pool, and the
new pool minus the old one is the two leaders who stayed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from kerne.lib.anonymity import POOL, ReportingPlan, plan_reporting, shuffle_key
from kerne.participation.models import Answer, Respondent
from kerne.processes.models import Question, Round, StakeholderGroup

# An answer that says something: a number, a choice or a text (stored stripped).
REAL_ANSWER = Q(number__isnull=False) | ~Q(choice="") | ~Q(text="")


@dataclass(frozen=True)
class ReportUnit:
    """A column of the report: one group, or the pooled small groups."""

    key: str
    label: str
    count: int
    group_ids: tuple[int, ...]


@dataclass(frozen=True)
class GroupCount:
    """A row of the live counter: the count, or None while the group is below k."""

    group: StakeholderGroup
    count: int | None


@dataclass
class RoundReport:
    round: Round
    threshold: int
    plan: ReportingPlan[int]
    units: list[ReportUnit]
    all_groups: list[StakeholderGroup]
    _unit_by_group: dict[int, ReportUnit] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Respondents in the shown units; what is hidden is never in it."""
        return self.plan.total

    def unit_for_group(self, group_id: int) -> ReportUnit | None:
        return self._unit_by_group.get(group_id)

    def unit(self, key: str) -> ReportUnit | None:
        return next((u for u in self.units if u.key == key), None)

    def shown_group_ids(self) -> list[int]:
        return [gid for unit in self.units for gid in unit.group_ids]

    def group_counts(self) -> list[GroupCount]:
        """Per group its own count once it reaches k; no pool, ever (see the module docstring)."""
        return [GroupCount(g, self.plan.visible.get(g.pk)) for g in self.all_groups]

    @property
    def groups_total(self) -> int:
        """The total of the groups `group_counts` shows."""
        return sum(self.plan.visible.values())


# What makes a respondent real in a round answered elsewhere, as a condition on
# Respondent; apps above participation register theirs in their AppConfig.ready,
# so this module imports none of them (as throttle.TOKEN_CHECKS).
REAL_ELSEWHERE: list[Callable[[], Q]] = []


def register_real_respondents(condition: Callable[[], Q]) -> None:
    if condition not in REAL_ELSEWHERE:
        REAL_ELSEWHERE.append(condition)


def real_respondents() -> QuerySet[Respondent]:
    """Submitted respondents who answered at least one question, or real elsewhere."""
    real = Q(submitted=True) & Q(
        Exists(Answer.objects.filter(REAL_ANSWER, respondent=OuterRef("pk")))
    )
    for condition in REAL_ELSEWHERE:
        real |= condition()
    return Respondent.objects.filter(real)


def real_counts(rounds: Iterable[Round]) -> dict[int, dict[int, int]]:
    """Real respondents per round (by pk) and group, in one query however many rounds."""
    found: dict[int, dict[int, int]] = defaultdict(dict)
    rows = (
        real_respondents()
        .filter(round__in=list(rounds))
        .values("round_id", "group_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        found[row["round_id"]][row["group_id"]] = row["n"]
    return found


def submitted_counts(round_: Round) -> dict[int, int]:
    """Real respondents per group that has any; `report_from_counts` adds the zeros."""
    return real_counts([round_]).get(round_.pk, {})


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
    # No pool while answers still come in, nor ever after a reopening or a
    # withdrawal after the close: its composition would change (module docstring).
    pool = round_.status != Round.Status.OPEN and round_.pool_revoked_at is None
    plan = plan_reporting(counts, threshold, pool=pool)
    by_id = {g.pk: g for g in groups}
    units = [
        ReportUnit(key=str(gid), label=by_id[gid].name, count=n, group_ids=(gid,))
        for gid, n in sorted(
            plan.visible.items(), key=lambda item: (by_id[item[0]].order, item[0])
        )
    ]
    if plan.pooled_count is not None:
        units.append(
            ReportUnit(
                key=POOL,
                # Never the names: which small groups answered is itself a figure.
                label=_("Other groups combined"),
                count=plan.pooled_count,
                group_ids=tuple(sorted(gid for gid in plan.pooled if gid in by_id)),
            )
        )
    report = RoundReport(
        round=round_, threshold=threshold, plan=plan, units=units, all_groups=groups
    )
    for unit in units:
        for gid in unit.group_ids:
            report._unit_by_group[gid] = unit
    return report


def visible_answers(report: RoundReport) -> QuerySet[Answer]:
    """Answers from submitted respondents in the round's shown units.

    Per question a unit may still be too small: use `question_plans` to keep
    only the units shown for each question.
    """
    return Answer.objects.filter(
        respondent__round=report.round,
        respondent__submitted=True,
        respondent__group_id__in=report.shown_group_ids(),
    ).select_related("question", "respondent")


@dataclass(frozen=True)
class QuestionPlan:
    """The units shown for one question: those where at least k people answered it."""

    units: list[ReportUnit]
    counts: dict[str, int]
    complete: bool
    """Every group of the process is in a shown unit; if not, say that some are left out."""

    def shows(self, group_id: int) -> ReportUnit | None:
        return next((u for u in self.units if group_id in u.group_ids), None)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def question_plans(
    report: RoundReport, questions: Sequence[Question]
) -> dict[int, QuestionPlan]:
    """Per question (by pk) the units shown for it, in one query."""
    per_question: dict[int, Counter[str]] = defaultdict(Counter)
    rows = (
        Answer.objects.filter(
            REAL_ANSWER,
            question__in=list(questions),
            respondent__submitted=True,
            respondent__group_id__in=report.shown_group_ids(),
        )
        .values("question_id", "respondent__group_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        unit = report.unit_for_group(row["respondent__group_id"])
        if unit is not None:
            per_question[row["question_id"]][unit.key] += row["n"]
    all_ids = {g.pk for g in report.all_groups}
    plans = {}
    for question in questions:
        counts = per_question[question.pk]
        units = [u for u in report.units if counts[u.key] >= report.threshold]
        covered = {gid for u in units for gid in u.group_ids}
        plans[question.pk] = QuestionPlan(
            units=units,
            counts={u.key: counts[u.key] for u in units},
            complete=covered >= all_ids,
        )
    return plans


def row_order(question_id: int, answer_id: int) -> str:
    """The sort key of an answer among its question's: by neither group, id nor person."""
    return shuffle_key(settings.SECRET_KEY, "answer", question_id, answer_id)


def answer_key(question_id: int, answer_id: int) -> str:
    """How a page names an answer it lets a facilitator choose, instead of its id.

    An answer's id says when its respondent answered and runs on from one of
    their answers to the next, so ids on a page link one person's answers across
    questions and line the pool up by group. The key is keyed by the secret and
    the question: unrelated across questions, and in no order.
    """
    return shuffle_key(settings.SECRET_KEY, "answer-key", question_id, answer_id)[:20]


def shown_answers(
    report: RoundReport,
    plans: dict[int, QuestionPlan],
    answers: Iterable[Answer],
) -> list[tuple[Answer, ReportUnit]]:
    """The non-empty answers of units shown for their question, in the order to list them.

    By question, then by unit (as the report lists them), then in `row_order`, so
    rows inside a unit reveal neither group nor respondent, and row k of one
    question is not row k of the next.
    """
    position = {u.key: i for i, u in enumerate(report.units)}
    order = {pk: i for i, pk in enumerate(plans)}
    found = []
    for answer in answers:
        plan = plans.get(answer.question_id)
        unit = plan.shows(answer.respondent.group_id) if plan else None
        if unit is not None and not answer.is_empty():
            found.append((answer, unit))
    found.sort(
        key=lambda pair: (
            order[pair[0].question_id],
            position[pair[1].key],
            row_order(pair[0].question_id, pair[0].pk),
        )
    )
    return found


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
