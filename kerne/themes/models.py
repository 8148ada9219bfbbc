"""The analysis of a round's open answers, and the facilitator's edits to its themes.

An `Analysis` is the run (status and progress); a `QuestionAnalysis` holds one
question's stored result as JSON; a `ThemeEdit` is one change by a facilitator. The
edits belong to the question, not to a run, so they outlive every rerun and are
re-applied to it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kerne.processes.models import Question, Round


class Analysis(models.Model):
    """The latest analysis of a round; reruns reuse the row."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, related_name="analysis"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    # Which question is being themed, as "2 of 4"; the page words it in the reader's language.
    step = models.PositiveSmallIntegerField(default=0)
    steps = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The worker running the analysis renews this while it works; a run whose worker
    # died stops renewing it, and the next worker takes the analysis up again.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The anonymity plan the stored figures were computed under; see is_stale().
    threshold = models.PositiveSmallIntegerField(null=True, blank=True)
    group_ids = models.JSONField(default=list, blank=True)
    engine = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")

    def __str__(self) -> str:
        return f"{self.round} ({self.status})"

    def is_active(self) -> bool:
        return self.status in (Analysis.Status.QUEUED, Analysis.Status.RUNNING)

    def is_stale(self, threshold: int, group_ids: list[int]) -> bool:
        """True when the anonymity plan changed since the run, so its group figures may not be shown."""
        return self.threshold != threshold or sorted(self.group_ids) != sorted(
            group_ids
        )


class QuestionAnalysis(models.Model):
    """One question's stored result: themes, assignments and the figures over them.

    `themes` is a list of {id, label, description, size, examples (answer ids),
    terms, bucket}; `assignments` maps an answer id to {theme, strength, clear,
    group}; `figures` holds diffusion, comparison, approach and names, each already
    cut by the anonymity plan.
    """

    analysis = models.ForeignKey(
        Analysis, on_delete=models.CASCADE, related_name="questions"
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="analyses"
    )
    guided = models.BooleanField(default=False)
    data_hash = models.CharField(max_length=32, blank=True)
    themes = models.JSONField(default=list)
    assignments = models.JSONField(default=dict)
    figures = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["question__order", "question__pk"]
        verbose_name = _("question analysis")
        verbose_name_plural = _("question analyses")
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "question"], name="question_analysis_unique"
            ),
        ]

    def __str__(self) -> str:
        return str(self.question)

    def theme(self, theme_id: str) -> dict[str, Any] | None:
        return next((t for t in self.themes if t["id"] == theme_id), None)


class ThemeEdit(models.Model):
    """One facilitator change to a question's themes, kept as history and replayed on reruns."""

    class Kind(models.TextChoices):
        RENAME = "rename", _("Renamed")
        DESCRIBE = "describe", _("Described")
        MERGE = "merge", _("Merged")
        SPLIT = "split", _("Split")
        DELETE = "delete", _("Deleted")
        MOVE = "move", _("Moved answers")

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="theme_edits"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # The theme the edit is about (the target of a merge, split or move).
    theme_id = models.CharField(max_length=80)
    # What the edit needs to be replayed and shown: labels before and after,
    # merged theme ids, moved answer ids.
    details = models.JSONField(default=dict, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("theme edit")
        verbose_name_plural = _("theme edits")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.theme_id}"
