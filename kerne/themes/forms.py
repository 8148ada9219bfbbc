"""Forms for the facilitator's theme edits; choices come from the question's stored themes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kerne.analysis.themes import NO_ANSWER_ID, OTHER_ID, OTHER_LABEL
from kerne.lib.forms import KerneFormMixin
from kerne.participation.reporting import answer_key
from kerne.themes.models import QuestionAnalysis
from kerne.themes.results import real_themes

NOT_A_THEME = _("Choose one of this question's themes.")
NOT_AN_ANSWER = _("Choose among the answers shown.")


class Checkboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose field links to its first box.

    Django gives a group of boxes no id to label (the legend names it), so the
    error summary's link would lead nowhere; it leads to the first box, as
    GOV.UK's error summary does.
    """

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return super().id_for_label(id_, "0" if index is None else index)


def _theme_choices(qa: QuestionAnalysis) -> list[tuple[str, str]]:
    return [(t["id"], t["label"]) for t in real_themes(qa.themes)]


def answer_keys(qa: QuestionAnalysis) -> dict[str, int]:
    """The question's answers that can be chosen, by the key a page names them with."""
    return {
        answer_key(qa.question_id, int(a)): int(a)
        for a, p in qa.assignments.items()
        if p["theme"] != NO_ANSWER_ID
    }


class ThemeForm(KerneFormMixin, forms.Form):
    theme = forms.ChoiceField(
        widget=forms.HiddenInput, error_messages={"invalid_choice": NOT_A_THEME}
    )
    label = forms.CharField(
        label=_("Name"),
        max_length=120,
        error_messages={"required": _("Give the theme a name.")},
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One sentence on what the answers in this theme say."),
    )

    def __init__(self, *args: Any, qa: QuestionAnalysis, **kwargs: Any) -> None:
        # The theme page also holds the split form's "label": keep the ids apart.
        kwargs.setdefault("auto_id", "id_theme_%s")
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = _theme_choices(qa)  # type: ignore[attr-defined]


class MergeForm(KerneFormMixin, forms.Form):
    themes = forms.MultipleChoiceField(
        label=_("Themes to merge"),
        widget=Checkboxes,
        error_messages={
            "required": _("Choose at least two themes to merge."),
            "invalid_choice": NOT_A_THEME,
        },
    )
    label = forms.CharField(
        label=_("Name of the merged theme"),
        max_length=120,
        required=False,
        help_text=_("Leave empty to keep the name of the first theme you chose."),
    )

    def __init__(self, *args: Any, qa: QuestionAnalysis, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = _theme_choices(qa)  # type: ignore[attr-defined]

    def clean_themes(self) -> list[str]:
        chosen: list[str] = self.cleaned_data["themes"]
        if len(set(chosen)) < 2:
            raise forms.ValidationError(_("Choose at least two themes to merge."))
        return chosen


class AnswersForm(KerneFormMixin, forms.Form):
    # Chosen by key, never by id (`reporting.answer_key`); cleaned to the ids.
    answers = forms.TypedMultipleChoiceField(
        label=_("Answers"),
        widget=Checkboxes,
        error_messages={
            "required": _("Choose at least one answer."),
            "invalid_choice": NOT_AN_ANSWER,
        },
    )

    def __init__(self, *args: Any, qa: QuestionAnalysis, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        by_key = answer_keys(qa)
        field = self.fields["answers"]
        field.choices = [(key, key) for key in by_key]  # type: ignore[attr-defined]
        field.coerce = by_key.__getitem__  # type: ignore[attr-defined]


class SplitForm(AnswersForm):
    label = forms.CharField(
        label=_("Name of the new theme"),
        max_length=120,
        error_messages={"required": _("Give the new theme a name.")},
    )
    description = forms.CharField(
        label=_("Description"), max_length=500, required=False
    )


class MoveForm(AnswersForm):
    target = forms.ChoiceField(
        label=_("Move to"),
        error_messages={
            "required": _("Choose the theme to move the answers to."),
            "invalid_choice": NOT_A_THEME,
        },
    )

    def __init__(self, *args: Any, qa: QuestionAnalysis, **kwargs: Any) -> None:
        super().__init__(*args, qa=qa, **kwargs)
        choices: Sequence[tuple[str, str]] = [
            *_theme_choices(qa),
            (OTHER_ID, OTHER_LABEL),
        ]
        self.fields["target"].choices = choices  # type: ignore[attr-defined]


class DeleteForm(forms.Form):
    theme = forms.ChoiceField(error_messages={"invalid_choice": NOT_A_THEME})

    def __init__(self, *args: Any, qa: QuestionAnalysis, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = _theme_choices(qa)  # type: ignore[attr-defined]
