from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kerne.coretasks.models import NotCoreTask
from kerne.participation.models import Respondent
from kerne.processes.models import Dimension, Process, Question, Round
from kerne.statements.models import Statement


class Initiative(models.Model):
    """An activity or initiative of the unit, to be prioritised against the core task."""

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="initiatives"
    )
    title = models.CharField(_("initiative"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Dimension keys (processes.Dimension) the initiative serves, in the method's order.
    dimensions = models.JSONField(_("dimensions"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["process", "title", "pk"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "title"], name="initiative_unique_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("priorities:process", args=[self.process_id])

    def dimension_labels(self) -> list[str]:
        return [str(d.label) for d in Dimension if d.value in self.dimensions]


class Decision(models.Model):
    """What the leader decided for one initiative, and why; the newest one holds."""

    class Kind(models.TextChoices):
        UP = "up", _("Prioritise up")
        DOWN = "down", _("Prioritise down")
        STOP = "stop", _("Stop")
        NOT_CORE = "not_core", _("Not core task")

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="decisions"
    )
    kind = models.CharField(_("decision"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("reason"))
    decided_on = models.DateField(_("decided on"))
    # The entry on the public page, for a "not core task" decision.
    not_core_task = models.ForeignKey(
        NotCoreTask, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-created_at", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.initiative} – {self.get_kind_display()}"


class RatingRound(models.Model):
    """Marks a Round as the rating of the process's initiatives against the core task."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="rating")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("rating round")
        verbose_name_plural = _("rating rounds")

    def __str__(self) -> str:
        return str(self.round)

    def get_absolute_url(self) -> str:
        return reverse("priorities:rating", args=[self.pk])


class RatingQuestion(models.Model):
    """What a generated question of a rating round asks: the rating or its reason."""

    class Measure(models.TextChoices):
        RATING = "rating", _("Rating")
        REASON = "reason", _("Reason")

    rating_round = models.ForeignKey(
        RatingRound, on_delete=models.CASCADE, related_name="questions"
    )
    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, related_name="rating_measure"
    )
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="rating_questions"
    )
    measure = models.CharField(max_length=10, choices=Measure.choices)

    class Meta:
        verbose_name = _("rating question")
        verbose_name_plural = _("rating questions")

    def __str__(self) -> str:
        return f"{self.initiative} – {self.measure}"


class PairwiseRound(models.Model):
    """Marks a Round as a pairwise vote: "which matters more for our core task?"."""

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, related_name="pairwise"
    )
    participants_may_suggest = models.BooleanField(
        _("participants may suggest initiatives"), default=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pairwise round")
        verbose_name_plural = _("pairwise rounds")

    def __str__(self) -> str:
        return str(self.round)

    def get_absolute_url(self) -> str:
        return reverse("priorities:pairwise", args=[self.pk])


class PairwiseItem(models.Model):
    """An initiative in a pairwise round, or a participant's suggestion awaiting approval."""

    class Status(models.TextChoices):
        PUBLISHED = "published", _("In the pairs")
        PENDING = "pending", _("Awaiting approval")
        REJECTED = "rejected", _("Rejected")

    pairwise_round = models.ForeignKey(
        PairwiseRound, on_delete=models.CASCADE, related_name="items"
    )
    # Set when the item is in the pairs: a suggestion becomes an initiative on approval.
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pairwise_items",
    )
    title = models.CharField(_("initiative"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    # Never shown. Null once the respondent withdraws: the suggestion, moderated, stays.
    suggested_by = models.ForeignKey(
        Respondent,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["pairwise_round", "title", "pk"]
        verbose_name = _("pairwise item")
        verbose_name_plural = _("pairwise items")
        constraints = [
            models.UniqueConstraint(
                fields=["pairwise_round", "initiative"],
                name="pairwise_item_unique_initiative",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Comparison(models.Model):
    """One respondent's answer to one pair; the pair is stored low id first, so once only.

    No time is kept, as for every answer: only the order of the rows.
    """

    pairwise_round = models.ForeignKey(
        PairwiseRound, on_delete=models.CASCADE, related_name="comparisons"
    )
    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="pairwise_comparisons"
    )
    low = models.ForeignKey(PairwiseItem, on_delete=models.CASCADE, related_name="+")
    high = models.ForeignKey(PairwiseItem, on_delete=models.CASCADE, related_name="+")
    # None: "can't choose".
    winner = models.ForeignKey(
        PairwiseItem, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("comparison")
        verbose_name_plural = _("comparisons")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "low", "high"],
                name="comparison_unique_pair_per_respondent",
            ),
            models.CheckConstraint(
                condition=models.Q(low__lt=models.F("high")),
                name="comparison_low_before_high",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.low_id}–{self.high_id}: {self.winner_id or '='}"


class Competence(models.Model):
    """A competence the core task needs, linked to the dimensions it serves."""

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="competences"
    )
    title = models.CharField(_("competence"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Dimension keys (processes.Dimension), in the method's order.
    dimensions = models.JSONField(_("dimensions"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["process", "title", "pk"]
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "title"], name="competence_unique_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("priorities:competences", args=[self.process_id])

    def dimension_labels(self) -> list[str]:
        return [str(d.label) for d in Dimension if d.value in self.dimensions]


class CompetenceRound(models.Model):
    """Marks a Round as the employees' anonymous self-assessment of the competences."""

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, related_name="competence_assessment"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("competence round")
        verbose_name_plural = _("competence rounds")

    def __str__(self) -> str:
        return str(self.round)

    def get_absolute_url(self) -> str:
        return reverse("priorities:competence_round", args=[self.pk])


class CompetenceQuestion(models.Model):
    """The scale question of a competence round that asks about one competence."""

    competence_round = models.ForeignKey(
        CompetenceRound, on_delete=models.CASCADE, related_name="questions"
    )
    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, related_name="competence_measure"
    )
    competence = models.ForeignKey(
        Competence, on_delete=models.CASCADE, related_name="questions"
    )

    class Meta:
        verbose_name = _("competence question")
        verbose_name_plural = _("competence questions")

    def __str__(self) -> str:
        return str(self.competence)


class QualityStatement(models.Model):
    """Says which dimension a statement of the process describes the quality of.

    The statement itself is an ordinary published statement, voted on through the
    process's links; its consensus in the opinion map makes it a candidate.
    """

    statement = models.OneToOneField(
        Statement, on_delete=models.CASCADE, related_name="quality"
    )
    dimension = models.CharField(
        _("dimension"), max_length=12, choices=Dimension.choices
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["dimension", "statement"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dimension__in=Dimension.values),
                name="quality_statement_dimension_known",
            ),
        ]
        verbose_name = _("quality statement")
        verbose_name_plural = _("quality statements")

    def __str__(self) -> str:
        return f"{self.get_dimension_display()}: {self.statement}"


class QualityDescription(models.Model):
    """What good quality means in one dimension, as adopted; the newest one holds."""

    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="quality_descriptions"
    )
    dimension = models.CharField(
        _("dimension"), max_length=12, choices=Dimension.choices
    )
    text = models.TextField(_("quality description"))
    # The consensus statements it was adopted from; the text may word them anew.
    statements = models.ManyToManyField(Statement, related_name="+", blank=True)
    adopted_at = models.DateTimeField(_("adopted"))
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-adopted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dimension__in=Dimension.values),
                name="quality_description_dimension_known",
            ),
        ]
        verbose_name = _("quality description")
        verbose_name_plural = _("quality descriptions")

    def __str__(self) -> str:
        return f"{self.get_dimension_display()}: {self.text}"

    def get_absolute_url(self) -> str:
        return reverse("priorities:quality", args=[self.process_id])


class PairwiseScores(models.Model):
    """The fitted scores of a closed pairwise round, computed once after the close.

    The bootstrap takes seconds; the pages read these cells while `inputs` (a digest
    of everything the fit reads: the items, the plan's units and their choices) still
    matches the round, and fit anew otherwise, so a stale row is never shown.
    """

    pairwise_round = models.OneToOneField(
        PairwiseRound, on_delete=models.CASCADE, related_name="scores"
    )
    inputs = models.CharField(max_length=64)
    # {"overall": [[score, low, high, comparisons], …], "units": {unit key: [...]}},
    # aligned with the published items in pk order; None where nothing may be shown.
    cells = models.JSONField()
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pairwise scores")
        verbose_name_plural = _("pairwise scores")

    def __str__(self) -> str:
        return str(self.pairwise_round)
