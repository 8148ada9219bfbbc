"""Benchmark `kerne analyse opinions` against red-dwarf on the same synthetic votes.

    .venv/bin/python -m bench.opinions            # 2k × 100, 20k × 500, 33k × 800
    .venv/bin/python -m bench.opinions --quick    # 2k × 100 only

For each size it writes a Polis-format directory (votes.csv, comments.csv) with
planted opinion groups, then runs, each in its own child process so peak
memory is that run's alone:

- ours, twice: the whole CLI, `python -m kerne.analysis.cli opinions DIR --out
  …`, and the same subcommand alone, `python -m kerne.analysis.commands.opinions
  DIR --out …`, each timed from process start to exit (interpreter start-up,
  imports, CSV parsing, the map, 3 stability resamples, writing the JSON). The
  dispatcher imports every analysis subcommand (scikit-learn, scipy.stats, …)
  before it runs one; "alone" shows the cost without that;
- red-dwarf: a child that reads the same latest votes and calls
  `reddwarf.implementations.polis.run_pipeline` on them in its documented input
  (a list of vote dicts); its time is `run_pipeline` alone, which flatters it.

It then prints both times, both peak RSS figures, the speed-up, the ARI between
the two groupings and each one's ARI against the planted groups. Without
red-dwarf installed (`pip install red-dwarf`) its columns are skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kerne.analysis.partitions import adjusted_rand_index
from kerne.analysis.polis_io import (
    PolisComment,
    VoteLog,
    read_vote_log,
    write_polis_export,
)

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Size:
    participants: int
    statements: int
    voted: float  # share of the matrix with a vote


SIZES = (
    Size(2_000, 100, 0.20),
    Size(20_000, 500, 0.20),
    # pol.is's largest conversation (33,422 × 783) held 2.0 M votes, ~7.5 %.
    Size(33_000, 800, 0.076),
)


def make_conversation(
    size: Size, directory: Path, seed: int = 0
) -> np.ndarray[Any, Any]:
    """Write a conversation with four planted groups; return each participant's planted group."""
    rng = np.random.default_rng(seed)
    n, m = size.participants, size.statements
    planted = rng.choice(4, size=n, p=[0.4, 0.3, 0.2, 0.1])
    # Each group leans clearly one way on each statement (agree 85 % or 15 % of
    # its non-pass votes); a third of the statements all groups lean alike on.
    lean = rng.choice([0.15, 0.85], size=(4, m))
    shared = rng.random(m) < 1 / 3
    lean[:, shared] = rng.choice([0.15, 0.85], size=int(shared.sum()))
    agree_p = 0.85 * lean
    disagree_p = 0.85 * (1 - lean)  # the remaining 15 % are passes

    voter, comment = np.nonzero(rng.random((n, m)) < size.voted)
    u = rng.random(len(voter))
    a, d = agree_p[planted[voter], comment], disagree_p[planted[voter], comment]
    vote = np.where(u < a, 1, np.where(u < a + d, -1, 0))
    # 2 % of the votes are changed later; the later vote must win.
    again = rng.random(len(voter)) < 0.02
    voter = np.concatenate([voter, voter[again]])
    comment = np.concatenate([comment, comment[again]])
    vote = np.concatenate([vote, rng.integers(-1, 2, size=int(again.sum()))])
    order = np.concatenate(
        [rng.permutation(len(u)), len(u) + np.arange(int(again.sum()))]
    )
    start = 1_700_000_000_000
    log = VoteLog(
        timestamp=start + np.arange(len(order), dtype=np.int64) * 37,
        comment_id=comment[order],
        voter_id=voter[order],
        vote=vote[order].astype(np.int8),
    )
    comments = [
        PolisComment(comment_id=j, text=f"Statement {j}", moderated=1, timestamp=start)
        for j in range(m)
    ]
    write_polis_export(directory, log, comments)
    return np.asarray(planted)


@dataclass(frozen=True)
class Run:
    wall: float  # seconds from process start to exit
    cpu: float  # user + system seconds: less sensitive to a busy machine
    peak_mb: float


def run_child(command: list[str]) -> Run:
    """Run a child process and measure it alone (os.wait4 gives that child's rusage)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed")
    return Run(
        elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
    )  # Linux: KB


def reddwarf_child(directory: Path, out: Path) -> None:
    """Child-process body: run red-dwarf on the latest votes and write its groups."""
    import warnings

    warnings.filterwarnings("ignore")  # pydantic chatter on import, not ours to fix
    from reddwarf.implementations.polis import run_pipeline

    votes = read_vote_log(directory / "votes.csv").latest()
    pids, sids = votes.participant_ids, votes.statement_ids
    records = [
        {
            "participant_id": int(p),
            "statement_id": int(s),
            "vote": int(v),
            "modified": 0,
        }
        for p, s, v in zip(
            pids[votes.participant].tolist(),
            sids[votes.statement].tolist(),
            votes.vote.tolist(),
            strict=True,
        )
    ]
    start = time.perf_counter()
    result = run_pipeline(
        votes=records, max_group_count=5, random_state=42, min_user_vote_threshold=7
    )
    seconds = time.perf_counter() - start
    labels = result.participants_df["cluster_id"]
    groups = {
        str(pid): (None if str(g) in {"<NA>", "nan", "None"} else int(g))
        for pid, g in labels.items()
    }
    out.write_text(json.dumps({"seconds": seconds, "groups": groups}))


def ari_between(
    a: Mapping[str, int | None], b: Mapping[str, int | None]
) -> tuple[float, int]:
    """ARI over the participants both groupings put in a group."""
    both = [k for k, g in a.items() if g is not None and b.get(k) is not None]
    return adjusted_rand_index(
        [a[k] or 0 for k in both], [b[k] or 0 for k in both]
    ), len(both)


def bench(size: Size, workdir: Path, with_reddwarf: bool) -> None:
    directory = workdir / f"{size.participants}x{size.statements}"
    # Generated in a child too: the forked runs below would otherwise inherit
    # this process's high-water memory mark from building the votes.
    run_child(
        [
            sys.executable,
            "-m",
            "bench.opinions",
            "--make-child",
            str(SIZES.index(size)),
            str(directory),
        ]
    )
    planted = np.load(directory / "planted.npy")
    truth = {str(i): int(g) for i, g in enumerate(planted.tolist())}
    n_votes = sum(1 for _ in (directory / "votes.csv").open()) - 1
    print(
        f"\n{size.participants:,} participants × {size.statements} statements, {n_votes:,} vote rows",
        flush=True,
    )
    out = workdir / "ours.json"
    cli = run_child(
        [
            sys.executable,
            "-m",
            "kerne.analysis.cli",
            "opinions",
            str(directory),
            "--out",
            str(out),
        ]
    )
    alone = run_child(
        [
            sys.executable,
            "-m",
            "kerne.analysis.commands.opinions",
            str(directory),
            "--out",
            str(out),
        ]
    )
    ours = json.loads(out.read_text())
    truth_ari = ari_between(ours["groups"], truth)[0]
    print(f"  ours, kerne analyse opinions (dispatcher): {_fmt(cli)}")
    print(
        f"  ours, the subcommand alone:                {_fmt(alone)}  k={ours['n_groups']}"
        f" ARI(planted)={truth_ari:.3f} stability={ours.get('stability', {}).get('mean_ari', float('nan')):.3f}"
    )
    if not with_reddwarf:
        return
    rd_out = workdir / "reddwarf.json"
    rd_run = run_child(
        [
            sys.executable,
            "-m",
            "bench.opinions",
            "--reddwarf-child",
            str(directory),
            str(rd_out),
        ]
    )
    rd = json.loads(rd_out.read_text())
    k_rd = len({g for g in rd["groups"].values() if g is not None})
    ari, common = ari_between(ours["groups"], rd["groups"])
    print(
        f"  red-dwarf run_pipeline {rd['seconds']:.2f} s; its process: {_fmt(rd_run)}"
        f"  k={k_rd} ARI(planted)={ari_between(rd['groups'], truth)[0]:.3f}"
    )
    print(
        f"  speed-up vs red-dwarf run_pipeline: {rd['seconds'] / cli.wall:.1f}× (dispatcher),"
        f" {rd['seconds'] / alone.wall:.1f}× (alone); by CPU {rd_run.cpu / cli.cpu:.1f}× / {rd_run.cpu / alone.cpu:.1f}×"
    )
    print(
        f"  ARI(ours, red-dwarf) = {ari:.3f} over {common:,} participants both put in a group",
        flush=True,
    )


def _fmt(run: Run) -> str:
    return f"{run.wall:5.2f} s wall, {run.cpu:5.2f} s CPU, {run.peak_mb:5.0f} MB peak"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="only the smallest size")
    parser.add_argument(
        "--reddwarf-child",
        nargs=2,
        type=Path,
        metavar=("DIR", "OUT"),
        help=argparse.SUPPRESS,
    )
    parser.add_argument(
        "--make-child", nargs=2, metavar=("SIZE", "DIR"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.make_child:
        directory = Path(args.make_child[1])
        np.save(
            directory / "planted.npy",
            make_conversation(SIZES[int(args.make_child[0])], directory),
        )
        return 0
    if args.reddwarf_child:
        reddwarf_child(*args.reddwarf_child)
        return 0
    with_reddwarf = importlib.util.find_spec("reddwarf") is not None
    if not with_reddwarf:
        print(
            "red-dwarf is not installed (pip install red-dwarf): timing ours only, no comparison."
        )
    print(
        f"Each run is its own child process, timed from start to exit; {os.cpu_count()} cores."
    )
    with tempfile.TemporaryDirectory(prefix="kerne-bench-") as tmp:
        for size in SIZES[:1] if args.quick else SIZES:
            bench(size, Path(tmp), with_reddwarf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
