from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kerne.organisations.models import Unit


class Phase(models.TextChoices):
    """The six phases of a core-task process (METHOD.md)."""

    INDKREDSNING = "indkredsning", _("Exploration")
    FAELLES_FORSTAAELSE = "faelles_forstaaelse", _("Shared understanding")
    FORMULERING = "formulering", _("Formulation")
    KVALIFICERING = "kvalificering", _("Qualification")
    PRIORITERING = "prioritering", _("Prioritisation")
    MAALING = "maaling", _("Measurement and follow-up")


class Dimension(models.TextChoices):
    """The four dimensions of the core task; blank for other questions."""

    VAERDI = "vaerdi", _("The value we create")
    AMBITION = "ambition", _("The shared ambition")
    TILGANG = "tilgang", _("Our approach to the task")
    MAALGRUPPE = "maalgruppe", _("The target group")


class Process(models.Model):
    """A core-task process (forløb) for one unit."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="processes", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(
        _("purpose"),
        blank=True,
        help_text=_(
            "Shown to participants: why they are asked and what their answers are used for."
        ),
    )
    phase = models.CharField(
        _("phase"), max_length=30, choices=Phase.choices, default=Phase.INDKREDSNING
    )
    anonymity_threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold"),
        default=settings.KERNE_DEFAULT_ANONYMITY_THRESHOLD,
        validators=[
            MinValueValidator(settings.KERNE_MIN_ANONYMITY_THRESHOLD),
            MaxValueValidator(50),
        ],
        help_text=_(
            "No answers, counts or figures are shown for a group with fewer respondents than this."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    anonymity_threshold__gte=settings.KERNE_MIN_ANONYMITY_THRESHOLD
                ),
                name="process_anonymity_threshold_minimum",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("processes:detail", args=[self.pk])

    @property
    def organisation_id(self) -> int:
        return self.unit.organisation_id

    def phase_index(self) -> int:
        return list(Phase.values).index(self.phase)


class StakeholderGroup(models.Model):
    """A group of participants (medarbejder, borger …), editable per process."""

    class Side(models.TextChoices):
        INSIDE = "inside", _("Inside the workplace")
        OUTSIDE = "outside", _("Outside the workplace")

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="groups"
    )
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    side = models.CharField(
        _("side"), max_length=10, choices=Side.choices, default=Side.INSIDE
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("stakeholder group")
        verbose_name_plural = _("stakeholder groups")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "key"], name="group_unique_key_per_process"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def may_have_respondents(self) -> bool:
        """Whether the group may be in use: a round it is invited to has opened, or it has respondents.

        Guards ask this, not whether anyone answered: a refusal that depended on
        it would tell a group of nobody from a group of one.
        """
        return (
            self.invitations.filter(round__opened_at__isnull=False).exists()
            or self.respondents.exists()
        )


class RoundQuerySet(models.QuerySet["Round"]):
    def open(self) -> RoundQuerySet:
        return self.filter(status=Round.Status.OPEN)


class Round(models.Model):
    """A questionnaire within a process, answered by invited groups."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="rounds"
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown to participants before the first question."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_("Optional. The round closes by itself at this time."),
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # When the round's small groups stopped being pooled for good: it was opened
    # again after a close, or someone withdrew after it (reporting.py says why).
    pool_revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:round", args=[self.pk])

    def has_opened(self) -> bool:
        """False while the facilitator is still preparing the round (a draft)."""
        return self.status != Round.Status.DRAFT

    def is_open(self) -> bool:
        return self.status == Round.Status.OPEN

    def is_closed(self) -> bool:
        return self.status == Round.Status.CLOSED

    def is_accepting_answers(self) -> bool:
        if self.status != Round.Status.OPEN:
            return False
        return self.closes_at is None or self.closes_at > timezone.now()


class Question(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Open text")
        SCALE = "scale", _("Scale 1–5")
        CHOICE = "choice", _("Single choice")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT
    )
    dimension = models.CharField(
        _("dimension"), max_length=20, choices=Dimension.choices, blank=True
    )
    prompt = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    scale_low_label = models.CharField(_("label for 1"), max_length=60, blank=True)
    scale_high_label = models.CharField(_("label for 5"), max_length=60, blank=True)
    required = models.BooleanField(_("required"), default=False)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.prompt

    def may_have_answers(self) -> bool:
        """Whether the question may have answers: its round has opened, or it has answers.

        Guards and warnings ask this, not whether anyone answered: that would
        tell a question nobody answered from one a single person (or a draft) did.
        """
        return self.round.opened_at is not None or self.answers.exists()
