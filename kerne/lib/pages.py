"""Helpers for pages whose data is one dataclass, built by a function in the app's pages.py."""

from __future__ import annotations

from dataclasses import fields
from typing import Any


def as_context(page: Any) -> dict[str, Any]:
    """A page dataclass's fields as template variables (shallow: models stay models)."""
    return {f.name: getattr(page, f.name) for f in fields(page)}
