"""`kerne analyse names IN.jsonl --out OUT.json`: names for "them" and "us" per answer and by group.

Also home of the JSON Lines reader that the approach command shares, so both
commands reject bad input with the same messages.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kerne.analysis.names import analyse_names, names_by_group

HELP = "Find what answers call the people served (and themselves), per answer and by group."


class InputError(Exception):
    """Bad input file; the message is shown to the user as is."""


def read_answers(path: Path) -> tuple[list[str], list[str | None]]:
    """Texts and groups from JSON Lines; blank lines are skipped."""
    texts: list[str] = []
    groups: list[str | None] = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(
                        f"{path}:{number}: not valid JSON ({exc.msg})"
                    ) from None
                if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                    raise InputError(
                        f'{path}:{number}: each line needs a "text" string'
                    )
                group = row.get("group")
                if group is not None and not isinstance(group, str | int):
                    raise InputError(f'{path}:{number}: "group" must be a string')
                texts.append(row["text"])
                groups.append(None if group is None else str(group))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return texts, groups


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


def write_output(path: Path, data: dict[str, Any]) -> None:
    try:
        path.write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None


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
        write_output(
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
