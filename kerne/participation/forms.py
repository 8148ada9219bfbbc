"""The participant's questionnaire and the receipt form: where their input is validated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kerne.lib.forms import KerneFormMixin, dkfds_widget_attrs
from kerne.participation.models import Answer
from kerne.participation.services import AnswerError, AnswerValue, clean_answer
from kerne.processes.models import Question

SCALE_VALUES = ("1", "2", "3", "4", "5")


def field_name(question: Question) -> str:
    return f"q_{question.pk}"


def saved_value(answer: Answer | None) -> str:
    """The string an answer was typed or chosen as, for putting back into the form."""
    if answer is None:
        return ""
    if answer.number is not None:
        return str(answer.number)
    return answer.choice or answer.text


class AnswerField(forms.Field):
    """One question's answer; clean_answer decides what is valid and says why not."""

    widget = forms.Textarea

    def __init__(self, question: Question, **kwargs: Any) -> None:
        self.question = question
        super().__init__(**kwargs)

    def clean(self, value: Any) -> AnswerValue:
        if value is None and self.question.kind == Question.Kind.TEXT:
            # A textarea is always sent, even empty; a missing one is a broken request.
            raise forms.ValidationError(
                _("The answer was missing from the form. Please try again."),
                code="missing",
            )
        if not isinstance(value, str):
            value = ""
        if "\x00" in value:
            raise forms.ValidationError(
                _("The answer contains characters that cannot be saved."),
                code="null_characters",
            )
        try:
            cleaned = clean_answer(self.question, value)
        except AnswerError as error:
            raise forms.ValidationError(str(error), code="invalid") from None
        if self.required and cleaned == AnswerValue():
            raise forms.ValidationError(
                _("Please answer this question."), code="required"
            )
        return cleaned


@dataclass(frozen=True)
class QuestionItem:
    """Everything the template needs to draw one question by hand."""

    question: Question
    name: str
    id: str
    value: str
    errors: list[str]
    options: list[tuple[str, str, str]]  # (value, label, input id) for radio buttons

    @property
    def is_text(self) -> bool:
        return self.question.kind == Question.Kind.TEXT

    @property
    def has_scale_labels(self) -> bool:
        q = self.question
        return q.kind == Question.Kind.SCALE and bool(
            q.scale_low_label or q.scale_high_label
        )

    @property
    def describedby(self) -> str:
        """The ids of the hint, scale labels, error and length limit, in reading order."""
        ids = []
        if self.question.help_text:
            ids.append(f"{self.id}_hint")
        if self.has_scale_labels:
            ids.append(f"{self.id}_scale")
        if self.errors:
            ids.append(f"{self.id}_error")
        if self.is_text:
            ids.append(f"{self.id}-limit-message")
        return " ".join(ids)

    @property
    def first_input_id(self) -> str:
        return self.options[0][2] if self.options else self.id


class AnswerForm(forms.Form):
    """All questions of a round, one field `q_<id>` per question.

    With partial=True (autosave) only the questions present in the data are
    fields, and required questions may be left empty for now.
    """

    def __init__(
        self,
        questions: Sequence[Question],
        data: Mapping[str, Any] | None = None,
        *,
        saved: Mapping[int, Answer] | None = None,
        partial: bool = False,
    ) -> None:
        saved = saved or {}
        super().__init__(
            data,
            initial={field_name(q): saved_value(saved.get(q.pk)) for q in questions},
        )
        self.partial = partial
        self.questions = [
            q for q in questions if not partial or field_name(q) in (data or {})
        ]
        for question in self.questions:
            self.fields[field_name(question)] = AnswerField(
                question,
                required=question.required and not partial,
                label=question.prompt,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.partial and not self.questions:
            raise forms.ValidationError(
                _("There was no answer to save."), code="nothing"
            )
        if (
            not self.partial
            and not self.errors
            and all(v.is_empty() for v in self.values().values())
        ):
            # An empty form is no one's answer; counted, it would make a small group look big.
            raise forms.ValidationError(
                _(
                    "You have not answered any of the questions. Write at least one answer before you send. If you do not want to take part, you can simply close the page."
                ),
                code="empty",
            )
        return cleaned or {}

    def values(self) -> dict[Question, AnswerValue]:
        """The answers that passed validation, even if others did not."""
        return {
            q: self.cleaned_data[field_name(q)]
            for q in self.questions
            if field_name(q) in getattr(self, "cleaned_data", {})
        }

    def items(self) -> list[QuestionItem]:
        items = []
        for question in self.questions:
            name = field_name(question)
            bound = self[name]
            value = bound.value()
            value = value.replace("\x00", "") if isinstance(value, str) else ""
            if question.kind == Question.Kind.SCALE:
                labels = list(SCALE_VALUES)
            elif question.kind == Question.Kind.CHOICE:
                labels = [str(c) for c in question.choices]
            else:
                labels = []
            items.append(
                QuestionItem(
                    question=question,
                    name=name,
                    id=f"id_{name}",
                    value=value,
                    errors=[str(e) for e in bound.errors] if self.is_bound else [],
                    options=[
                        (label, label, f"id_{name}_{i}")
                        for i, label in enumerate(labels)
                    ],
                )
            )
        return items

    @property
    def max_length(self) -> int:
        return int(settings.KERNE_MAX_ANSWER_LENGTH)

    def first_error(self) -> str:
        for errors in self.errors.values():
            return str(errors[0])
        return gettext("The answer could not be saved.")


class ReceiptForm(KerneFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Receipt code"),
        max_length=100,
        help_text=_(
            "You got the code when you sent your answers. Small letters, spaces and dashes are fine."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        # The view adds "unknown code" after cleaning; link the widget to it too.
        dkfds_widget_attrs(self)
