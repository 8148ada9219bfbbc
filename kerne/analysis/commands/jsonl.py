"""Reading answers from JSON Lines and writing JSON, shared by the text-analysis commands.

Every line is one answer, so output lists line up with input lines: a blank line
is an error rather than silently skipped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class InputError(Exception):
    """Bad input or output file; the message is shown to the user as is."""


def read_answers(path: Path) -> tuple[list[str], list[str | None]]:
    """Texts and groups (None when absent), one per line of `path`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    texts: list[str] = []
    groups: list[str | None] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            raise InputError(
                f"{path}:{number}: empty line (every line must be one answer)"
            )
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{path}:{number}: expected a JSON object")
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(f'{path}:{number}: "text" must be a string')
        group = record.get("group")
        if group is not None and not isinstance(group, str):
            raise InputError(f'{path}:{number}: "group" must be a string')
        texts.append(text)
        groups.append(group)
    if not texts:
        raise InputError(f"{path}: no answers")
    return texts, groups


def write_json(path: Path, data: dict[str, Any]) -> None:
    try:
        path.write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None
