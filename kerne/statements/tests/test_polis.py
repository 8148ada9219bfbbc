from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

from kerne.analysis.polis_io import read_polis_export
from kerne.cli import main
from kerne.statements.models import Statement, Vote, VoteEvent
from kerne.statements.polis import export_polis, import_polis
from kerne.testing import BaseTestCase

OPENDATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "polis-opendata"

VOTES = """timestamp,datetime,comment-id,voter-id,vote
1500000000000,x,0,0,1
1500000001000,x,1,0,-1
1500000002000,x,0,1,-1
1500000003000,x,1,1,0
1500000004000,x,2,1,1
1500100000000,x,0,0,-1
"""
COMMENTS = """timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
1500000000000,x,0,0,0,0,1,Faste hjælpere betyder mest.
1500000000000,x,1,0,0,0,1,"Dokumentation, også når det er svært."
1500000000000,x,2,1,0,0,-1,Afvist udsagn.
"""


def latest(directory: Path) -> set[tuple[int, int, int]]:
    votes = read_polis_export(directory).votes.latest()
    return {
        (int(votes.participant_ids[p]), int(votes.statement_ids[s]), int(v))
        for p, s, v in zip(votes.participant, votes.statement, votes.vote, strict=True)
    }


class PolisRoundTripTests(BaseTestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        (self.tmp / "in").mkdir()
        (self.tmp / "in" / "votes.csv").write_text(VOTES, encoding="utf-8")
        (self.tmp / "in" / "comments.csv").write_text(COMMENTS, encoding="utf-8")

    def test_it_imports_statements_respondents_and_votes(self):
        process = import_polis(self.tmp / "in", unit=self.unit, title="Fra Polis")
        assert process.title == "Fra Polis"
        statuses = list(
            Statement.objects.filter(process=process).values_list("status", flat=True)
        )
        assert statuses == ["published", "published", "rejected"]
        assert Vote.objects.filter(statement__process=process).count() == 5
        assert VoteEvent.objects.filter(statement__process=process).count() == 6
        # Voter 0 agreed with comment 0, then changed to disagree a day later.
        first = Vote.objects.get(statement__polis_id=1, value=-1).respondent
        assert Vote.objects.get(respondent=first, statement__polis_id=0).value == -1

    def test_export_gives_back_what_was_imported(self):
        process = import_polis(self.tmp / "in", unit=self.unit)
        written, statements = export_polis(process, self.tmp / "out")
        assert (written, statements) == (6, 3)
        assert latest(self.tmp / "out") == latest(self.tmp / "in")
        back = read_polis_export(self.tmp / "out")
        assert [c.text for c in back.comments] == [
            "Faste hjælpere betyder mest.",
            "Dokumentation, også når det er svært.",
            "Afvist udsagn.",
        ]
        assert [c.moderated for c in back.comments] == [1, 1, -1]
        # Only the day is kept: the change on a later day still comes last.
        log = back.votes
        assert np.all(np.diff(log.timestamp) >= 0)

    def test_the_command_line_imports_and_exports(self):
        assert (
            main(
                [
                    "import",
                    "polis",
                    str(self.tmp / "in"),
                    "--unit",
                    str(self.unit.pk),
                    "--title",
                    "CLI",
                ]
            )
            == 0
        )
        process = self.unit.processes.get(title="CLI")
        assert main(["export", "polis", str(process.pk), str(self.tmp / "cli")]) == 0
        assert (self.tmp / "cli" / "votes.csv").exists()
        assert (
            main(["import", "polis", str(self.tmp), "--unit", str(self.unit.pk)]) == 2
        )

    def test_a_real_conversation_round_trips(self):
        source = OPENDATA / "15-per-hour-seattle"
        started = time.perf_counter()
        process = import_polis(source, unit=self.unit)
        export_polis(process, self.tmp / "seattle")
        print(f"15-per-hour-seattle round trip: {time.perf_counter() - started:.2f} s")
        # Voters are renumbered 0, 1, … in the order of their Polis ids (authors included).
        export = read_polis_export(source)
        people = sorted(
            set(export.votes.voter_id.tolist())
            | {int(c.author_id) for c in export.comments if str(c.author_id).strip()}
        )
        rank = {pid: i for i, pid in enumerate(people)}
        expected = {(rank[p], s, v) for p, s, v in latest(source)}
        assert latest(self.tmp / "seattle") == expected
