"""The themes app's answer to what happens in kerne.processes (connected in apps.py)."""

from __future__ import annotations

from typing import Any

from kerne.processes.models import Round
from kerne.themes.services import queue_analysis


def analyse_closed_round(sender: type[Round], *, round_: Round, **kwargs: Any) -> None:
    """A round closed: queue its analysis (it runs in the worker once the close commits)."""
    queue_analysis(round_)
