"""The data of the shared-understanding pages, one function per page.

Each builder reads; nothing writes. What a page shows about answers comes through
the round's report (`reporting.round_report`) and the figures the analysis stored
under its plan, turned into page data by `kerne.themes.display`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms

from kerne.analysis.themes import NO_ANSWER_ID
from kerne.lib.pages import as_context
from kerne.participation import reporting
from kerne.processes.models import Process, Question, Round
from kerne.themes import display, summaries
from kerne.themes.forms import AnswersForm, MergeForm, ThemeForm
from kerne.themes.loading import text_questions
from kerne.themes.models import Analysis, QuestionAnalysis, ThemeEdit

# The round page names this many themes per question; the question page has them all.
THEMES_PER_QUESTION = 5
# The question page lists this many of the latest edits.
EDITS_SHOWN = 50


@dataclass(frozen=True)
class StatusPage:
    """The analysis's progress, polled by htmx while it waits or runs."""

    round: Round
    analysis: Analysis | None


def status_page(round_: Round, analysis: Analysis | None) -> StatusPage:
    return StatusPage(round=round_, analysis=analysis)


@dataclass(frozen=True)
class QuestionSummary:
    question: Question
    analysed: bool
    # Stored without themes: too few answers to show any without exposing someone.
    too_few: bool
    themes: list[display.ThemeView]
    theme_count: int
    summary: list[str]


@dataclass(frozen=True)
class RoundPage:
    round: Round
    analysis: Analysis | None
    process: Process
    report: reporting.RoundReport
    summaries: list[QuestionSummary]


def round_page(round_: Round, analysis: Analysis | None) -> RoundPage:
    done = {
        qa.question_id: qa
        for qa in (
            analysis.questions.all() if analysis else QuestionAnalysis.objects.none()
        )
    }
    rows = []
    for question in text_questions(round_):
        qa = done.get(question.pk)
        themes = display.theme_views(qa, {}) if qa else []
        diffusion = qa.figures.get("diffusion") if qa else None
        shown = [t for t in themes if t.id != NO_ANSWER_ID]
        named = [t for t in themes if not t.bucket]
        rows.append(
            QuestionSummary(
                question=question,
                analysed=qa is not None,
                too_few=qa is not None and not qa.themes,
                themes=named[:THEMES_PER_QUESTION],
                theme_count=len(named),
                # The same sentences the question page opens with, so a seven-answer
                # round says it is too early instead of a bare verdict.
                summary=summaries.theme_summary(
                    shown, display.diffusion_view(diffusion) if diffusion else None
                )[:2],
            )
        )
    return RoundPage(
        round=round_,
        analysis=analysis,
        process=round_.process,
        report=reporting.round_report(round_),
        summaries=rows,
    )


@dataclass(frozen=True)
class UnitCount:
    label: str
    n: int


@dataclass(frozen=True)
class QuestionResults:
    """What the question page shows once the analysis found themes."""

    themes: list[display.ThemeView]
    non_answers: int
    stale: bool
    units: list[UnitCount]
    diffusion: display.DiffusionView | None
    unit_diffusions: list[display.UnitDiffusion]
    comparison: display.ComparisonView | None
    approach: list[display.ApproachUnit]
    names: list[display.NamesUnit]
    merge_form: forms.Form
    summary: list[str]
    diffusion_too_few: str
    min_answers_for_verdict: int
    gap_summary: list[str]
    approach_summary: list[str]
    names_summary: list[str]


@dataclass(frozen=True)
class QuestionPage:
    question: Question
    round: Round
    process: Process
    report: reporting.RoundReport
    analysis: Analysis | None
    qa: QuestionAnalysis | None
    questions: list[Question]
    edits: list[ThemeEdit]
    # None until the analysis has found themes: the page then says why there are none.
    results: QuestionResults | None

    def context(self) -> dict[str, Any]:
        """The template's variables: the results' fields only when there are results."""
        return as_context(self, spread="results")


def _results(
    qa: QuestionAnalysis,
    report: reporting.RoundReport,
    merge_form: forms.Form | None,
) -> QuestionResults:
    texts = display.quotes(report, [a for t in qa.themes for a in t["examples"]])
    themes = display.theme_views(qa, texts)
    units = qa.figures.get("units", [])
    labels = display.unit_labels(units, report.all_groups)
    stale = display.is_stale(qa.analysis, report)
    if stale:
        # The plan changed since the run: group figures could now expose a group.
        labels = {}
    stored_diffusion = qa.figures.get("diffusion")
    shown = [t for t in themes if t.id != NO_ANSWER_ID]
    diffusion = display.diffusion_view(stored_diffusion) if stored_diffusion else None
    comparison = (
        None
        if stale
        else display.comparison_view(
            qa.figures.get("comparison"), labels, {t.id: t.label for t in themes}
        )
    )
    approach = display.approach_views(qa.figures.get("approach"), labels)
    names = display.names_views(qa.figures.get("names"), labels)
    return QuestionResults(
        themes=shown,
        non_answers=next((t.size for t in themes if t.id == NO_ANSWER_ID), 0),
        stale=stale,
        units=[
            UnitCount(label=labels[u["key"]], n=u["n"])
            for u in units
            if u["key"] in labels
        ],
        diffusion=diffusion,
        unit_diffusions=display.unit_diffusions(
            qa.figures.get("diffusion_by_unit", {}), labels
        ),
        comparison=comparison,
        approach=approach,
        names=names,
        merge_form=merge_form or MergeForm(qa=qa),
        summary=summaries.page_summary(shown, diffusion, comparison, approach, names),
        diffusion_too_few=summaries.too_few_for_verdict(diffusion),
        min_answers_for_verdict=summaries.MIN_ANSWERS_FOR_VERDICT,
        gap_summary=summaries.gap_summary(comparison, shown),
        approach_summary=summaries.approach_summary(approach),
        names_summary=summaries.names_summary(names),
    )


def question_page(
    question: Question,
    qa: QuestionAnalysis | None,
    *,
    merge_form: forms.Form | None = None,
) -> QuestionPage:
    round_ = question.round
    report = reporting.round_report(round_)
    return QuestionPage(
        question=question,
        round=round_,
        process=round_.process,
        report=report,
        analysis=qa.analysis if qa else Analysis.objects.filter(round=round_).first(),
        qa=qa,
        questions=text_questions(round_),
        edits=list(
            ThemeEdit.objects.filter(question=question)
            .select_related("author")
            .order_by("-created_at", "-pk")[:EDITS_SHOWN]
        ),
        results=_results(qa, report, merge_form) if qa and qa.themes else None,
    )


def chosen_answers(form: forms.Form | None) -> set[str]:
    """The keys of the answers ticked in a form that came back with an error, to tick them again."""
    if form is None or not hasattr(form.data, "getlist"):
        return set()
    return {str(a) for a in form.data.getlist("answers")}


@dataclass(frozen=True)
class ThemePage:
    question: Question
    round: Round
    process: Process
    qa: QuestionAnalysis
    analysis: Analysis
    theme: dict[str, Any]
    answers: list[display.Quote]
    other_themes: list[dict[str, Any]]
    theme_form: forms.Form
    answers_form: forms.Form
    # Keep the boxes ticked when the form comes back with an error.
    chosen: set[str]


def theme_page(
    question: Question,
    qa: QuestionAnalysis,
    theme_id: str,
    *,
    theme_form: forms.Form | None = None,
    answers_form: forms.Form | None = None,
) -> ThemePage | None:
    """One theme with all its answers; None if the theme is gone (or is the non-answers)."""
    theme = qa.theme(theme_id)
    if theme is None or theme["id"] == NO_ANSWER_ID:
        return None
    report = reporting.round_report(question.round)
    placed = sorted(
        (
            (int(a), p["strength"])
            for a, p in qa.assignments.items()
            if p["theme"] == theme_id
        ),
        # Ties by a keyed hash, not by id: the order must not line people up.
        key=lambda item: (-item[1], reporting.row_order(question.pk, item[0])),
    )
    texts = display.quotes(report, [a for a, _s in placed])
    return ThemePage(
        question=question,
        round=question.round,
        process=question.round.process,
        qa=qa,
        analysis=qa.analysis,
        theme=theme,
        answers=[
            display.Quote(a, texts[a], reporting.answer_key(question.pk, a))
            for a, _s in placed
            if a in texts
        ],
        other_themes=[t for t in qa.themes if t["id"] not in (theme_id, NO_ANSWER_ID)],
        theme_form=theme_form
        or ThemeForm(
            qa=qa,
            initial={
                "theme": theme_id,
                "label": theme["label"],
                "description": theme["description"],
            },
        ),
        answers_form=answers_form or AnswersForm(qa=qa),
        chosen=chosen_answers(answers_form),
    )
