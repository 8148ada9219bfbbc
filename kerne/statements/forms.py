"""Where statement text, settings and votes are validated, with Danish messages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kerne.analysis.text import normalise
from kerne.lib.forms import KerneFormMixin
from kerne.processes.models import Process
from kerne.statements.models import (
    MAX_PARTICIPANT_LENGTH,
    MAX_STATEMENT_LENGTH,
    Statement,
    StatementSettings,
    Vote,
)


def _text_field(max_length: int) -> forms.CharField:
    return forms.CharField(
        label=_("Statement"),
        max_length=max_length,
        help_text=_(
            "One short sentence people can agree or disagree with, e.g. “We should spend more time talking with the citizen than documenting.”"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write the statement."),
            "max_length": _(
                "The statement is too long: at most %(limit_value)d characters, it has %(show_value)d."
            ),
        },
    )


class StatementForm(KerneFormMixin, forms.Form):
    """A statement's text; refuses an exact repeat of another statement in the process."""

    max_length = MAX_STATEMENT_LENGTH
    text = _text_field(MAX_STATEMENT_LENGTH)

    def __init__(
        self,
        *args: Any,
        process: Process,
        editing: Statement | None = None,
        **kwargs: Any,
    ) -> None:
        self.process = process
        self.editing = editing
        super().__init__(*args, **kwargs)

    def clean_text(self) -> str:
        text: str = " ".join(self.cleaned_data["text"].replace("\x00", "").split())
        if not text:
            raise forms.ValidationError(_("Write the statement."), code="required")
        others = Statement.objects.filter(process=self.process).exclude(
            status=Statement.Status.REJECTED
        )
        if self.editing is not None:
            others = others.exclude(pk=self.editing.pk)
        wanted = normalise(text)
        if any(normalise(t) == wanted for t in others.values_list("text", flat=True)):
            raise forms.ValidationError(
                _("This statement is already there."), code="duplicate"
            )
        return text


class ParticipantStatementForm(StatementForm):
    """A participant's statement: shorter, and a reminder not to name anyone."""

    max_length = MAX_PARTICIPANT_LENGTH
    text = _text_field(MAX_PARTICIPANT_LENGTH)

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, process=process, **kwargs)
        field = self.fields["text"]
        field.label = _("Your own statement")
        field.help_text = _(
            "At most %(max)d characters. Do not write names or anything that can identify you or others."
        ) % {"max": MAX_PARTICIPANT_LENGTH}


class StatementSettingsForm(KerneFormMixin, forms.ModelForm[StatementSettings]):
    class Meta:
        model = StatementSettings
        fields = ["moderation", "participants_may_write"]


class VoteForm(forms.Form):
    """One vote: which statement, and agree (1), disagree (-1) or pass (0)."""

    statement = forms.IntegerField(min_value=1)
    vote = forms.TypedChoiceField(
        choices=[(str(v), str(v)) for v in Vote.Value.values],
        coerce=int,
        error_messages={"invalid_choice": _("Choose agree, disagree or pass.")},
    )
