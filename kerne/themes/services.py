"""The analysis of a round: queue it, run it, and the one write path for theme edits."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from kerne.analysis.themes import OTHER_ID, Embedder, default_embedder
from kerne.participation import reporting
from kerne.processes.models import Question, Round
from kerne.processes.services import access_question, access_round
from kerne.themes import results, tasks  # tasks imports this module too
from kerne.themes.models import Analysis, QuestionAnalysis, ThemeEdit

log = logging.getLogger(__name__)

# A run that has not finished after this long is taken to have died with its worker.
STUCK_AFTER = timedelta(minutes=15)


class AnalysisBusy(Exception):
    """The analysis is running; an edit now would be overwritten by it."""


# --- Reads ---------------------------------------------------------------------------


def access_analysis(user: User, round_pk: int) -> tuple[Round, Analysis | None]:
    round_ = access_round(user, round_pk)
    return round_, Analysis.objects.filter(round=round_).first()


def access_question_analysis(
    user: User, question_pk: int
) -> tuple[Question, QuestionAnalysis | None]:
    question = access_question(user, question_pk)
    qa = (
        QuestionAnalysis.objects.select_related("analysis")
        .filter(question=question, analysis__round_id=question.round_id)
        .first()
    )
    return question, qa


def text_questions(round_: Round) -> list[Question]:
    return list(round_.questions.filter(kind=Question.Kind.TEXT))


def pins_from_edits(edits: Iterable[ThemeEdit]) -> dict[int, str]:
    """Where the facilitator explicitly put answers, after later merges and deletions."""
    pins: dict[int, str] = {}
    for edit in edits:
        if edit.kind in (ThemeEdit.Kind.MOVE, ThemeEdit.Kind.SPLIT):
            for answer_id in edit.details.get("answers", []):
                pins[int(answer_id)] = edit.theme_id
        elif edit.kind == ThemeEdit.Kind.MERGE:
            merged = set(edit.details.get("merged", []))
            pins = {a: edit.theme_id if t in merged else t for a, t in pins.items()}
        elif edit.kind == ThemeEdit.Kind.DELETE:
            pins = {a: OTHER_ID if t == edit.theme_id else t for a, t in pins.items()}
    return pins


# --- Running -------------------------------------------------------------------------


@transaction.atomic
def queue_analysis(round_: Round, *, by: User | None = None) -> Analysis:
    """Mark the round's analysis as waiting and hand it to the worker after commit.

    Asking again while a run is waiting or running does nothing, so a double
    click or a close right after "Analysér nu" queues one run, not two.
    """
    analysis, created = Analysis.objects.select_for_update().get_or_create(round=round_)
    now = timezone.now()
    since = analysis.started_at or analysis.queued_at
    if not created and analysis.is_active() and since and now - since < STUCK_AFTER:
        return analysis
    analysis.status = Analysis.Status.QUEUED
    analysis.progress = 0
    analysis.step = analysis.steps = 0
    analysis.queued_at = now
    analysis.error = ""
    analysis.requested_by = by
    analysis.save()
    transaction.on_commit(lambda: tasks.run_round_analysis.enqueue(round_.pk))
    return analysis


@transaction.atomic
def start_analysis(round_: Round, *, steps: int) -> Analysis:
    analysis, _created = Analysis.objects.select_for_update().get_or_create(
        round=round_
    )
    analysis.status = Analysis.Status.RUNNING
    analysis.progress = 0
    analysis.step, analysis.steps = 0, steps
    analysis.started_at = timezone.now()
    analysis.finished_at = None
    analysis.error = ""
    analysis.save()
    return analysis


@transaction.atomic
def set_progress(analysis: Analysis, *, step: int) -> None:
    analysis.step = step
    analysis.progress = round(100 * (step - 1) / max(analysis.steps, 1))
    analysis.save(update_fields=["step", "progress"])


@transaction.atomic
def save_question_result(
    analysis: Analysis, question: Question, result: results.QuestionResult
) -> QuestionAnalysis:
    qa, _created = QuestionAnalysis.objects.update_or_create(
        analysis=analysis,
        question=question,
        defaults={
            "guided": result.guided,
            "data_hash": result.data_hash,
            "themes": result.themes,
            "assignments": result.assignments,
            "figures": result.figures,
        },
    )
    return qa


@transaction.atomic
def finish_analysis(
    analysis: Analysis,
    *,
    report: reporting.RoundReport,
    questions: list[Question],
    engine: str,
) -> None:
    analysis.questions.exclude(question__in=questions).delete()
    analysis.status = Analysis.Status.DONE
    analysis.progress = 100
    analysis.finished_at = timezone.now()
    analysis.threshold = report.threshold
    analysis.group_ids = sorted(report.shown_group_ids())
    analysis.engine = engine
    analysis.save()


@transaction.atomic
def fail_analysis(analysis: Analysis, *, error: str) -> None:
    analysis.status = Analysis.Status.FAILED
    analysis.finished_at = timezone.now()
    analysis.error = error[:2000]
    analysis.save(update_fields=["status", "finished_at", "error"])


def theme_embedder() -> Embedder | None:
    """The sentence-embedding model for theming, or None for words only."""
    return default_embedder() if settings.THEME_EMBEDDINGS else None


def run_analysis(round_: Round, *, words_only: bool = False) -> Analysis:
    """Theme every open question of the round; each step commits, so the page sees progress.

    Only answers the round's report may show enter the analysis. A question whose
    themes the facilitator has edited is re-assigned to those themes (guided
    mode), and the answers the facilitator moved are put back where they were put.
    A question whose answers have hardly changed keeps its previous themes.
    """
    questions = text_questions(round_)
    analysis = start_analysis(round_, steps=len(questions))
    try:
        report = reporting.round_report(round_)
        rows = _answer_rows(report, questions)
        units = [results.ReportUnitRow(u.key, u.group_ids) for u in report.units]
        sides = {g.pk: g.side for g in report.all_groups}
        previous = {qa.question_id: qa for qa in analysis.questions.all()}
        edits: dict[int, list[ThemeEdit]] = {}
        for edit in ThemeEdit.objects.filter(question__in=questions):
            edits.setdefault(edit.question_id, []).append(edit)
        process = round_.process
        names = results.name_stop_words(process.unit.name, process.title)
        engine = ""
        embedder = theme_embedder() if questions and not words_only else None
        for step, question in enumerate(questions, start=1):
            set_progress(analysis, step=step)
            signed_off = edits.get(question.pk, [])
            before = previous.get(question.pk)
            result = results.analyse_question(
                rows.get(question.pk, []),
                question=question.prompt,
                dimension=question.dimension,
                report_units=units,
                sides=sides,
                threshold=report.threshold,
                given=before.themes if before and signed_off else (),
                pins=pins_from_edits(signed_off),
                extra_stop_words=names,
                previous=(
                    results.Previous(before.themes, before.assignments)
                    if before and not before.guided
                    else None
                ),
                embedder=embedder,
            )
            save_question_result(analysis, question, result)
            engine = result.engine
        finish_analysis(analysis, report=report, questions=questions, engine=engine)
    except Exception as exc:
        log.exception("The analysis of round %s failed", round_.pk)
        fail_analysis(analysis, error=f"{type(exc).__name__}: {exc}")
    analysis.refresh_from_db()
    return analysis


def _answer_rows(
    report: reporting.RoundReport, questions: Sequence[Question]
) -> dict[int, list[results.AnswerRow]]:
    rows: dict[int, list[results.AnswerRow]] = {}
    answers = (
        reporting.visible_answers(report)
        .filter(question__in=questions)
        .exclude(text="")
        .order_by("pk")
        .values_list("pk", "question_id", "text", "respondent__group_id")
    )
    for pk, question_id, text, group_id in answers:
        if text.strip():
            rows.setdefault(question_id, []).append(
                results.AnswerRow(pk, text, group_id)
            )
    return rows


# --- Edits ---------------------------------------------------------------------------


def _lock(qa: QuestionAnalysis) -> QuestionAnalysis:
    locked = (
        QuestionAnalysis.objects.select_for_update()
        .select_related("analysis")
        .get(pk=qa.pk)
    )
    if locked.analysis.is_active():
        raise AnalysisBusy
    return locked


def _save_edit(
    qa: QuestionAnalysis,
    kind: ThemeEdit.Kind,
    theme_id: str,
    details: dict[str, Any],
    by: User | None,
) -> ThemeEdit:
    if kind not in (ThemeEdit.Kind.RENAME, ThemeEdit.Kind.DESCRIBE):
        # Cheap (milliseconds): statistics over stored assignments, not the theme engine.
        units: list[results.UnitData] = qa.figures.get("units", [])
        figures = dict(qa.figures)
        figures.update(
            results.theme_figures(
                qa.themes, qa.assignments, units, qa.analysis.threshold or 1
            )
        )
        qa.figures = figures
    qa.save(update_fields=["themes", "assignments", "figures", "updated_at"])
    return ThemeEdit.objects.create(
        question=qa.question, kind=kind, theme_id=theme_id, details=details, author=by
    )


@transaction.atomic
def edit_theme(
    qa: QuestionAnalysis,
    theme_id: str,
    *,
    label: str,
    description: str,
    by: User | None,
) -> list[ThemeEdit]:
    """Rename and/or describe a theme; one history entry per change."""
    qa = _lock(qa)
    theme = qa.theme(theme_id)
    if theme is None or theme["bucket"]:
        raise results.EditError(theme_id)
    made = []
    if label != theme["label"]:
        before = results.rename(qa.themes, theme_id, label)
        made.append(
            _save_edit(
                qa,
                ThemeEdit.Kind.RENAME,
                theme_id,
                {"before": before, "label": label},
                by,
            )
        )
    if description != theme["description"]:
        before = results.describe(qa.themes, theme_id, description)
        made.append(
            _save_edit(
                qa,
                ThemeEdit.Kind.DESCRIBE,
                theme_id,
                {"label": label, "before": before, "description": description},
                by,
            )
        )
    return made


@transaction.atomic
def merge_themes(
    qa: QuestionAnalysis, theme_ids: Sequence[str], *, label: str, by: User | None
) -> ThemeEdit:
    qa = _lock(qa)
    labels = [t["label"] for tid in theme_ids if (t := qa.theme(tid)) is not None]
    target = results.merge(qa.themes, qa.assignments, theme_ids, label)
    return _save_edit(
        qa,
        ThemeEdit.Kind.MERGE,
        target["id"],
        {"merged": list(theme_ids[1:]), "labels": labels, "label": target["label"]},
        by,
    )


@transaction.atomic
def split_theme(
    qa: QuestionAnalysis,
    answer_ids: Sequence[int],
    *,
    label: str,
    description: str = "",
    by: User | None,
) -> ThemeEdit:
    qa = _lock(qa)
    sources = sorted(
        {
            qa.assignments[str(a)]["theme"]
            for a in answer_ids
            if str(a) in qa.assignments
        }
    )
    new = results.split(qa.themes, qa.assignments, answer_ids, label, description)
    return _save_edit(
        qa,
        ThemeEdit.Kind.SPLIT,
        new["id"],
        {"answers": list(answer_ids), "label": label, "from": sources},
        by,
    )


@transaction.atomic
def delete_theme(qa: QuestionAnalysis, theme_id: str, *, by: User | None) -> ThemeEdit:
    qa = _lock(qa)
    theme = results.delete(qa.themes, qa.assignments, theme_id)
    return _save_edit(
        qa, ThemeEdit.Kind.DELETE, theme_id, {"label": theme["label"]}, by
    )


@transaction.atomic
def move_answers(
    qa: QuestionAnalysis, answer_ids: Sequence[int], theme_id: str, *, by: User | None
) -> ThemeEdit:
    qa = _lock(qa)
    target = results.move(qa.themes, qa.assignments, answer_ids, theme_id)
    return _save_edit(
        qa,
        ThemeEdit.Kind.MOVE,
        theme_id,
        {"answers": list(answer_ids), "label": target["label"]},
        by,
    )


def analyse_round_now(round_: Round, *, words_only: bool = False) -> Analysis:
    """Run the analysis in this process (the demo loader; never in a request)."""
    return run_analysis(round_, words_only=words_only)
