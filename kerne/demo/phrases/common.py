"""What every demo phrase bank is made of, and the fragments they share.

A phrase bank is data: planted themes with their paraphrases per *voice* (who is
speaking: staff, citizen, relative, partner …), openers and endings per group, and the
knobs that make a round look real (skip rates, scale distributions, verbosity).

Cores may contain slots in braces that the generator fills per respondent:
``{rel}``/``{Rel}`` (a relative such as "min mor"), ``{pron}``/``{Pron}``, ``{obj}`` and
``{poss}`` (the matching pronouns), ``{antal}``, ``{klokken}``, ``{fornavn}``, ``{fag}``,
``{klasse}`` and ``{aar}``. Every text is our own; nothing is copied.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Voices = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Theme:
    """One planted theme of a text question, with paraphrases per voice.

    ``cores`` are neutral (or, for the approach question, phrased *for* them);
    ``with_cores`` are the approach answers phrased *with* them.
    """

    key: str
    label: str
    cores: Voices
    short: tuple[str, ...] = ()
    with_cores: Voices = field(default_factory=dict)


@dataclass(frozen=True)
class TextBank:
    """Themes and framing fragments for one open text question."""

    question: str
    themes: tuple[Theme, ...]
    weights: Mapping[str, Mapping[str, int]]  # group -> theme key -> weight
    openers: Mapping[str, tuple[str, ...]]  # group -> openers
    endings: Mapping[str, tuple[str, ...]]  # voice -> endings
    with_share: Mapping[str, float] = field(default_factory=dict)  # group -> P("med")


@dataclass(frozen=True)
class GroupSpec:
    """A stakeholder group of a unit."""

    key: str
    label: str
    count: int
    voice: str
    staff: bool
    verbosity: tuple[float, float, float]  # P(short), P(normal), P(long)
    sloppy: float  # share of respondents who type carelessly
    non_answer: float  # P(a text answer is "ved ikke", "-" …)
    skip: Mapping[str, float]  # question key -> P(skipped)
    scale: tuple[int, int, int, int, int]  # weights for 1..5 on "lykkes"


@dataclass(frozen=True)
class UnitBank:
    """All phrase data for one demo unit."""

    key: str
    name: str
    groups: tuple[GroupSpec, ...]
    texts: Mapping[str, TextBank]
    connectors: tuple[str, ...]
    non_answers: tuple[str, ...]
    relations: tuple[tuple[str, str, str, str], ...]  # (rel, pron, obj, poss)
    slots: Mapping[str, tuple[str, ...]]
    seniority: Mapping[str, tuple[int, int, int, int]]  # staff group -> choice weights


SENIORITY_CHOICES: tuple[str, ...] = (
    "Under 2 år",
    "2–10 år",
    "Over 10 år",
    "Ønsker ikke at svare",
)

CONNECTORS: tuple[str, ...] = (
    "Og så en ting til:",
    "Derudover:",
    "Men også:",
    "Og noget andet:",
    "Samtidig –",
    "Plus:",
    "Og ikke mindst:",
    "Hertil kommer:",
    "Men lige så vigtigt:",
    "Og så en sidste ting:",
)

NON_ANSWERS: tuple[str, ...] = (
    "ved ikke",
    "Ved ikke.",
    "-",
    "?",
    "...",
    "Ingen kommentarer",
    "ved ikk",
    "Det ved jeg ikke rigtig.",
    "Har ikke nogen mening om det",
    "nej",
    "x",
    "Spring over",
)
