"""A block of material shown beside the core-task editor.

It lives at the bottom so that the apps offering material (kerne.themes,
kerne.statements) need not import kerne.coretasks, which sits above them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Material:
    """A block of material from another app, e.g. a theme with quotes."""

    dimension: str  # blank: about the whole core task
    title: str
    lines: tuple[str, ...] = ()
