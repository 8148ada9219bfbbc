"""Word-level differences between two texts, for a readable comparison of versions.

Pure Python (difflib), no Django: the template turns the pieces into <ins>/<del>.
The tokens are `kerne.analysis.text.layout_tokens`: a word with the whitespace
after it, so the text comes back exactly as written, line breaks included, and a
rewritten phrase shows as one change rather than alternating words and spaces.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from kerne.analysis.text import layout_tokens

Kind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Piece:
    kind: Kind
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn `old` into `new`: unchanged, inserted and deleted runs."""
    a, b = layout_tokens(old), layout_tokens(new)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(Piece("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(Piece("insert", "".join(b[j1:j2])))
    return [p for p in pieces if p.text]


def has_changes(pieces: list[Piece]) -> bool:
    return any(p.kind != "equal" and p.text.strip() for p in pieces)
