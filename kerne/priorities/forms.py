from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kerne.lib.forms import KerneFormMixin
from kerne.priorities.imports import ImportRow
from kerne.priorities.models import Decision
from kerne.processes.models import Dimension

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# The preview's rows travel back signed, so nothing is stored before the import is confirmed.
SIGNING_SALT = "kerne.priorities.import"


class InitiativeForm(KerneFormMixin, forms.Form):
    title = forms.CharField(label=_("Initiative"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Dimensions it serves"),
        choices=Dimension.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class CompetenceForm(KerneFormMixin, forms.Form):
    title = forms.CharField(label=_("Competence"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Dimensions it serves"),
        choices=Dimension.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ImportForm(KerneFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "First row: titel, beskrivelse, dimensioner. Nothing is saved before you confirm."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


def sign_rows(rows: list[ImportRow]) -> str:
    payload = [[r.line, r.title, r.description, r.dimensions] for r in rows]
    return signing.dumps(json.dumps(payload), salt=SIGNING_SALT)


class ConfirmImportForm(forms.Form):
    rows = forms.CharField(widget=forms.HiddenInput)

    def clean_rows(self) -> list[ImportRow]:
        try:
            payload = json.loads(
                signing.loads(self.cleaned_data["rows"], salt=SIGNING_SALT)
            )
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(
                _("The preview has expired. Upload the file again.")
            ) from None
        return [
            ImportRow(line, title, desc, dims) for line, title, desc, dims in payload
        ]


class DecisionForm(KerneFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Decision"), choices=Decision.Kind.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    decided_on = forms.DateField(
        label=_("Decided on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class CompareForm(forms.Form):
    """A pair as shown, and the choice: the first or second item's id, or "none"."""

    first = forms.IntegerField()
    second = forms.IntegerField()
    choice = forms.CharField(max_length=20)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        choice = data.get("choice")
        if choice not in (
            None,
            "none",
            str(data.get("first")),
            str(data.get("second")),
        ):
            raise forms.ValidationError(_("Choose one of the two, or “Can't choose”."))
        return data


class SuggestForm(KerneFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Your suggestion"),
        max_length=200,
        help_text=_(
            "A short name for an activity or initiative, at most 200 characters."
        ),
        error_messages={
            "required": _("Write the initiative you suggest."),
            "max_length": _("Shorten the suggestion to at most 200 characters."),
        },
    )


class PairwiseSettingsForm(forms.Form):
    participants_may_suggest = forms.BooleanField(required=False)
