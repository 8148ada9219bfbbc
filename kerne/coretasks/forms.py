from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kerne.coretasks.models import DIMENSIONS, Version
from kerne.coretasks.services import DraftText
from kerne.lib.forms import KerneFormMixin
from kerne.organisations.models import Unit
from kerne.processes.models import Dimension

TEXT_LIMIT = 5000


def _text_field(
    label: Any, help_text: Any, *, required: bool = False
) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DraftForm(KerneFormMixin, forms.Form):
    statement = _text_field(
        _("The core task"),
        _("One or two sentences: why the workplace exists, not what it does."),
        required=True,
    )
    vaerdi = _text_field(
        Dimension.VAERDI.label, _("What would they miss if we disappeared tomorrow?")
    )
    ambition = _text_field(
        Dimension.AMBITION.label,
        _("What do we want to be proud of, and known for, in five years?"),
    )
    tilgang = _text_field(
        Dimension.TILGANG.label, _("How do we solve the task with them, not for them?")
    )
    maalgruppe = _text_field(
        Dimension.MAALGRUPPE.label,
        _("Who must we succeed together with, and what do we call them?"),
    )

    def __init__(
        self, *args: Any, latest: Version | None = None, **kwargs: Any
    ) -> None:
        if latest is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "statement": latest.statement,
                **{d: latest.text_of(d) for d in DIMENSIONS},
            }
        super().__init__(*args, **kwargs)
        self.latest = latest

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.latest is not None and not self.errors:
            unchanged = data.get("statement", "") == self.latest.statement and all(
                data.get(d, "") == self.latest.text_of(d) for d in DIMENSIONS
            )
            if unchanged:
                raise forms.ValidationError(
                    _("Nothing has changed since version %(number)s."),
                    params={"number": self.latest.number},
                )
        return data

    def draft(self) -> DraftText:
        data = self.cleaned_data
        return DraftText(
            statement=data["statement"].strip(),
            **{d: data.get(d, "").strip() for d in DIMENSIONS},
        )


class CommentForm(KerneFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a comment before you send it.")},
    )


class VersionChoiceField(forms.ModelChoiceField[Version]):
    def label_from_instance(self, obj: Version) -> str:
        return _("Version %(number)s") % {"number": obj.number}


class CompareForm(KerneFormMixin, forms.Form):
    old = VersionChoiceField(
        label=_("Compare version"),
        queryset=Version.objects.none(),
        to_field_name="number",
    )
    new = VersionChoiceField(
        label=_("with version"), queryset=Version.objects.none(), to_field_name="number"
    )

    def __init__(self, *args: Any, versions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("old", "new"):
            field = self.fields[name]
            assert isinstance(field, VersionChoiceField)
            field.queryset = versions


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]


class AdoptForm(KerneFormMixin, forms.Form):
    adopted_on = forms.DateField(
        label=_("Adopted on"), widget=_date_widget(), input_formats=DATE_FORMATS
    )
    review_on = forms.DateField(
        label=_("Review on"),
        widget=_date_widget(),
        input_formats=DATE_FORMATS,
        help_text=_("When you will look at the core task again. It is never finished."),
    )
    change_note = forms.CharField(
        label=_("What changed and why"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "A short note for the history, e.g. what the qualification showed."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        today = timezone.localdate()
        kwargs.setdefault(
            "initial",
            {"adopted_on": today, "review_on": today + dt.timedelta(days=365)},
        )
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        adopted, review = data.get("adopted_on"), data.get("review_on")
        if adopted and review and review <= adopted:
            self.add_error(
                "review_on", _("The review date must come after the adoption date.")
            )
        return data


class NotCoreTaskForm(KerneFormMixin, forms.Form):
    title = forms.CharField(label=_("Task or activity"), max_length=200)
    reason = forms.CharField(
        label=_("Why it is not our core task"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decided_on = forms.DateField(
        label=_("Decided on"), widget=_date_widget(), input_formats=DATE_FORMATS
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"decided_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class NewRoundForm(KerneFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Which round do you want to start?"),
        widget=forms.RadioSelect,
        choices=[
            (
                "kvalificering",
                _("Qualification: ask again whether people recognise it"),
            ),
            (
                "indkredsning",
                _("Exploration: collect new answers on the four dimensions"),
            ),
        ],
        initial="kvalificering",
        error_messages={"required": _("Choose which round to start.")},
    )


SORT_CHOICES = [
    ("name", _("Unit")),
    ("phase", _("Phase")),
    ("adopted", _("Adopted")),
    ("review", _("Next review")),
    ("inside", _("Recognition inside")),
    ("outside", _("Recognition outside")),
]


class OverviewForm(KerneFormMixin, forms.Form):
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("All units"),
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    descending = forms.BooleanField(label=_("Highest or latest first"), required=False)

    def __init__(self, *args: Any, areas: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["area"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = areas
