"""Read and write Polis's export format (votes.csv, comments.csv).

Polis's CSV set is the de-facto interchange format for agree/disagree
conversations (red-dwarf, Agora and compdemocracy/openData all use it), so
speaking it lets a facilitator bring a Polis conversation into Kerne and take
ours out. Votes in the export are +1 agree, -1 disagree, 0 pass, the same sign
as ours (Polis's own database stores them flipped).
"""

from __future__ import annotations

import csv
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from kerne.analysis.opinions import Votes, entry_votes
from kerne.lib.spreadsheets import one_line_break, plain_text, text_cell

VOTE_COLUMNS = ("timestamp", "datetime", "comment-id", "voter-id", "vote")
COMMENT_COLUMNS = (
    "timestamp",
    "datetime",
    "comment-id",
    "author-id",
    "agrees",
    "disagrees",
    "moderated",
    "comment-body",
)
# Polis writes the server's local time in JavaScript's Date format; we write UTC.
DATETIME_FORMAT = "%a %b %d %H:%M:%S UTC %Y"


class PolisFormatError(ValueError):
    """The directory or a file in it is not a readable Polis export."""


@dataclass(frozen=True)
class VoteLog:
    """Every vote event in file order; `latest()` gives the votes that count."""

    timestamp: npt.NDArray[np.int64]  # milliseconds since the epoch
    comment_id: npt.NDArray[Any]
    voter_id: npt.NDArray[Any]
    vote: npt.NDArray[np.int8]

    def latest(self) -> Votes:
        # A stable sort keeps file order among equal timestamps, so of two votes
        # in the same millisecond the one written last wins.
        if np.all(np.diff(self.timestamp) >= 0):
            return Votes.from_triples(self.voter_id, self.comment_id, self.vote)
        order = np.argsort(self.timestamp, kind="stable")
        return Votes.from_triples(
            self.voter_id[order], self.comment_id[order], self.vote[order]
        )

    def members(self, *, min_votes: int = 7, latest: Votes | None = None) -> list[Any]:
        """Voters who entered the opinion map at some moment, by Polis's historical rule.

        The votes are replayed in time order, moderated-out statements
        included: Polis counts a participant's votes and the conversation's
        statements before moderation (`raw-rating-mat`). Whoever has voted on
        `min_votes` statements by now entered by then at the latest, so with
        `latest` (this log's latest votes) only the others are replayed.
        """
        if np.all(np.diff(self.timestamp) >= 0):
            voters, comments = self.voter_id, self.comment_id
        else:
            order = np.argsort(self.timestamp, kind="stable")
            voters, comments = self.voter_id[order], self.comment_id[order]
        if latest is None:
            entered = entry_votes(voters, comments, min_votes=min_votes)
            return list(voters[entered].tolist())
        counts = latest.votes_per_participant()
        surely = latest.participant_ids[counts >= min_votes]
        unsure = latest.participant_ids[counts < min_votes]
        if len(unsure) == 0:
            return list(surely.tolist())
        among = np.isin(voters, unsure)
        entered = entry_votes(voters, comments, min_votes=min_votes, among=among)
        return list(surely.tolist()) + list(voters[entered].tolist())


@dataclass(frozen=True)
class PolisComment:
    comment_id: Any
    text: str
    moderated: int = 0  # -1 rejected, 0 not yet moderated, 1 accepted
    author_id: Any = ""
    timestamp: int = 0
    is_meta: bool = False
    agrees: int = 0
    disagrees: int = 0


@dataclass(frozen=True)
class PolisExport:
    votes: VoteLog
    comments: tuple[PolisComment, ...]

    def excluded_statement_ids(self) -> list[Any]:
        """Statements the analysis must ignore: rejected by a moderator, or meta."""
        return [c.comment_id for c in self.comments if c.moderated == -1 or c.is_meta]


def read_polis_export(directory: Path) -> PolisExport:
    directory = Path(directory)
    if not directory.is_dir():
        raise PolisFormatError(f"{directory}: not a directory")
    votes = read_vote_log(directory / "votes.csv")
    comments_path = directory / "comments.csv"
    comments = read_comments(comments_path) if comments_path.exists() else ()
    return PolisExport(votes, comments)


def read_vote_log(path: Path) -> VoteLog:
    header = _header(path, required=("comment-id", "voter-id", "vote"))
    try:
        return _read_votes_fast(path, header)
    except ValueError:
        # Non-numeric ids (e.g. XIDs) or stray quoting: the csv module copes.
        return _read_votes_slow(path, header)


def _read_votes_fast(path: Path, header: list[str]) -> VoteLog:
    """Parse an all-numeric votes.csv in C; ~10× faster than the csv module."""
    has_time = "timestamp" in header
    names = (["timestamp"] if has_time else []) + ["comment-id", "voter-id", "vote"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numpy warns about an empty file
        table = np.loadtxt(
            path,
            delimiter=",",
            skiprows=1,
            usecols=[header.index(n) for n in names],
            dtype=np.int64,
            quotechar='"',
            ndmin=2,
            encoding="utf-8-sig",
        )
    if table.shape[1] != len(names):
        table = np.zeros((0, len(names)), dtype=np.int64)
    cols = dict(zip(names, table.T, strict=True))
    timestamp = cols["timestamp"] if has_time else np.zeros(len(table), dtype=np.int64)
    return _vote_log(
        timestamp, cols["comment-id"], cols["voter-id"], cols["vote"], path
    )


def _read_votes_slow(path: Path, header: list[str]) -> VoteLog:
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    try:
        timestamp = np.array(
            [int(float(r.get("timestamp") or 0)) for r in rows], dtype=np.int64
        )
        vote = np.array([int(float(r["vote"])) for r in rows], dtype=np.int64)
    except (TypeError, ValueError) as exc:
        raise PolisFormatError(
            f"{path}: timestamp and vote must be numbers ({exc})"
        ) from exc
    comment_id = _ids([r["comment-id"] for r in rows])
    voter_id = _ids([r["voter-id"] for r in rows])
    return _vote_log(timestamp, comment_id, voter_id, vote, path)


def _vote_log(
    timestamp: Any, comment_id: Any, voter_id: Any, vote: Any, path: Path
) -> VoteLog:
    bad = (vote != 1) & (vote != 0) & (vote != -1)
    if bad.any():
        line = int(np.flatnonzero(bad)[0]) + 2
        raise PolisFormatError(
            f"{path}:{line}: vote must be -1, 0 or 1, not {vote[bad][0]}"
        )
    return VoteLog(
        np.asarray(timestamp, np.int64), comment_id, voter_id, np.asarray(vote, np.int8)
    )


def read_comments(path: Path) -> tuple[PolisComment, ...]:
    _header(path, required=("comment-id",))
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    ids = _ids([r["comment-id"] for r in rows])
    try:
        return tuple(
            PolisComment(
                comment_id=cid,
                text=plain_text(r.get("comment-body") or ""),
                moderated=int(float(r.get("moderated") or 0)),
                author_id=r.get("author-id") or "",
                timestamp=int(float(r.get("timestamp") or 0)),
                is_meta=(r.get("is-meta") or "").strip().lower() in {"1", "true", "t"},
                agrees=int(float(r.get("agrees") or 0)),
                disagrees=int(float(r.get("disagrees") or 0)),
            )
            for cid, r in zip(ids.tolist(), rows, strict=True)
        )
    except ValueError as exc:
        raise PolisFormatError(f"{path}: a numeric column holds text ({exc})") from exc


def write_polis_export(
    directory: Path, votes: VoteLog, comments: Sequence[PolisComment]
) -> None:
    """Write votes.csv and comments.csv; agree/disagree counts come from the latest votes."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    write_vote_log(directory / "votes.csv", votes)
    latest = votes.latest()
    agree = np.bincount(
        latest.statement, weights=latest.vote == 1, minlength=latest.n_statements
    )
    disagree = np.bincount(
        latest.statement, weights=latest.vote == -1, minlength=latest.n_statements
    )
    counts = {
        sid: (int(a), int(d))
        for sid, a, d in zip(
            latest.statement_ids.tolist(),
            agree.tolist(),
            disagree.tolist(),
            strict=True,
        )
    }
    write_comments(directory / "comments.csv", comments, counts)


def write_vote_log(path: Path, votes: VoteLog) -> None:
    stamps = _datetimes(votes.timestamp)
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(VOTE_COLUMNS)
        out.writerows(
            zip(
                votes.timestamp.tolist(),
                stamps,
                votes.comment_id.tolist(),
                votes.voter_id.tolist(),
                votes.vote.tolist(),
                strict=True,
            )
        )


def write_comments(
    path: Path,
    comments: Sequence[PolisComment],
    counts: dict[Any, tuple[int, int]] | None = None,
) -> None:
    # The is-meta column is only added when needed, so plain conversations keep
    # exactly Polis's classic eight columns.
    with_meta = any(c.is_meta for c in comments)
    stamps = _datetimes(np.array([c.timestamp for c in comments], dtype=np.int64))
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(COMMENT_COLUMNS + (("is-meta",) if with_meta else ()))
        for comment, stamp in zip(comments, stamps, strict=True):
            agrees, disagrees = (counts or {}).get(
                comment.comment_id, (comment.agrees, comment.disagrees)
            )
            row: list[Any] = [
                comment.timestamp,
                stamp,
                comment.comment_id,
                comment.author_id,
                agrees,
                disagrees,
                comment.moderated,
                text_cell(one_line_break(comment.text)),
            ]
            out.writerow(row + ([int(comment.is_meta)] if with_meta else []))


def _header(path: Path, required: Sequence[str]) -> list[str]:
    if not path.is_file():
        raise PolisFormatError(f"{path}: file not found")
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            header = next(csv.reader(f), [])
    except UnicodeDecodeError as exc:
        raise PolisFormatError(f"{path}: not UTF-8 text") from exc
    header = [h.strip() for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise PolisFormatError(f"{path}: missing column(s) {', '.join(missing)}")
    return header


def _ids(values: list[str]) -> npt.NDArray[Any]:
    """Integer ids when every id is an integer (Polis's pids and tids), else strings."""
    stripped = [v.strip() for v in values]
    try:
        return np.array([int(v) for v in stripped], dtype=np.int64)
    except ValueError:
        return np.array(stripped, dtype=str)


def _datetimes(timestamps: npt.NDArray[np.int64]) -> list[str]:
    # Format each distinct second once: a conversation has far fewer distinct
    # seconds than votes.
    seconds = timestamps // 1000
    unique, inverse = np.unique(seconds, return_inverse=True)
    text = [
        datetime.fromtimestamp(int(s), tz=UTC).strftime(DATETIME_FORMAT)
        for s in unique.tolist()
    ]
    return [text[i] for i in inverse.tolist()]
