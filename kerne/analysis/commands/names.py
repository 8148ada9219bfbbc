"""`kerne analyse names IN.jsonl --out OUT.json`: names for "them" and "us" per answer and by group.

Also home of the arguments and error output that the approach command shares.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from kerne.analysis.commands.jsonl import InputError, read_answers, write_json
from kerne.analysis.names import analyse_names, names_by_group

HELP = "Find what answers call the people served (and themselves), per answer and by group."


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "input",
        type=Path,
        metavar="IN.jsonl",
        help='JSON Lines with "text" and optional "group"',
    )
    parser.add_argument("--out", type=Path, required=True, metavar="OUT.json")
    parser.add_argument(
        "--min-group-size",
        type=int,
        default=5,
        metavar="N",
        help="groups with fewer answers are not reported on their own (default 5)",
    )


def fail(message: str) -> int:
    print(f"kerne analyse: {message}", file=sys.stderr)
    return 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if args.min_group_size < 1:
        return fail("--min-group-size must be at least 1")
    try:
        texts, groups = read_answers(args.input)
        answers = [analyse_names(text) for text in texts]
        by_group = names_by_group(answers, groups, min_group_size=args.min_group_size)
        write_json(
            args.out,
            {
                "answers": [{"names": list(a.them), "us": list(a.us)} for a in answers],
                "by_group": {
                    group: asdict(summary) for group, summary in by_group.items()
                },
            },
        )
    except InputError as exc:
        return fail(str(exc))
    return 0
