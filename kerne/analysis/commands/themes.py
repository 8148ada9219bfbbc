"""`kerne analyse themes IN.jsonl --out OUT.json [--compare A B] [--themes THEMES.json]`.

Output: themes (the "Andet / uklart" bucket last, id "andet"), one assignment per
input line (null for non-answers such as "ved ikke"), diffusion over all answers
and per reportable group, and the per-theme comparison of two sides.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kerne.analysis import stats
from kerne.analysis.commands.jsonl import InputError, read_answers, write_json
from kerne.analysis.themes import (
    NO_ANSWER_ID,
    OTHER_ID,
    GivenTheme,
    ThemeResult,
    assign_to_themes,
    find_themes,
)

HELP = "Find themes in free-text answers (or assign them to given themes), with diffusion and group gaps."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "input",
        type=Path,
        metavar="IN.jsonl",
        help='one JSON object per line with "text" and optionally "group"',
    )
    parser.add_argument("--out", type=Path, required=True, metavar="OUT.json")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("GROUPS_A", "GROUPS_B"),
        help="comma-separated group names per side; default medarbejder,leder vs borger,pårørende when present",
    )
    parser.add_argument(
        "--themes",
        type=Path,
        metavar="THEMES.json",
        help='signed-off themes: [{"id", "label", "description"}]',
    )
    parser.add_argument(
        "--question",
        default="",
        help="the question asked; its words are ignored as theme words",
    )
    parser.add_argument(
        "--min-group-size",
        type=int,
        default=stats.MIN_GROUP_SIZE,
        help="groups with fewer answers are never reported on their own (default %(default)s)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        texts, groups = read_answers(args.input)
        given = read_themes(args.themes) if args.themes else None
        sides = parse_sides(args.compare, groups)
        if args.min_group_size < 1:
            raise InputError("--min-group-size must be at least 1")
        result = (
            assign_to_themes(texts, given, question=args.question)
            if given is not None
            else find_themes(texts, question=args.question)
        )
        report = build_report(result, groups, sides, args.min_group_size)
        write_json(args.out, report)
    except (InputError, OSError) as exc:
        print(f"kerne analyse themes: error: {exc}", file=sys.stderr)
        return 2
    return 0


def read_themes(path: Path) -> list[GivenTheme]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON") from exc
    if not isinstance(data, list) or not data:
        raise InputError(f"{path}: expected a non-empty list of themes")
    themes = []
    for i, item in enumerate(data):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("id"), str)
            or not isinstance(item.get("label"), str)
        ):
            raise InputError(f'{path}: theme {i + 1} needs a string "id" and "label"')
        description = item.get("description", "")
        examples = item.get("examples", [])
        if not isinstance(description, str):
            raise InputError(f'{path}: theme {i + 1}: "description" must be a string')
        if not isinstance(examples, list) or not all(
            isinstance(e, str) for e in examples
        ):
            raise InputError(
                f'{path}: theme {i + 1}: "examples" must be a list of strings'
            )
        themes.append(
            GivenTheme(item["id"], item["label"], description, tuple(examples))
        )
    ids = [t.id for t in themes]
    if len(set(ids)) != len(ids):
        raise InputError(f"{path}: theme ids must be unique")
    if {OTHER_ID, NO_ANSWER_ID} & set(ids):
        raise InputError(
            f'{path}: "{OTHER_ID}" and "{NO_ANSWER_ID}" are reserved theme ids'
        )
    return themes


def parse_sides(
    compare: Sequence[str] | None, groups: Sequence[str | None]
) -> tuple[list[str], list[str]] | None:
    if compare is None:
        present = set(groups)
        # The default sides, used only when the data has both.
        if present & set(stats.DEFAULT_SIDE_A) and present & set(stats.DEFAULT_SIDE_B):
            return list(stats.DEFAULT_SIDE_A), list(stats.DEFAULT_SIDE_B)
        return None
    side_a = [g.strip() for g in compare[0].split(",") if g.strip()]
    side_b = [g.strip() for g in compare[1].split(",") if g.strip()]
    if not side_a or not side_b:
        raise InputError("--compare needs at least one group name on each side")
    if set(side_a) & set(side_b):
        raise InputError(
            f"--compare: {', '.join(sorted(set(side_a) & set(side_b)))} is on both sides"
        )
    unknown = sorted((set(side_a) | set(side_b)) - {g for g in groups if g is not None})
    if unknown:
        raise InputError(f"--compare: no answers from group(s) {', '.join(unknown)}")
    return side_a, side_b


def _diffusion_json(d: stats.Diffusion) -> dict[str, Any]:
    out = asdict(d)
    out["intervals"] = {k: list(v) for k, v in d.intervals.items()}
    return out


def build_report(
    result: ThemeResult,
    groups: Sequence[str | None],
    sides: tuple[list[str], list[str]] | None,
    min_group_size: int,
) -> dict[str, Any]:
    ids: list[str | None] = [
        None if a.theme_id == NO_ANSWER_ID else a.theme_id for a in result.assignments
    ]
    clear = [a.clear for a in result.assignments]
    theme_ids = [t.id for t in result.themes] + [OTHER_ID]
    by_group = {}
    for g, _n in sorted(stats.reportable_groups(groups, min_group_size)[0].items()):
        rows = [i for i, gg in enumerate(groups) if gg == g]
        d = stats.diffusion(
            [ids[i] for i in rows], [clear[i] for i in rows], themes=theme_ids
        )
        # A group can pass the threshold on lines but not on real answers.
        if d.n >= min_group_size:
            by_group[g] = _diffusion_json(d)
    report: dict[str, Any] = {
        "themes": [
            {
                "id": t.id,
                "label": t.label,
                "description": t.description,
                "size": t.size,
                "examples": t.examples,
                "terms": t.terms,
            }
            for t in [*result.themes, result.other]
        ],
        "assignments": ids,
        "diffusion": {
            "all": _diffusion_json(stats.diffusion(ids, clear, themes=theme_ids)),
            "by_group": by_group,
            "non_answers": result.no_answer.size,
        },
        "comparison": [],
        "omnibus": None,
        "alternatives": result.alternatives,
        "engine": result.engine,
    }
    if sides is not None:
        comparison = stats.compare_sides(
            ids,
            groups,
            sides[0],
            sides[1],
            themes=theme_ids,
            min_group_size=min_group_size,
        )
        report["comparison"] = [
            {
                "theme": d.theme,
                "share_a": d.share_a,
                "share_b": d.share_b,
                "difference": d.difference,
                "interval": list(d.interval),
                "p_value": d.p_value,
                "significant": d.significant,
            }
            for d in comparison.differences
        ]
        report["omnibus"] = asdict(comparison.omnibus) if comparison.omnibus else None
        report["sides"] = {
            "a": comparison.groups_a,
            "b": comparison.groups_b,
            "n_a": comparison.n_a,
            "n_b": comparison.n_b,
            "suppressed": comparison.suppressed,
        }
    return report
