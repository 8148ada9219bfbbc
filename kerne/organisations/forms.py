from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from kerne.lib.forms import KerneFormMixin
from kerne.organisations.models import Membership, Organisation, Unit


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


class NewMemberForm(KerneFormMixin, forms.Form):
    username = forms.RegexField(
        label=_("User name"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Use only letters, digits and . @ + - _")},
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.FACILITATOR,
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("That user name is taken. Choose another."))
        return username


class RoleForm(KerneFormMixin, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class KernePasswordChangeForm(KerneFormMixin, PasswordChangeForm):
    """Django's form in DKFDS markup."""
