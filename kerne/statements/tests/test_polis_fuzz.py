"""Hostile Polis exports: the importer takes them or says in Danish what is wrong, never more.

The files are built from the fields attackers and broken tools produce: numbers out of range
or not whole, ids beyond 64 bits, NUL bytes (which PostgreSQL refuses), fields longer than the
csv module reads, stray quotes and missing values. Each example runs the real import into the
database, so a DataError or an OverflowError would fail the test.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from kerne.analysis.polis_io import PolisFormatError
from kerne.statements.models import Statement
from kerne.statements.polis import import_polis
from kerne.testing import make_organisation, make_unit

NUMBERS = st.sampled_from(
    [
        "0",
        "1",
        "-1",
        "2",
        "0.5",
        "1e30",
        "-5",
        "nan",
        "inf",
        "",
        " 7 ",
        "99999999999999999999",
        "253402300800000",
        "1500000000000",
        "x",
        '"1"',
    ]
)
IDS = st.one_of(NUMBERS, st.text(max_size=12))
TEXT = st.one_of(
    st.text(max_size=60),
    st.just("før\x00efter"),
    st.just('=HYPERLINK("http://evil.example")'),
    st.just("x" * 140_000),
)
VOTE_ROW = st.tuples(NUMBERS, IDS, IDS, NUMBERS)
COMMENT_ROW = st.tuples(NUMBERS, IDS, IDS, NUMBERS, TEXT)


def write(
    folder: Path, votes: list[tuple[str, ...]], comments: list[tuple[str, ...]]
) -> None:
    with (folder / "votes.csv").open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["timestamp", "datetime", "comment-id", "voter-id", "vote"])
        out.writerows((t, "x", c, v, vote) for t, c, v, vote in votes)
    with (folder / "comments.csv").open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(
            [
                "timestamp",
                "datetime",
                "comment-id",
                "author-id",
                "agrees",
                "disagrees",
                "moderated",
                "comment-body",
            ]
        )
        out.writerows(
            (t, "x", c, a, "0", "0", m, body) for t, c, a, m, body in comments
        )


class HostilePolisFilesTests(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.unit = make_unit(make_organisation())

    @settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(VOTE_ROW, max_size=6), st.lists(COMMENT_ROW, max_size=4))
    @example(votes=[("1e30", "1", "1", "1")], comments=[])
    @example(votes=[("1", "99999999999999999999", "1", "1")], comments=[])
    @example(votes=[("1", "1", "1", "0.5")], comments=[])
    @example(
        votes=[("1", "1", "1", "1")], comments=[("1", "1", "1", "1", "før\x00efter")]
    )
    @example(votes=[], comments=[("1", "1", "1", "1", "x" * 140_000)])
    @example(votes=[], comments=[("253402300800000", "1", "1", "1", "Fremtiden")])
    def test_the_import_takes_the_file_or_says_what_is_wrong(self, votes, comments):
        with tempfile.TemporaryDirectory() as folder:
            write(Path(folder), votes, comments)
            try:
                process = import_polis(Path(folder), unit=self.unit)
            except PolisFormatError as error:
                message = str(error)
                assert "\n" not in message and len(message) < 400
                assert "Traceback" not in message
            else:
                texts = Statement.objects.filter(process=process).values_list(
                    "text", flat=True
                )
                assert not any("\x00" in text for text in texts)

    def test_a_half_vote_is_refused_not_counted_as_a_pass(self):
        with tempfile.TemporaryDirectory() as folder:
            write(Path(folder), [("1", "1", "1", "0.5")], [])
            with self.assertRaisesMessage(
                PolisFormatError,
                "votes.csv:2: stemmen skal være et helt tal, ikke '0.5'",
            ):
                import_polis(Path(folder), unit=self.unit)
