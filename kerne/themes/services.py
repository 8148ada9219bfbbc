"""The analysis of a round: queue it, run it, and the one write path for theme edits."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from kerne.analysis.themes import Embedder, default_embedder
from kerne.processes.models import Round
from kerne.themes import results, tasks  # tasks imports this module too
from kerne.themes.loading import RoundInput, load_round
from kerne.themes.loading import text_questions as text_questions
from kerne.themes.models import Analysis, QuestionAnalysis, ThemeEdit

log = logging.getLogger(__name__)

# A queued run that no worker has started after this long may be asked for again.
STUCK_AFTER = timedelta(minutes=15)
# A running analysis renews its heartbeat this often; one whose heartbeat is older than
# the lease has lost its worker (killed, out of memory, machine gone) and is run again.
HEARTBEAT_EVERY = 20.0  # seconds
LEASE = timedelta(minutes=2)


class AnalysisBusy(Exception):
    """The analysis is running; an edit now would be overwritten by it."""


# --- Running -------------------------------------------------------------------------


@transaction.atomic
def queue_analysis(round_: Round, *, by: User | None = None) -> Analysis:
    """Mark the round's analysis as waiting and hand it to the worker after commit.

    Asking again while a run is waiting or running does nothing, so a double
    click or a close right after "Analysér nu" queues one run, not two.
    """
    analysis, created = Analysis.objects.select_for_update().get_or_create(round=round_)
    now = timezone.now()
    if not created and _in_hand(analysis, now):
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


def _in_hand(analysis: Analysis, now: datetime) -> bool:
    """Whether a worker has the analysis: waiting its turn, or running with a live heartbeat."""
    if analysis.status == Analysis.Status.QUEUED:
        return bool(analysis.queued_at and now - analysis.queued_at < STUCK_AFTER)
    if analysis.status == Analysis.Status.RUNNING:
        beat = analysis.heartbeat_at or analysis.started_at
        return bool(beat and now - beat < LEASE)
    return False


def recover_interrupted_analyses() -> list[int]:
    """Queue again every analysis whose worker died mid-run; the rounds' ids.

    Its stored results are still the last whole run's (a run stores everything in one
    transaction at its end), so nothing half-new was ever shown. Every worker calls
    this when it starts and then every lease, so the next worker takes the run up.
    """
    cutoff = timezone.now() - LEASE
    recovered = []
    candidates = Analysis.objects.filter(status=Analysis.Status.RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    )
    for round_id in candidates.values_list("round_id", flat=True):
        with transaction.atomic():
            analysis = Analysis.objects.select_for_update().get(round_id=round_id)
            if analysis.status != Analysis.Status.RUNNING or _in_hand(
                analysis, timezone.now()
            ):
                continue
            log.warning(
                "The analysis of round %s lost its worker; queued again", round_id
            )
            analysis.status = Analysis.Status.QUEUED
            analysis.queued_at = timezone.now()
            analysis.progress = 0
            analysis.step = 0
            analysis.save(update_fields=["status", "queued_at", "progress", "step"])
            transaction.on_commit(partial(tasks.run_round_analysis.enqueue, round_id))
            recovered.append(round_id)
    return recovered


@contextmanager
def heartbeat(analysis: Analysis, every: float = HEARTBEAT_EVERY) -> Iterator[None]:
    """Renew the analysis's heartbeat from a thread while the block runs."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(every):
                try:
                    Analysis.objects.filter(
                        pk=analysis.pk, status=Analysis.Status.RUNNING
                    ).update(heartbeat_at=timezone.now())
                except DatabaseError:
                    # A missed beat is not the run's failure; the next one may land.
                    log.warning(
                        "Could not renew the heartbeat of analysis %s", analysis.pk
                    )
        finally:
            connection.close()  # the thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{analysis.pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@transaction.atomic
def start_analysis(round_: Round, *, steps: int) -> Analysis:
    analysis, _created = Analysis.objects.select_for_update().get_or_create(
        round=round_
    )
    analysis.status = Analysis.Status.RUNNING
    analysis.progress = 0
    analysis.step, analysis.steps = 0, steps
    analysis.started_at = analysis.heartbeat_at = timezone.now()
    analysis.finished_at = None
    analysis.error = ""
    analysis.save()
    return analysis


@transaction.atomic
def set_progress(analysis: Analysis, *, step: int) -> None:
    analysis.step = step
    analysis.progress = round(100 * (step - 1) / max(analysis.steps, 1))
    analysis.heartbeat_at = timezone.now()
    analysis.save(update_fields=["step", "progress", "heartbeat_at"])


@transaction.atomic
def store_analysis(
    analysis: Analysis,
    *,
    loaded: RoundInput,
    found: Sequence[results.QuestionResult],
) -> None:
    """Store every question's result and finish the run, in one transaction.

    A run that fails on its last question leaves the previous results whole.
    """
    for question_id, result in zip(loaded.question_ids, found, strict=True):
        QuestionAnalysis.objects.update_or_create(
            analysis=analysis,
            question_id=question_id,
            defaults={
                "guided": result.guided,
                "data_hash": result.data_hash,
                "themes": result.themes,
                "assignments": result.assignments,
                "figures": result.figures,
            },
        )
    analysis.questions.exclude(question_id__in=loaded.question_ids).delete()
    analysis.status = Analysis.Status.DONE
    analysis.progress = 100
    analysis.finished_at = timezone.now()
    analysis.threshold = loaded.threshold
    analysis.group_ids = loaded.group_ids
    # The engine of the last question that was themed (one with nothing to show is not).
    analysis.engine = next((r.engine for r in reversed(found) if r.engine), "")
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
    """Theme every open question of the round: load → analyse → store.

    The load step reads the database once and plans each question
    (`kerne.themes.loading`); the analysis is pure (`results.analyse_question`);
    one transaction stores it. Each step's progress commits, so the page sees it.
    """
    questions = text_questions(round_)
    analysis = start_analysis(round_, steps=len(questions))
    try:
        with heartbeat(analysis):
            loaded = load_round(round_, questions, analysis)
            embedder = theme_embedder() if questions and not words_only else None
            found = []
            for step, planned in enumerate(loaded.questions, start=1):
                set_progress(analysis, step=step)
                _pause_for_tests()
                found.append(results.analyse_question(planned, embedder=embedder))
            store_analysis(analysis, loaded=loaded, found=found)
    except Exception as exc:
        log.exception("The analysis of round %s failed", round_.pk)
        fail_analysis(analysis, error=f"{type(exc).__name__}: {exc}")
    analysis.refresh_from_db()
    return analysis


def _pause_for_tests() -> None:
    # The test that kills a worker mid-run needs a run slow enough to kill.
    if settings.TESTING and (pause := os.environ.get("KERNE_TEST_ANALYSIS_PAUSE")):
        time.sleep(float(pause))


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
