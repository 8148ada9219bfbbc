"""`kerne backup` and `kerne restore` round-trip a database with a real process in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from kerne.cli import main
from kerne.participation.models import Answer, Respondent
from kerne.processes.models import Process
from kerne.processes.services import open_round
from kerne.testing import add_respondents, make_organisation, make_process, make_unit


def snapshot() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    answers = list(
        Answer.objects.order_by("pk").values_list("pk", "text", "question_id")
    )
    respondents = list(
        Respondent.objects.order_by("pk").values_list("pk", "receipt_code", "group_id")
    )
    return answers, respondents


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row(tmp_path: Path, capsys) -> None:
    process = make_process(make_unit(make_organisation()))
    open_round(process.rounds.get())
    add_respondents(process.rounds.get(), "medarbejder", 5, text="Tid til borgeren")
    before = snapshot()
    assert len(before[1]) == 5 and before[0]

    copy = tmp_path / "kerne.backup"
    assert main(["backup", str(copy)]) == 0
    assert copy.stat().st_size > 0

    # After the backup: the process is deleted and a stray answer is added.
    Process.objects.all().delete()
    assert Answer.objects.count() == 0
    assert main(["restore", str(copy)]) == 2  # refused without --yes
    assert Answer.objects.count() == 0

    assert main(["restore", str(copy), "--yes"]) == 0
    connection.close()
    assert snapshot() == before
    assert Process.objects.get().pk == process.pk


@pytest.mark.django_db(transaction=True)
def test_a_file_that_is_no_backup_is_refused(tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "not-a-backup"
    bogus.write_text("hello")
    assert main(["restore", str(bogus), "--yes"]) == 1
    assert "er ikke en sikkerhedskopi" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "missing"), "--yes"]) == 1
