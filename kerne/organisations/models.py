from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A municipality or region: the tenant. Nothing crosses its border."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "processes:organisation", args=[self.slug]
        )  # the page lists processes


class Unit(models.Model):
    """A place with its own core task: administration → area → workplace."""

    class Kind(models.TextChoices):
        ADMINISTRATION = "administration", _("Administration")
        AREA = "area", _("Area")
        WORKPLACE = "workplace", _("Workplace")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKPLACE
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "parent", "name"],
                name="unit_unique_name_per_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def descendants(self) -> list[Unit]:
        """Every unit below this one (a few dozen at most, so one query per level is fine)."""
        found: list[Unit] = []
        level = list(self.children.all())
        while level:
            found.extend(level)
            level = list(Unit.objects.filter(parent__in=level))
        return found

    def ancestors(self) -> list[Unit]:
        """Return the chain from the top unit down to (not including) this one."""
        chain: list[Unit] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))


class Membership(models.Model):
    """A user's role in one organisation. A user may belong to several."""

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("Administrator")
        FACILITATOR = "facilitator", _("Facilitator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.FACILITATOR
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                name="membership_unique_user_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"
