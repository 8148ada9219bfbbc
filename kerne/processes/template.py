"""The template a new process starts from: stakeholder groups and the four dimension questions.

These are content, not interface text: they are copied into the process in
Danish, and the facilitator edits them there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kerne.processes.models import Dimension, Question, StakeholderGroup


@dataclass(frozen=True)
class GroupTemplate:
    key: str
    name: str
    side: str


@dataclass(frozen=True)
class QuestionTemplate:
    prompt: str
    help_text: str
    dimension: str = ""
    kind: str = Question.Kind.TEXT
    choices: tuple[str, ...] = field(default_factory=tuple)
    scale_low_label: str = ""
    scale_high_label: str = ""


DEFAULT_GROUPS = (
    GroupTemplate("medarbejder", "Medarbejder", StakeholderGroup.Side.INSIDE),
    GroupTemplate("leder", "Leder", StakeholderGroup.Side.INSIDE),
    GroupTemplate("borger", "Borger", StakeholderGroup.Side.OUTSIDE),
    GroupTemplate("paaroerende", "Pårørende", StakeholderGroup.Side.OUTSIDE),
    GroupTemplate(
        "samarbejdspartner", "Samarbejdspartner", StakeholderGroup.Side.OUTSIDE
    ),
)

DIMENSION_QUESTIONS = (
    QuestionTemplate(
        prompt="Hvis vores arbejdsplads lukkede i morgen – hvad ville borgerne så savne?",
        help_text="Tænk på den forskel, vi gør for dem, ikke på de ydelser, vi leverer.",
        dimension=Dimension.VAERDI,
    ),
    QuestionTemplate(
        prompt="Hvad skulle vi gerne være stolte af og kendt for om fem år?",
        help_text="Beskriv det, du håber, andre vil sige om os.",
        dimension=Dimension.AMBITION,
    ),
    QuestionTemplate(
        prompt="Hvordan løser vi opgaven sammen med borgeren, og ikke kun for borgeren?",
        help_text="Fortæl med dine egne ord, hvad du gør – fx om du sikrer, støtter, hjælper, vejleder eller coacher.",
        dimension=Dimension.TILGANG,
    ),
    QuestionTemplate(
        prompt="Hvem skal vi lykkes sammen med – og hvad kalder vi dem?",
        help_text="Skriv de ord, du selv bruger om dem, I er til for.",
        dimension=Dimension.MAALGRUPPE,
    ),
)

DEFAULT_ROUND_TITLE = "Indkredsning af kerneopgaven"
DEFAULT_ROUND_INTRO = (
    "Vi vil gerne blive klogere på, hvad vores kerneopgave er – set fra både medarbejdere, "
    "borgere og samarbejdspartnere. Svar med dine egne ord – der er ingen rigtige eller "
    "forkerte svar, og du kan springe et spørgsmål over."
)
