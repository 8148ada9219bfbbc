"""The data of each prioritisation page, one function per page."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from kerne.analysis.stats import Interval, wilson
from kerne.analysis.themes import NO_ANSWER_ID
from kerne.coretasks.models import Adoption
from kerne.coretasks.services import current_adoption
from kerne.participation.reporting import choice_summary, question_plans, round_report
from kerne.priorities.models import (
    Decision,
    Initiative,
    PairwiseRound,
    QualityDescription,
    RatingQuestion,
    RatingRound,
)
from kerne.priorities.pages_pairwise import ItemRow, PairwiseResults, pairwise_results
from kerne.priorities.pages_quality import current_descriptions
from kerne.processes.models import Process, Round
from kerne.themes.models import QuestionAnalysis


@dataclass(frozen=True)
class InitiativeRow:
    initiative: Initiative
    decision: Decision | None
    """The newest decision; older ones stay in the log."""
    rating: InitiativeResult | None = None
    """Its result in the latest closed rating round, as the rating page shows it."""
    pairwise: ItemRow | None = None
    """Its row in the latest closed pairwise round, as the pairwise page shows it."""


@dataclass(frozen=True)
class Evidence:
    """The latest closed rounds whose figures stand beside the decision form."""

    rating: RatingPage | None
    pairwise_round: PairwiseRound | None
    pairwise: PairwiseResults | None


@dataclass(frozen=True)
class ProcessPage:
    process: Process
    adoption: Adoption | None
    rows: list[InitiativeRow]
    log: list[Decision]
    ratings: list[RatingRound]
    pairwise: list[PairwiseRound]
    evidence: Evidence
    quality: list[tuple[str, QualityDescription]]
    """Per dimension with one, its label and newest adopted quality description."""


def _latest_closed(rounds: list[RatingRound] | list[PairwiseRound]) -> Round | None:
    closed = [r.round for r in rounds if r.round.status == Round.Status.CLOSED]
    return max(
        closed, key=lambda r: (r.closed_at is not None, r.closed_at, r.pk), default=None
    )


def evidence(ratings: list[RatingRound], pairwise: list[PairwiseRound]) -> Evidence:
    """The rating and pairwise results of the latest closed rounds, computed as on their pages."""
    rating_round = _latest_closed(ratings)
    pairwise_round = _latest_closed(pairwise)
    rating = next((r for r in ratings if r.round == rating_round), None)
    chosen = next((p for p in pairwise if p.round == pairwise_round), None)
    return Evidence(
        rating_page(rating) if rating is not None else None,
        chosen,
        pairwise_results(chosen) if chosen is not None else None,
    )


def process_page(process: Process) -> ProcessPage:
    initiatives = list(process.initiatives.prefetch_related("decisions"))
    log = list(
        Decision.objects.filter(initiative__process=process).select_related(
            "initiative", "decided_by"
        )
    )
    ratings = list(
        RatingRound.objects.filter(round__process=process).select_related("round")
    )
    pairwise = list(
        PairwiseRound.objects.filter(round__process=process).select_related("round")
    )
    found = evidence(ratings, pairwise)
    by_rating = (
        {r.initiative.pk: r for r in found.rating.results} if found.rating else {}
    )
    by_pairwise = (
        {
            row.item.initiative_id: row
            for row in found.pairwise.rows
            if row.item.initiative_id is not None
        }
        if found.pairwise
        else {}
    )
    rows = [
        InitiativeRow(
            i,
            next(iter(i.decisions.all()), None),
            by_rating.get(i.pk),
            by_pairwise.get(i.pk),
        )
        for i in initiatives
    ]
    return ProcessPage(
        process,
        current_adoption(process.unit),
        rows,
        log,
        ratings,
        pairwise,
        found,
        quality=current_descriptions(process),
    )


@dataclass(frozen=True)
class UnitResult:
    """One reporting unit's ratings of one initiative; only units with k or more answers."""

    label: str
    answered: int
    distribution: list[tuple[str, int]]
    agreement: float
    """Share who chose the most common answer: 1 = all agree."""
    interval: Interval


@dataclass(frozen=True)
class ReasonThemes:
    """The themes the theme engine found in the reasons given for one initiative."""

    question_id: int
    themes: list[tuple[str, int]]
    """Label and number of reasons, largest first, as the question's theme page has them."""


@dataclass(frozen=True)
class InitiativeResult:
    initiative: Initiative
    units: list[UnitResult]
    all_shown: UnitResult | None
    """The shown units together; hidden groups are never in it."""
    complete: bool
    reasons: ReasonThemes | None = None
    """None until the round's analysis has themed the reasons."""


@dataclass(frozen=True)
class RatingPage:
    rating: RatingRound
    threshold: int
    results: list[InitiativeResult]


def _unit_result(label: str, distribution: list[tuple[str, int]]) -> UnitResult:
    answered = sum(n for _, n in distribution)
    top = max(n for _, n in distribution)
    return UnitResult(
        label, answered, distribution, top / answered, wilson(top, answered)
    )


def rating_page(rating: RatingRound) -> RatingPage:
    """Per initiative the distribution and agreement, by unit of the round's anonymity plan."""
    report = round_report(rating.round)
    links = list(
        rating.questions.filter(measure=RatingQuestion.Measure.RATING).select_related(
            "question", "initiative"
        )
    )
    plans = question_plans(report, [link.question for link in links])
    reasons = _reason_themes(rating)
    results = []
    for link in links:
        plan = plans[link.question.pk]
        units = []
        for unit in plan.units:
            summary = choice_summary(report, link.question, unit)
            if summary is not None:
                units.append(_unit_result(unit.label, summary))
        together = None
        if units:
            sums = [
                (label, sum(u.distribution[i][1] for u in units))
                for i, (label, _n) in enumerate(units[0].distribution)
            ]
            together = _unit_result(str(_("All shown groups")), sums)
        results.append(
            InitiativeResult(
                link.initiative,
                units,
                together,
                plan.complete,
                reasons.get(link.initiative_id),
            )
        )
    return RatingPage(rating, report.threshold, results)


def _reason_themes(rating: RatingRound) -> dict[int, ReasonThemes]:
    """Per initiative (by pk) the themes of its reasons, from the round's theme analysis.

    The analysis themes only the answers of units its plan shows, exactly as the
    question's own theme page shows them; nothing here is computed anew.
    """
    links = {
        link.question_id: link.initiative_id
        for link in rating.questions.filter(measure=RatingQuestion.Measure.REASON)
    }
    found = {}
    for qa in QuestionAnalysis.objects.filter(
        question_id__in=list(links), analysis__round_id=rating.round_id
    ):
        themes = sorted(
            (
                (t["label"], t["size"])
                for t in qa.themes
                if t["id"] != NO_ANSWER_ID and t["size"]
            ),
            key=lambda pair: (-pair[1], pair[0]),
        )
        if themes:
            found[links[qa.question_id]] = ReasonThemes(qa.question_id, themes)
    return found
