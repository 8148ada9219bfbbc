"""Helpers for pages whose data is one dataclass, built by a function in the app's pages.py."""

from __future__ import annotations

from dataclasses import fields
from typing import Any


def as_context(page: Any, *, spread: str | None = None) -> dict[str, Any]:
    """A page dataclass's fields as template variables (shallow: models stay models).

    `spread` names a field holding an optional part of the page (a dataclass or None):
    its fields become variables of their own when it is there, and nothing when it is not.
    """
    found = {f.name: getattr(page, f.name) for f in fields(page)}
    if spread is not None and (part := found.pop(spread)) is not None:
        found.update(as_context(part))
    return found
