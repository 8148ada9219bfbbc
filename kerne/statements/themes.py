"""Themes from the round analysis, offered as statements when the themes app has them.

Feature-detected on purpose: statements work without themes, and the themes
app's models may change under us, so this reads only what it needs (a
question analysis's `themes` list of {id, label, bucket}) and treats anything
else as "no themes".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import DatabaseError, transaction

from kerne.processes.models import Process


@dataclass(frozen=True)
class ThemeChoice:
    key: str  # "<question analysis pk>:<theme id>"
    label: str
    question: str


def _analyses(process: Process) -> list[Any]:
    try:
        model = apps.get_model("themes", "QuestionAnalysis")
    except LookupError:
        return []
    if not {"themes", "analysis", "question"} <= {f.name for f in model._meta.fields}:
        return []
    try:
        with transaction.atomic():
            return list(
                model.objects.filter(analysis__round__process=process).select_related(
                    "question"
                )
            )
    except DatabaseError:
        # The themes app's tables are not migrated yet.
        return []


def themes_for(process: Process) -> list[ThemeChoice]:
    found = []
    for analysis in _analyses(process):
        themes = analysis.themes if isinstance(analysis.themes, list) else []
        for theme in themes:
            if not isinstance(theme, dict) or theme.get("bucket"):
                continue
            label = str(theme.get("label") or "").strip()
            if label:
                found.append(
                    ThemeChoice(
                        f"{analysis.pk}:{theme.get('id')}",
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
