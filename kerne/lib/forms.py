"""Give every form widget DKFDS classes and the aria links to its hint and error."""

from __future__ import annotations

from typing import Any

from django import forms


def dkfds_widget_attrs(form: forms.BaseForm) -> None:
    for name, field in form.fields.items():
        bound = form[name]
        widget = field.widget
        # DKFDS styles the input itself; its label follows it as a sibling.
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
            css = "form-checkbox"
        elif isinstance(widget, forms.RadioSelect):
            css = "form-radio"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-input"
        widget.attrs.setdefault("class", css)
        described = []
        if field.help_text:
            described.append(f"{bound.auto_id}_hint")
        # Read errors only once cleaning has run; touching bound.errors here would clean too early.
        errors = getattr(form, "_errors", None)
        if errors and name in errors:
            described.append(f"{bound.auto_id}_error")
            widget.attrs["aria-invalid"] = "true"
        if described:
            widget.attrs["aria-describedby"] = " ".join(described)


class KerneFormMixin:
    """Mix into a Form so its widgets render with DKFDS classes."""

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        dkfds_widget_attrs(self)  # type: ignore[arg-type]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        dkfds_widget_attrs(self)  # type: ignore[arg-type]
