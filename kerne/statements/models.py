"""Statements to agree or disagree with, the votes on them, and the opinion map they give.

Like respondents, votes keep only the day: exact times would let a facilitator
who watched a staff meeting tell who voted how.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kerne.participation.models import Respondent
from kerne.processes.models import Process

# Participants write short statements; Polis's own form stops at 400 characters.
MAX_PARTICIPANT_LENGTH = 300
# Seed and imported statements may be longer (Polis stores up to 1000).
MAX_STATEMENT_LENGTH = 1000


class StatementSettings(models.Model):
    """How a process collects statements; created with default values when first needed."""

    process = models.OneToOneField(
        Process, on_delete=models.CASCADE, related_name="statement_settings"
    )
    moderation = models.BooleanField(
        _("moderate participants' statements"),
        default=True,
        help_text=_(
            "Statements written by participants are shown to others only after you have approved them."
        ),
    )
    participants_may_write = models.BooleanField(
        _("participants may write statements"), default=True
    )

    class Meta:
        verbose_name = _("statement settings")
        verbose_name_plural = _("statement settings")

    def __str__(self) -> str:
        return str(self.process)


class StatementQuerySet(models.QuerySet["Statement"]):
    def published(self) -> StatementQuerySet:
        return self.filter(status=Statement.Status.PUBLISHED)

    def pending(self) -> StatementQuerySet:
        return self.filter(status=Statement.Status.PENDING)


class Statement(models.Model):
    """A short statement participants agree with, disagree with or pass on."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    class Origin(models.TextChoices):
        SEED = "seed", _("Written by the facilitator")
        THEME = "theme", _("Made from a theme")
        PARTICIPANT = "participant", _("Written by a participant")
        IMPORTED = "imported", _("Imported")

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="statements"
    )
    text = models.CharField(_("statement"), max_length=MAX_STATEMENT_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    origin = models.CharField(
        _("origin"), max_length=12, choices=Origin.choices, default=Origin.SEED
    )
    author = models.ForeignKey(
        Respondent,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )
    # The comment-id a Polis import came with, so an export can give it back.
    polis_id = models.BigIntegerField(null=True, blank=True)
    created_on = models.DateField(default=timezone.localdate)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Votes cast on it, kept by cast_vote so the next statement is one cheap query.
    # It only orders what participants are shown: a withdrawn participant's votes
    # stay counted. Not indexed, so its updates stay HOT on PostgreSQL.
    vote_count = models.PositiveIntegerField(default=0, editable=False)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            models.Index(fields=["process", "status"], name="statement_process_status")
        ]

    def __str__(self) -> str:
        return self.text


class Vote(models.Model):
    """A respondent's current vote on a statement: at most one per pair."""

    class Value(models.IntegerChoices):
        AGREE = 1, _("Agree")
        DISAGREE = -1, _("Disagree")
        PASS = 0, _("Pass / unsure")

    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="statement_votes"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="votes"
    )
    value = models.SmallIntegerField(choices=Value.choices)
    voted_on = models.DateField(default=timezone.localdate)
    # This vote brought its respondent into the opinion map (Polis's rule: votes
    # on min(7, published statements) at the time). Set once, never unset: who
    # entered stays, as in Polis, even when statements are added later.
    entered_map = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "statement"], name="vote_one_per_statement"
            ),
            models.CheckConstraint(
                condition=models.Q(value__in=[-1, 0, 1]), name="vote_value_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.respondent_id}/{self.statement_id}: {self.value}"


class VoteEvent(models.Model):
    """Every vote as cast, changes included, in order (the vote history)."""

    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="+"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="vote_events"
    )
    value = models.SmallIntegerField(choices=Vote.Value.choices)
    voted_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("vote event")
        verbose_name_plural = _("vote history")

    def __str__(self) -> str:
        return f"{self.respondent_id}/{self.statement_id}: {self.value}"


class OpinionMap(models.Model):
    """The latest computed opinion map of a process, and whether a new one is on its way."""

    process = models.OneToOneField(
        Process, on_delete=models.CASCADE, related_name="opinion_map"
    )
    queued_at = models.DateTimeField(null=True, blank=True)
    computing_since = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    # Already filtered by the anonymity threshold it was computed with.
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("opinion map")
        verbose_name_plural = _("opinion maps")

    def __str__(self) -> str:
        return str(self.process)

    def is_updating(self) -> bool:
        return self.queued_at is not None or self.computing_since is not None
