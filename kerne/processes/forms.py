from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kerne.lib.forms import KerneFormMixin
from kerne.processes.models import Dimension, Phase, Process, Question, StakeholderGroup


class ProcessForm(KerneFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(
        label=_("Why are we asking?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Shown to participants: why they are asked and what their answers are used for."
        ),
    )
    anonymity_threshold = forms.IntegerField(
        label=_("Anonymity threshold"),
        min_value=settings.KERNE_MIN_ANONYMITY_THRESHOLD,
        max_value=50,
        initial=settings.KERNE_DEFAULT_ANONYMITY_THRESHOLD,
        help_text=_(
            "No answers, counts or figures are shown for a group with fewer respondents than this (at least 3)."
        ),
    )


class PhaseForm(KerneFormMixin, forms.Form):
    phase = forms.ChoiceField(label=_("Phase"), choices=Phase.choices)


class GroupForm(KerneFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    side = forms.ChoiceField(
        label=_("Inside or outside the workplace"),
        choices=StakeholderGroup.Side.choices,
    )

    def __init__(
        self,
        *args: Any,
        process: Process,
        group: StakeholderGroup | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.process = process
        self.group = group

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        others = self.process.groups.all()
        if self.group is not None:
            others = others.exclude(pk=self.group.pk)
        if others.filter(name__iexact=name).exists():
            raise forms.ValidationError(
                _("The process already has a group with that name.")
            )
        if not slugify(name):
            raise forms.ValidationError(_("Write a name with letters or digits."))
        return name

    def key(self) -> str:
        base: str = slugify(
            self.cleaned_data["name"]
            .replace("æ", "ae")
            .replace("ø", "oe")
            .replace("å", "aa")
        )[:30]
        key, n = base, 2
        while self.process.groups.filter(key=key).exists():
            key, n = f"{base}-{n}", n + 1
        return key


class RoundForm(KerneFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    intro = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown to participants before the first question."),
    )
    with_dimension_questions = forms.BooleanField(
        label=_("Start with the four dimension questions"), required=False, initial=True
    )


class OpenRoundForm(KerneFormMixin, forms.Form):
    closes_at = forms.DateTimeField(
        label=_("Closes at"),
        required=False,
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y"],
        help_text=_("Leave empty to close the round by hand."),
    )

    def clean_closes_at(self) -> Any:
        from django.utils import timezone

        value = self.cleaned_data["closes_at"]
        if value is not None and value <= timezone.now():
            raise forms.ValidationError(_("The closing time must be in the future."))
        return value


class QuestionForm(KerneFormMixin, forms.Form):
    prompt = forms.CharField(
        label=_("Question"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    help_text = forms.CharField(label=_("Help text"), max_length=500, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of answer"),
        choices=Question.Kind.choices,
        initial=Question.Kind.TEXT,
    )
    dimension = forms.ChoiceField(
        label=_("Dimension"),
        choices=[("", _("None"))] + list(Dimension.choices),
        required=False,
    )
    choices = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only for single choice. One option per line, at least two."),
    )
    scale_low_label = forms.CharField(
        label=_("Label for 1"),
        max_length=60,
        required=False,
        help_text=_("Only for a scale, e.g. “Not at all”."),
    )
    scale_high_label = forms.CharField(
        label=_("Label for 5"),
        max_length=60,
        required=False,
        help_text=_("Only for a scale, e.g. “To a very high degree”."),
    )
    required = forms.BooleanField(
        label=_("The participant must answer"), required=False
    )

    def __init__(
        self, *args: Any, editing: Question | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if editing is not None:
            # The kind decides how answers are stored; changing it would orphan them.
            self.fields["kind"].disabled = True

    def clean_choices(self) -> list[str]:
        lines = [
            line.strip() for line in self.cleaned_data.get("choices", "").splitlines()
        ]
        options = list(dict.fromkeys(line for line in lines if line))
        if any(len(option) > 200 for option in options):
            raise forms.ValidationError(_("An option may be at most 200 characters."))
        return options

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("kind") == Question.Kind.CHOICE
            and len(data.get("choices") or []) < 2
        ):
            self.add_error(
                "choices", _("A single-choice question needs at least two options.")
            )
        return data
