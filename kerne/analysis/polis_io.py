"""Read and write Polis's export format (votes.csv, comments.csv).

Polis's CSV set is the de-facto interchange format for agree/disagree
conversations (red-dwarf, Agora and compdemocracy/openData all use it), so
speaking it lets a facilitator bring a Polis conversation into Kerne and take
ours out. Votes in the export are +1 agree, -1 disagree, 0 pass, the same sign
as ours (Polis's own database stores them flipped).
"""

from __future__ import annotations

import csv
import re
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
        raise PolisFormatError(f"{directory}: ikke en mappe")
    votes = read_vote_log(directory / "votes.csv")
    comments_path = directory / "comments.csv"
    comments = read_comments(comments_path) if comments_path.exists() else ()
    return PolisExport(votes, comments)


# Polis counts milliseconds since 1970; anything after year 9999 is no time at all.
MAX_TIMESTAMP = 253_402_300_799_999


def read_vote_log(path: Path) -> VoteLog:
    header = _header(path, required=("comment-id", "voter-id", "vote"))
    try:
        return _read_votes_fast(path, header)
    except (ValueError, OverflowError):
        # Non-numeric ids (e.g. XIDs), stray quoting or odd numbers: read row by row,
        # which says what is wrong where.
        return _read_votes_slow(path, header)


# numpy's C reader crashed the whole process (a segmentation fault, seen with numpy 2.4)
# after many files holding characters beyond ASCII; only plain ASCII text goes to it.
NOT_PLAIN = re.compile(rb"[^\t\n\r\x20-\x7e]")


def _read_votes_fast(path: Path, header: list[str]) -> VoteLog:
    """Parse an all-numeric votes.csv in C; ~10× faster than the csv module."""
    if NOT_PLAIN.search(path.read_bytes().removeprefix(b"\xef\xbb\xbf")):
        raise ValueError("not plain ASCII: read row by row")
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
    rows = _rows(path)
    timestamp = np.array(
        [
            _whole(r.get("timestamp") or "0", path, line, "tidsstemplet")
            for line, r in enumerate(rows, start=2)
        ],
        dtype=np.int64,
    )
    vote = np.array(
        [
            _whole(r.get("vote") or "", path, line, "stemmen")
            for line, r in enumerate(rows, start=2)
        ],
        dtype=np.int64,
    )
    comment_id = _ids([r.get("comment-id") or "" for r in rows])
    voter_id = _ids([r.get("voter-id") or "" for r in rows])
    return _vote_log(timestamp, comment_id, voter_id, vote, path)


def _whole(text: str, path: Path, line: int, what: str) -> int:
    """A whole number that fits 64 bits, or a Danish line saying where it is not."""
    try:
        number = float(text)
        whole = int(number)
    except (TypeError, ValueError, OverflowError):
        raise PolisFormatError(
            f"{path}:{line}: {what} skal være et tal, ikke {text[:40]!r}"
        ) from None
    if whole != number or not -(2**63) <= whole < 2**63:
        raise PolisFormatError(
            f"{path}:{line}: {what} skal være et helt tal, ikke {text[:40]!r}"
        )
    return whole


def _vote_log(
    timestamp: Any, comment_id: Any, voter_id: Any, vote: Any, path: Path
) -> VoteLog:
    bad = (vote != 1) & (vote != 0) & (vote != -1)
    if bad.any():
        line = int(np.flatnonzero(bad)[0]) + 2
        raise PolisFormatError(
            f"{path}:{line}: stemmen skal være -1, 0 eller 1, ikke {vote[bad][0]}"
        )
    timestamp = np.asarray(timestamp, np.int64)
    odd = (timestamp < 0) | (timestamp > MAX_TIMESTAMP)
    if odd.any():
        line = int(np.flatnonzero(odd)[0]) + 2
        raise PolisFormatError(
            f"{path}:{line}: tidsstemplet {timestamp[odd][0]} ligger ikke mellem "
            "år 1970 og 9999 (millisekunder siden 1970)"
        )
    return VoteLog(timestamp, comment_id, voter_id, np.asarray(vote, np.int8))


def read_comments(path: Path) -> tuple[PolisComment, ...]:
    _header(path, required=("comment-id",))
    rows = _rows(path)
    ids = _ids([r.get("comment-id") or "" for r in rows])
    comments = []
    for line, (cid, r) in enumerate(zip(ids.tolist(), rows, strict=True), start=2):

        def number(column: str, line: int = line, r: dict[str, str] = r) -> int:
            return _whole(r.get(column) or "0", path, line, f"kolonnen {column}")

        stamp = number("timestamp")
        if not 0 <= stamp <= MAX_TIMESTAMP:
            raise PolisFormatError(
                f"{path}:{line}: tidsstemplet {stamp} ligger ikke mellem år 1970 og 9999"
            )
        comments.append(
            PolisComment(
                comment_id=cid,
                text=plain_text(_clean(r.get("comment-body") or "")),
                moderated=max(-1, min(1, number("moderated"))),
                author_id=_clean(r.get("author-id") or ""),
                timestamp=stamp,
                is_meta=(r.get("is-meta") or "").strip().lower() in {"1", "true", "t"},
                agrees=number("agrees"),
                disagrees=number("disagrees"),
            )
        )
    return tuple(comments)


def _clean(text: str) -> str:
    # A NUL byte is no character of any text, and PostgreSQL refuses to store one.
    return text.replace("\x00", "")


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            return list(csv.DictReader(f))
    except UnicodeDecodeError:
        raise PolisFormatError(f"{path}: ikke UTF-8-tekst") from None
    except csv.Error as exc:
        limit = f"{csv.field_size_limit():,}".replace(",", ".")
        raise PolisFormatError(
            f"{path}: kan ikke læses som CSV ({exc}; et felt må højst have {limit} tegn)"
        ) from None


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
        raise PolisFormatError(f"{path}: filen findes ikke")
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            header = next(csv.reader(f), [])
    except UnicodeDecodeError as exc:
        raise PolisFormatError(f"{path}: ikke UTF-8-tekst") from exc
    except csv.Error as exc:
        raise PolisFormatError(f"{path}: kan ikke læses som CSV ({exc})") from exc
    header = [h.strip() for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise PolisFormatError(f"{path}: mangler kolonnen {', '.join(missing)}")
    return header


def _ids(values: list[str]) -> npt.NDArray[Any]:
    """Integer ids when every id is an integer (Polis's pids and tids), else strings."""
    stripped = [_clean(v).strip() for v in values]
    try:
        return np.array([int(v) for v in stripped], dtype=np.int64)
    except (ValueError, OverflowError):
        # Ids beyond 64 bits are kept as text, like XIDs.
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
