"""Themes from the round analysis, offered as statements.

Statements sit above themes in the layers, so this reads the themes app's
models directly: the themes (not the buckets) of every question analysis of
the process, each offered by its label.
"""

from __future__ import annotations

from dataclasses import dataclass

from kerne.processes.models import Process
from kerne.themes.models import QuestionAnalysis


@dataclass(frozen=True)
class ThemeChoice:
    key: str  # "<question analysis pk>:<theme id>"
    label: str
    question: str


def themes_for(process: Process) -> list[ThemeChoice]:
    found = []
    analyses = QuestionAnalysis.objects.filter(
        analysis__round__process=process
    ).select_related("question")
    for analysis in analyses:
        for theme in analysis.themes:
            if theme.get("bucket"):
                continue
            label = str(theme.get("label") or "").strip()
            if label:
                found.append(
                    ThemeChoice(
                        f"{analysis.pk}:{theme['id']}",
                        label,
                        str(analysis.question),
                    )
                )
    return found


def theme_text(process: Process, key: str) -> str | None:
    """The text a theme becomes as a statement: its label, as a sentence to edit."""
    for choice in themes_for(process):
        if choice.key == key:
            text = choice.label
            return text[:1].upper() + text[1:]
    return None
