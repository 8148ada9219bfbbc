from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kerne.organisations.models import Unit
from kerne.processes.models import Dimension, Process, Question, Round

# The order the dimensions are written, shown and printed in.
DIMENSIONS: tuple[str, ...] = tuple(Dimension.values)


def new_public_token() -> str:
    # 18 random bytes = 144 bits: unguessable, short enough to read out or print.
    return secrets.token_urlsafe(18)


class Version(models.Model):
    """One saved draft of a process's core task; every save makes a new one."""

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="coretask_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    statement = models.TextField(_("core task"), blank=True)
    vaerdi = models.TextField(_("The value we create"), blank=True)
    ambition = models.TextField(_("The shared ambition"), blank=True)
    tilgang = models.TextField(_("Our approach to the task"), blank=True)
    maalgruppe = models.TextField(_("The target group"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["process", "-number"]
        verbose_name = _("core-task version")
        verbose_name_plural = _("core-task versions")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "number"], name="coretask_version_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.process} – v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("coretasks:version", args=[self.pk])

    def text_of(self, dimension: str) -> str:
        if dimension not in DIMENSIONS:
            raise ValueError(f"Unknown dimension {dimension!r}")
        text: str = getattr(self, dimension)
        return text

    def dimension_texts(self) -> list[tuple[str, str, str]]:
        """(key, label, text) per dimension, in the method's order."""
        return [(d.value, str(d.label), self.text_of(d.value)) for d in Dimension]


class Comment(models.Model):
    """A remark from the process group on one draft version."""

    version = models.ForeignKey(
        Version, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:60]


class QualificationRound(models.Model):
    """Marks a Round as the qualification of one draft version (kvalificering)."""

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, related_name="qualification"
    )
    # A round asking about a version that is gone means nothing; an adoption does (PROTECT).
    version = models.ForeignKey(
        Version, on_delete=models.CASCADE, related_name="qualifications"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("qualification round")
        verbose_name_plural = _("qualification rounds")

    def __str__(self) -> str:
        return str(self.round)

    def get_absolute_url(self) -> str:
        return reverse("coretasks:qualification", args=[self.pk])


class QualificationQuestion(models.Model):
    """What a generated question of a qualification round measures."""

    class Measure(models.TextChoices):
        RECOGNISE = "recognise", _("I recognise it")
        CLEAR = "clear", _("It is clearly worded")
        SUGGESTION = "suggestion", _("Suggested change")

    qualification = models.ForeignKey(
        QualificationRound, on_delete=models.CASCADE, related_name="questions"
    )
    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, related_name="qualification_measure"
    )
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    measure = models.CharField(max_length=20, choices=Measure.choices)

    class Meta:
        verbose_name = _("qualification question")
        verbose_name_plural = _("qualification questions")

    def __str__(self) -> str:
        return f"{self.dimension} – {self.measure}"


class Adoption(models.Model):
    """A version the unit has adopted as its core task, until the next one."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="adoptions")
    version = models.ForeignKey(
        Version, on_delete=models.PROTECT, related_name="adoptions"
    )
    adopted_on = models.DateField(_("adopted on"))
    review_on = models.DateField(_("review on"))
    change_note = models.CharField(_("what changed and why"), max_length=500)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-adopted_on", "-created_at", "-pk"]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(review_on__gt=models.F("adopted_on")),
                name="adoption_review_after_adoption",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.adopted_on}"


class PublicPage(models.Model):
    """The unit's shareable page: the token is the only key, and it survives re-adoption."""

    unit = models.OneToOneField(
        Unit, on_delete=models.CASCADE, related_name="coretask_page"
    )
    token = models.CharField(
        max_length=64, unique=True, default=new_public_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("public core-task page")
        verbose_name_plural = _("public core-task pages")

    def __str__(self) -> str:
        return str(self.unit)

    def get_absolute_url(self) -> str:
        return reverse("coretasks:public", args=[self.token])


class NotCoreTask(models.Model):
    """A task or activity the unit has decided is not its core task ("ikke kerneopgave")."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="not_core_tasks"
    )
    title = models.CharField(_("task or activity"), max_length=200)
    reason = models.TextField(_("reason"))
    decided_on = models.DateField(_("decided on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("not core task")
        verbose_name_plural = _("not core tasks")

    def __str__(self) -> str:
        return self.title
