"""Danish phrase banks for the demo answer generator, one module per demo unit.

``common`` holds the building blocks (``Theme``, ``TextBank``, ``GroupSpec``, ``UnitBank``)
and the fragments every unit shares; each unit's module holds its own voices.
"""

from __future__ import annotations

from collections.abc import Mapping

from kerne.demo.phrases.common import (
    CONNECTORS,
    NON_ANSWERS,
    SENIORITY_CHOICES,
    GroupSpec,
    TextBank,
    Theme,
    UnitBank,
    Voices,
)
from kerne.demo.phrases.hjemmepleje_nord import HOME_CARE
from kerne.demo.phrases.jobcenter import JOB_SUGGESTIONS, JOBCENTER
from kerne.demo.phrases.skole import SCHOOL

__all__ = [
    "BANKS",
    "CONNECTORS",
    "HOME_CARE",
    "JOBCENTER",
    "JOB_SUGGESTIONS",
    "NON_ANSWERS",
    "SCHOOL",
    "SENIORITY_CHOICES",
    "GroupSpec",
    "TextBank",
    "Theme",
    "UnitBank",
    "Voices",
]

BANKS: Mapping[str, UnitBank] = {
    HOME_CARE.key: HOME_CARE,
    SCHOOL.key: SCHOOL,
    JOBCENTER.key: JOBCENTER,
}
