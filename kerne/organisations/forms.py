from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kerne.lib.forms import KerneFormMixin
from kerne.organisations.models import Organisation, Unit


class UnitForm(KerneFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Unit.Kind.choices, initial=Unit.Kind.WORKPLACE
    )
    parent = forms.ModelChoiceField(
        label=_("Part of"), queryset=Unit.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        unit: Unit | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.unit = unit
        parents = Unit.objects.filter(organisation=organisation)
        if unit is not None:
            parents = parents.exclude(
                pk__in=[u.pk for u in [unit, *unit.descendants()]]
            )
        self.fields["parent"].queryset = parents  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name, parent = data.get("name"), data.get("parent")
        siblings = Unit.objects.filter(
            organisation=self.organisation, parent=parent, name__iexact=name or ""
        )
        if self.unit is not None:
            siblings = siblings.exclude(pk=self.unit.pk)
        if name and siblings.exists():
            self.add_error(
                "name", _("A unit with that name already exists in the same place.")
            )
        return data
