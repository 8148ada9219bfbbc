"""`kerne analyse opinions DIR --out OUT.json`: the opinion map of a Polis export.

The JSON keys `groups`, `consensus`, `repness` and `group_informed_consensus`
are a stable contract (issue 4); other keys may be added, never removed.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np

from kerne.analysis.opinions import (
    OpinionMap,
    Votes,
    analyse_opinions,
    group_stability,
    stakeholder_agreement,
)
from kerne.analysis.polis_io import PolisFormatError, read_polis_export

HELP = "Opinion groups, consensus and representative statements of a Polis export directory."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "directory", type=Path, help="directory holding votes.csv and comments.csv"
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="where to write the JSON result"
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="random seed (same seed, same map)"
    )
    parser.add_argument(
        "--min-votes",
        type=int,
        default=7,
        help="votes needed to enter the map (default 7)",
    )
    parser.add_argument(
        "--max-groups",
        type=int,
        default=5,
        help="most opinion groups to consider (default 5)",
    )
    parser.add_argument(
        "--stability",
        type=int,
        default=3,
        metavar="N",
        # Each resample re-runs PCA and clustering (~0.1 s at 20k participants);
        # three keep the whole run fast, ten or more give a steadier score.
        help="participant resamples for the group stability score (0 to skip; default 3)",
    )
    parser.add_argument(
        "--stakeholders",
        type=Path,
        help="CSV with columns voter-id,group (e.g. staff / citizen) for agreement per stakeholder group",
    )
    parser.add_argument(
        "--min-group-size",
        type=int,
        default=5,
        help="anonymity threshold: smaller stakeholder groups are not reported (default 5)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        export = read_polis_export(args.directory)
        labels = _read_stakeholders(args.stakeholders) if args.stakeholders else None
    except (PolisFormatError, OSError) as exc:
        return _fail(str(exc))
    latest = export.votes.latest()
    votes = latest.without_statements(export.excluded_statement_ids())
    # Polis's rule for who is in the map is historical: replay it from the times.
    members = export.votes.members(min_votes=args.min_votes, latest=latest)
    result = analyse_opinions(
        votes,
        min_votes=args.min_votes,
        max_groups=args.max_groups,
        seed=args.seed,
        members=members,
    )
    payload = _payload(result)
    if args.stability > 0 and result.n_groups > 1:
        stability = group_stability(
            votes,
            result.clustering,
            resamples=args.stability,
            seed=args.seed,
            min_votes=args.min_votes,
            max_groups=args.max_groups,
            members=members,
        )
        payload["stability"] = {
            "mean_ari": stability.mean_ari,
            "aris": list(stability.aris),
            "group_reappearance": {
                str(g): x for g, x in enumerate(stability.group_reappearance)
            },
        }
    if labels is not None:
        payload["stakeholders"] = _stakeholders(votes, labels, args.min_group_size)
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False)
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc}")
    return 0


def _payload(result: OpinionMap) -> dict[str, Any]:
    ids = result.participant_ids.tolist()
    groups = result.groups.tolist()
    sids = result.statement_ids.tolist()
    return {
        "groups": {
            str(pid): (g if g >= 0 else None)
            for pid, g in zip(ids, groups, strict=True)
        },
        "consensus": {
            "agree": [c.statement_id for c in result.consensus_agree],
            "disagree": [c.statement_id for c in result.consensus_disagree],
        },
        "repness": {
            str(g): [r.statement_id for r in reps]
            for g, reps in enumerate(result.repness)
        },
        "group_informed_consensus": {
            str(sid): float(x)
            for sid, x in zip(
                sids, result.group_informed_consensus.tolist(), strict=True
            )
        },
        "group_informed_consensus_disagree": {
            str(sid): float(x)
            for sid, x in zip(
                sids, result.group_informed_consensus_disagree.tolist(), strict=True
            )
        },
        "repness_details": {
            str(g): [
                {
                    "comment_id": r.statement_id,
                    "direction": r.direction,
                    "n_success": r.n_success,
                    "n_trials": r.n_trials,
                    "probability": r.probability,
                    "probability_z": r.probability_z,
                    "repness": r.repness,
                    "repness_z": r.repness_z,
                }
                for r in reps
            ]
            for g, reps in enumerate(result.repness)
        },
        "divisive": [
            {
                "comment_id": d.statement_id,
                "spread": d.spread,
                "z": d.z,
                "most_agreeing_group": d.most_agreeing_group,
                "least_agreeing_group": d.least_agreeing_group,
            }
            for d in result.divisive
        ],
        "n_groups": result.n_groups,
        "silhouettes": {str(k): s for k, s in result.clustering.silhouettes.items()},
        "participants_in_map": int(result.clustering.in_map.sum()),
    }


def _stakeholders(
    votes: Votes, labels: dict[Any, str], min_group_size: int
) -> dict[str, Any]:
    report = stakeholder_agreement(votes, labels, min_group_size=min_group_size)
    sids = [str(s) for s in report.statement_ids.tolist()]

    def column(values: np.ndarray[Any, Any]) -> dict[str, float | None]:
        # JSON has no NaN; a suppressed (too few voters) cell becomes null.
        return {
            s: (None if math.isnan(x) else x)
            for s, x in zip(sids, values.tolist(), strict=True)
        }

    return {
        "min_group_size": min_group_size,
        "hidden": list(report.hidden),
        "groups": {
            g.label: {
                "participants": g.participants,
                "agree": column(g.agree),
                "agree_low": column(g.agree_low),
                "agree_high": column(g.agree_high),
                "disagree": column(g.disagree),
            }
            for g in report.groups
        },
    }


def _read_stakeholders(path: Path) -> dict[Any, str]:
    if not path.is_file():
        raise PolisFormatError(f"{path}: filen findes ikke")
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    if not rows or len(rows[0]) < 2:
        raise PolisFormatError(f"{path}: skal have to kolonner, voter-id og group")
    body = [r for r in rows[1:] if len(r) >= 2]
    raw_ids = [r[0].strip() for r in body]
    # Match the id type the votes were read with: integers when all are integers.
    ids: list[Any] = (
        [int(i) for i in raw_ids]
        if all(i.lstrip("-").isdigit() for i in raw_ids)
        else raw_ids
    )
    return {pid: r[1].strip() for pid, r in zip(ids, body, strict=True)}


def _fail(message: str) -> int:
    print(f"kerne analyse opinions: error: {message}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    # Runs this subcommand alone, without importing the other analyses (the
    # dispatcher imports them all, which costs about a second of start-up).
    standalone = argparse.ArgumentParser(
        prog="kerne analyse opinions", description=HELP
    )
    add_arguments(standalone)
    sys.exit(run(standalone.parse_args()))
