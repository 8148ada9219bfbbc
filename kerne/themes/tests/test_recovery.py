"""An analysis whose worker dies: the old results stay whole, and the next worker runs it again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from kerne.processes.services import close_round, open_round
from kerne.testing import (
    BaseTestCase,
    add_respondents,
    make_organisation,
    make_process,
    make_unit,
)
from kerne.themes.models import Analysis, QuestionAnalysis
from kerne.themes.services import (
    LEASE,
    queue_analysis,
    recover_interrupted_analyses,
    run_analysis,
)

ROOT = Path(__file__).resolve().parents[3]


class RecoveryTests(BaseTestCase):
    def running(self, beat_age) -> Analysis:
        analysis = Analysis.objects.create(
            round=self.round,
            status=Analysis.Status.RUNNING,
            started_at=timezone.now() - beat_age,
            heartbeat_at=timezone.now() - beat_age,
        )
        return analysis

    def test_a_run_with_a_live_heartbeat_is_left_alone(self):
        analysis = self.running(LEASE / 2)
        assert recover_interrupted_analyses() == []
        assert queue_analysis(self.round) == analysis
        analysis.refresh_from_db()
        assert analysis.status == Analysis.Status.RUNNING

    def test_a_run_whose_heartbeat_stopped_is_queued_again(self):
        analysis = self.running(LEASE * 2)
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            assert recover_interrupted_analyses() == [self.round.pk]
        assert len(callbacks) == 1  # the task is handed to the worker after commit
        analysis.refresh_from_db()
        assert analysis.status == Analysis.Status.QUEUED
        assert (analysis.step, analysis.progress) == (0, 0)

    def test_asking_again_for_a_run_whose_worker_died_queues_it(self):
        # "Analysér nu" on a dead run used to do nothing for 15 minutes.
        self.running(LEASE * 2)
        analysis = queue_analysis(self.round)
        assert analysis.status == Analysis.Status.QUEUED


def _database_url() -> str:
    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    user, host, port = settings["USER"], settings["HOST"], settings["PORT"]
    return f"postgres://{user}@{host or '127.0.0.1'}:{port or 5432}/{settings['NAME']}"


def _worker(pause: float) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "KERNE_TESTING": "1",
        "KERNE_TEST_ANALYSIS_PAUSE": str(pause),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "kerne.cli", "worker", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(condition: Callable[[], bool], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.2)


def _stored(round_id: int) -> dict[int, str]:
    return dict(
        QuestionAnalysis.objects.filter(analysis__round_id=round_id).values_list(
            "question_id", "data_hash"
        )
    )


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_leaves_the_old_results_whole_and_the_next_worker_runs_again():
    process = make_process(make_unit(make_organisation()))
    round_ = process.rounds.get()
    open_round(round_)
    add_respondents(round_, "medarbejder", 6, text="Faste hjælpere og tid til samtalen")
    add_respondents(round_, "borger", 6, text="At de kommer til tiden og kender mig")
    run_analysis(round_)
    before = _stored(round_.pk)
    assert len(before) >= 2  # more than one question, so a run can die between them

    add_respondents(round_, "medarbejder", 3, text="Mere tid med borgeren selv")
    close_round(round_)  # queues a new run for the worker
    worker = _worker(pause=2.0)
    try:
        _wait_for(
            lambda: Analysis.objects.filter(
                round=round_, status=Analysis.Status.RUNNING, step__gte=2
            ).exists()
        )
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    analysis = Analysis.objects.get(round=round_)
    assert analysis.status == Analysis.Status.RUNNING  # what the dead worker left
    # Nothing of the interrupted run is stored: every question still has the old result.
    assert _stored(round_.pk) == before

    # The lease runs out (instead of waiting two minutes, the heartbeat is made old).
    Analysis.objects.filter(pk=analysis.pk).update(
        heartbeat_at=timezone.now() - LEASE * 2
    )
    worker = _worker(pause=0)
    try:
        _wait_for(
            lambda: Analysis.objects.filter(
                round=round_, status=Analysis.Status.DONE
            ).exists()
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
    after = _stored(round_.pk)
    assert set(after) == set(before)
    assert all(after[q] != before[q] for q in after)  # every question from the new run
