"""`kerne analyse approach IN.jsonl --out OUT.json`: verbs of approach and for/with orientation."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from kerne.analysis.approach import analyse_approach, approach_by_group
from kerne.analysis.commands.jsonl import InputError, read_answers, write_json
from kerne.analysis.commands.names import add_common_arguments, fail

HELP = "Find the verbs of approach in each answer and whether it speaks of doing for or with them."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if args.min_group_size < 1:
        return fail("--min-group-size must be at least 1")
    try:
        texts, groups = read_answers(args.input)
        results = [analyse_approach(text) for text in texts]
        by_group = approach_by_group(
            results, groups, min_group_size=args.min_group_size
        )
        write_json(
            args.out,
            {
                "answers": [
                    {"orientation": r.orientation, "verbs": list(r.verbs)}
                    for r in results
                ],
                "by_group": {
                    group: asdict(summary) for group, summary in by_group.items()
                },
            },
        )
    except InputError as exc:
        return fail(str(exc))
    return 0
