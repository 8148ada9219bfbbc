from __future__ import annotations

import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kerne.processes.models import Question, Round, StakeholderGroup


def new_invitation_token() -> str:
    # 24 random bytes = 192 bits, URL-safe: unguessable, and short enough for a QR code.
    return secrets.token_urlsafe(24)


# Crockford-style alphabet without 0/O and 1/I/L, so a receipt read aloud or typed survives.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 28  # 31**28 ≈ 2**138: at least 128 bits, like the invitation token.


def new_receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def format_receipt_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_receipt_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


class Invitation(models.Model):
    """One link (and QR code) per stakeholder group of a round."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="invitations"
    )
    group = models.ForeignKey(
        StakeholderGroup, on_delete=models.CASCADE, related_name="invitations"
    )
    token = models.CharField(
        max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_("Optional. The link stops working at this time."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "group"], name="invitation_unique_group_per_round"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.group}"

    def get_absolute_url(self) -> str:
        return reverse("participation:start", args=[self.token])

    def is_accepting_answers(self) -> bool:
        if not self.is_active or not self.round.is_accepting_answers():
            return False
        return self.closes_at is None or self.closes_at > timezone.now()


class RespondentQuerySet(models.QuerySet["Respondent"]):
    def submitted(self) -> RespondentQuerySet:
        return self.filter(submitted=True)


class Respondent(models.Model):
    """An anonymous participant: no name, no e-mail, no IP address, no clock time.

    Only the day is kept, because exact times let a facilitator who watched a
    staff meeting tell who answered what.
    """

    invitation = models.ForeignKey(
        Invitation, on_delete=models.CASCADE, related_name="respondents"
    )
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="respondents"
    )
    group = models.ForeignKey(
        StakeholderGroup, on_delete=models.CASCADE, related_name="respondents"
    )
    receipt_code = models.CharField(
        max_length=40, unique=True, default=new_receipt_code, editable=False
    )
    submitted = models.BooleanField(default=False)
    started_on = models.DateField(default=timezone.localdate)

    objects = RespondentQuerySet.as_manager()

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        indexes = [
            models.Index(
                fields=["round", "group", "submitted"],
                name="respondent_round_group_idx",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def receipt_display(self) -> str:
        return format_receipt_code(self.receipt_code)


class Answer(models.Model):
    """One respondent's answer to one question; at most one per pair."""

    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(blank=True)
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    choice = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "question"], name="answer_unique_per_question"
            ),
        ]

    def __str__(self) -> str:
        return self.display_value()

    def display_value(self) -> str:
        if self.number is not None:
            return str(self.number)
        return self.choice or self.text

    def is_empty(self) -> bool:
        return self.number is None and not self.choice and not self.text.strip()


class LimitedAttempt(models.Model):
    """One attempt counted by a rate limit (`limits.py`): a wrong receipt code, an unknown
    link, a new respondent. Counted against a hashed client key for a short window.

    Kept in the database rather than in a process's memory, so every web process and server
    counts the same attempts; rows older than their window are deleted as new ones
    arrive. The key is a salted hash: no raw address is stored.
    """

    scope = models.CharField(max_length=20, default="receipt")
    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("limited attempt")
        verbose_name_plural = _("limited attempts")

    def __str__(self) -> str:
        return f"{self.scope} {self.key[:8]} {self.at:%Y-%m-%d %H:%M}"
