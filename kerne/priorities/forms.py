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
from kerne.processes.models import Dimension, Process
from kerne.statements.forms import StatementForm
from kerne.statements.models import MAX_STATEMENT_LENGTH, Statement

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# The preview's rows travel back signed, so nothing is stored before the import is confirmed.
SIGNING_SALT = "kerne.priorities.import"
# A quality description is a few sentences; the statements it comes from are at most 1000 each.
MAX_DESCRIPTION_LENGTH = 4000


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


DIMENSION_ERRORS = {
    "required": _("Choose the dimension."),
    "invalid_choice": _("Choose one of the four dimensions."),
}


class QualityStatementForm(StatementForm):
    """A quality statement: its dimension, and a text no other statement of the process has."""

    dimension = forms.ChoiceField(
        label=_("Dimension"),
        choices=Dimension.choices,
        widget=forms.RadioSelect,
        error_messages=DIMENSION_ERRORS,
    )
    # Its own label and hint: set in __init__, they would miss the bound fields the
    # DKFDS mixin has already made.
    text = forms.CharField(
        label=_("Quality statement"),
        max_length=MAX_STATEMENT_LENGTH,
        help_text=_(
            "One sentence participants can agree or disagree with, e.g. “Good quality means that the citizen knows who is coming.”"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write the statement."),
            "max_length": _(
                "The statement is too long: at most %(limit_value)d characters, it has %(show_value)d."
            ),
        },
    )
    field_order = ["dimension", "text"]


class TagQualityForm(KerneFormMixin, forms.Form):
    """Let a statement the process already has, a participant's say, describe a dimension."""

    statement = forms.ModelChoiceField(
        label=_("Statement"),
        queryset=Statement.objects.none(),
        error_messages={
            "required": _("Choose the statement."),
            "invalid_choice": _("Choose one of the statements in the list."),
        },
    )
    dimension = forms.ChoiceField(
        label=_("Dimension"), choices=Dimension.choices, error_messages=DIMENSION_ERRORS
    )

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        # Prefixed: the page's other forms have a dimension field too.
        super().__init__(*args, prefix="tag", **kwargs)
        field = self.fields["statement"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Statement.objects.filter(
            process=process, quality__isnull=True
        ).exclude(status=Statement.Status.REJECTED)


class AdoptQualityForm(KerneFormMixin, forms.Form):
    """The consensus statements a dimension's description comes from, and its wording."""

    statements = forms.ModelMultipleChoiceField(
        label=_("Consensus statements"),
        queryset=Statement.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one consensus statement."),
            "invalid_choice": _("Choose among this dimension's quality statements."),
            "invalid_pk_value": _("Choose among this dimension's quality statements."),
        },
    )
    text = forms.CharField(
        label=_("Quality description"),
        required=False,
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Word the description as the unit wants it. Left empty, it is the chosen statements' texts."
        ),
        error_messages={
            "max_length": _(
                "The description is too long: at most %(limit_value)d characters, it has %(show_value)d."
            ),
        },
    )

    def __init__(
        self, *args: Any, process: Process, dimension: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, prefix=dimension, **kwargs)
        field = self.fields["statements"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Statement.objects.filter(
            process=process, quality__dimension=dimension
        )

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].replace("\x00", "").strip()
        return text
