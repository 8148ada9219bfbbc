"""The template a new process starts from: stakeholder groups and the four dimension questions.

These are content, not interface text: they are copied into the process in the
language of the person who creates it (Danish unless they chose English), and
the facilitator edits them there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from kerne.processes.models import Dimension, Question, StakeholderGroup


@dataclass(frozen=True)
class GroupTemplate:
    key: str
    name: StrOrPromise
    side: str


@dataclass(frozen=True)
class QuestionTemplate:
    prompt: StrOrPromise
    help_text: StrOrPromise
    dimension: str = ""
    kind: str = Question.Kind.TEXT
    choices: tuple[StrOrPromise, ...] = field(default_factory=tuple)
    scale_low_label: StrOrPromise = ""
    scale_high_label: StrOrPromise = ""


DEFAULT_GROUPS = (
    GroupTemplate("medarbejder", _("Employee"), StakeholderGroup.Side.INSIDE),
    GroupTemplate("leder", _("Manager"), StakeholderGroup.Side.INSIDE),
    GroupTemplate("borger", _("Citizen"), StakeholderGroup.Side.OUTSIDE),
    GroupTemplate("paaroerende", _("Relative"), StakeholderGroup.Side.OUTSIDE),
    GroupTemplate("samarbejdspartner", _("Partner"), StakeholderGroup.Side.OUTSIDE),
)

DIMENSION_QUESTIONS = (
    QuestionTemplate(
        prompt=_("If our workplace closed tomorrow, what would the citizens miss?"),
        help_text=_(
            "Think of the difference we make for them, not of the services we deliver."
        ),
        dimension=Dimension.VAERDI,
    ),
    QuestionTemplate(
        prompt=_("What would we like to be proud of and known for in five years?"),
        help_text=_("Describe what you hope others will say about us."),
        dimension=Dimension.AMBITION,
    ),
    QuestionTemplate(
        prompt=_(
            "How do we solve the task together with the citizen, not only for them?"
        ),
        help_text=_(
            "Tell us in your own words what you do – for example whether you ensure, "
            "support, help, guide or coach."
        ),
        dimension=Dimension.TILGANG,
    ),
    QuestionTemplate(
        prompt=_("Who must we succeed together with – and what do we call them?"),
        help_text=_(
            "Write the words you yourself use for the people we are there for."
        ),
        dimension=Dimension.MAALGRUPPE,
    ),
)

DEFAULT_ROUND_TITLE = _("Exploring the core task")
DEFAULT_ROUND_INTRO = _(
    "We would like to understand our core task better – as employees, citizens and "
    "partners see it. Answer in your own words – there are no right or wrong answers, "
    "and you can skip a question."
)
