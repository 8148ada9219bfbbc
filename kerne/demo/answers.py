"""Seeded generator of realistic Danish demo answers (pure Python, no Django).

``generate_respondents()`` gives the round of Hjemmeplejen Nord (Solbjerg Kommune),
``generate_school_respondents()`` the round of Solbjerg Skole and
``generate_job_respondents()`` the first round of Jobcenter Solbjerg. All are deterministic
for a seed. ``generate_labelled_respondents()`` returns the same respondents together with the
planted themes behind every answer, so analyses can be checked against a known truth.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from kerne.demo.phrases import (
    BANKS,
    HOME_CARE,
    JOBCENTER,
    SCHOOL,
    SENIORITY_CHOICES,
    GroupSpec,
    TextBank,
    Theme,
    UnitBank,
)

__all__ = [
    "DEFAULT_COUNTS",
    "GROUPS",
    "JOB_DEFAULT_COUNTS",
    "JOB_GROUPS",
    "JOB_QUESTIONS",
    "JOB_UNIT_NAME",
    "MAX_ANSWER_LENGTH",
    "MUNICIPALITY",
    "OUTSIDE_PROMPTS",
    "QUESTIONS",
    "SCHOOL_DEFAULT_COUNTS",
    "SCHOOL_GROUPS",
    "SCHOOL_OUTSIDE_PROMPTS",
    "SCHOOL_QUESTIONS",
    "SCHOOL_UNIT_NAME",
    "SENIORITY_CHOICES",
    "UNIT_NAME",
    "DemoGroup",
    "DemoRespondent",
    "LabelledRespondent",
    "DemoQuestion",
    "generate_job_respondents",
    "generate_labelled_respondents",
    "generate_respondents",
    "generate_school_respondents",
    "planted_themes",
]

QuestionKind = Literal["text", "scale", "choice"]
Dimension = Literal["vaerdi", "ambition", "tilgang", "maalgruppe", ""]
Unit = Literal["hjemmepleje", "skole", "jobcenter"]

MUNICIPALITY = "Solbjerg Kommune"
UNIT_NAME = HOME_CARE.name
SCHOOL_UNIT_NAME = SCHOOL.name
JOB_UNIT_NAME = JOBCENTER.name
MAX_ANSWER_LENGTH = 5000


@dataclass(frozen=True)
class DemoQuestion:
    """One question of a demo round."""

    key: str
    kind: QuestionKind
    dimension: Dimension
    prompt: str
    help_text: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoGroup:
    """A stakeholder group with its Danish label and default size."""

    key: str
    label: str
    count: int
    staff: bool


@dataclass(frozen=True)
class DemoRespondent:
    """One anonymous respondent: question key -> text, 1–5 or a choice. Missing key = skipped."""

    group: str
    answers: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class LabelledRespondent:
    """A respondent plus the ground truth the generator planted.

    ``themes``: text question key -> planted theme keys (empty for non-answers).
    ``stance``: for "tilgang", "for" or "med" (empty if short, skipped or a non-answer).
    ``styles``: question key -> realism marks such as "short", "long", "non_answer",
    "typo", "ascii" (æøå written as ae/oe/aa) and "lowercase".
    """

    respondent: DemoRespondent
    themes: dict[str, tuple[str, ...]]
    stance: str
    styles: dict[str, tuple[str, ...]]


_LYKKES_HELP = "1 = slet ikke, 5 = i meget høj grad."
_ANCIENNITET_HELP = "Hvor længe har du arbejdet her? Spørgsmålet er frivilligt."

QUESTIONS: tuple[DemoQuestion, ...] = (
    DemoQuestion(
        key="vaerdi",
        kind="text",
        dimension="vaerdi",
        prompt="Hvad ville borgerne mangle, hvis vi forsvandt i morgen?",
        help_text="Tænk på hvorfor vi er her – ikke hvad vi laver. Skriv frit, gerne med et eksempel.",
    ),
    DemoQuestion(
        key="ambition",
        kind="text",
        dimension="ambition",
        prompt="Hvad vil vi gerne være stolte af og kendt for om fem år?",
        help_text="Hvad skal andre sige om os om fem år? Én ting er nok.",
    ),
    DemoQuestion(
        key="tilgang",
        kind="text",
        dimension="tilgang",
        prompt="Hvordan løser vi opgaven sammen med borgeren? Beskriv med dine egne ord, hvad du gør.",
        help_text="Brug dine egne ord. Fortæl gerne om en konkret situation fra hverdagen.",
    ),
    DemoQuestion(
        key="maalgruppe",
        kind="text",
        dimension="maalgruppe",
        prompt="Hvem skal vi lykkes sammen med – og hvad kalder vi dem?",
        help_text="Skriv de ord, du selv bruger – der er ingen forkerte svar.",
    ),
    DemoQuestion(
        key="lykkes",
        kind="scale",
        dimension="",
        prompt="I hvor høj grad lykkes vi i dag med det, der er vigtigst?",
        help_text=_LYKKES_HELP,
    ),
    DemoQuestion(
        key="anciennitet",
        kind="choice",
        dimension="",
        prompt="Hvor længe har du arbejdet i Hjemmeplejen Nord?",
        help_text=_ANCIENNITET_HELP,
        choices=SENIORITY_CHOICES,
    ),
)

SCHOOL_QUESTIONS: tuple[DemoQuestion, ...] = (
    DemoQuestion(
        key="vaerdi",
        kind="text",
        dimension="vaerdi",
        prompt="Hvad ville eleverne mangle, hvis vi forsvandt i morgen?",
        help_text="Tænk på hvorfor skolen er her – ikke hvad vi laver. Skriv frit.",
    ),
    DemoQuestion(
        key="ambition",
        kind="text",
        dimension="ambition",
        prompt="Hvad vil vi gerne være stolte af og kendt for om fem år?",
        help_text="Hvad skal elever og forældre sige om skolen om fem år?",
    ),
    DemoQuestion(
        key="tilgang",
        kind="text",
        dimension="tilgang",
        prompt="Hvordan løser vi opgaven sammen med eleverne? Beskriv med dine egne ord, hvad du gør.",
        help_text="Fortæl gerne om en konkret situation fra en skoledag.",
    ),
    DemoQuestion(
        key="maalgruppe",
        kind="text",
        dimension="maalgruppe",
        prompt="Hvem skal vi lykkes sammen med – og hvad kalder vi dem?",
        help_text="Skriv de ord, du selv bruger – der er ingen forkerte svar.",
    ),
    DemoQuestion(
        key="lykkes",
        kind="scale",
        dimension="",
        prompt="I hvor høj grad lykkes vi i dag med det, der er vigtigst?",
        help_text=_LYKKES_HELP,
    ),
    DemoQuestion(
        key="anciennitet",
        kind="choice",
        dimension="",
        prompt="Hvor længe har du arbejdet på Solbjerg Skole?",
        help_text=_ANCIENNITET_HELP,
        choices=SENIORITY_CHOICES,
    ),
)

JOB_QUESTIONS: tuple[DemoQuestion, ...] = (
    DemoQuestion(
        key="vaerdi",
        kind="text",
        dimension="vaerdi",
        prompt="Hvad ville borgerne og virksomhederne mangle, hvis jobcentret lukkede i morgen?",
        help_text="Tænk på den forskel, vi gør – ikke på de ydelser og forløb, vi tilbyder.",
    ),
    DemoQuestion(
        key="ambition",
        kind="text",
        dimension="ambition",
        prompt="Hvad vil vi gerne være stolte af og kendt for om fem år?",
        help_text="Hvad skal borgere og virksomheder sige om jobcentret om fem år?",
    ),
    DemoQuestion(
        key="tilgang",
        kind="text",
        dimension="tilgang",
        prompt="Hvordan løser vi opgaven sammen med borgeren, og ikke kun for borgeren?",
        help_text="Fortæl gerne om en konkret samtale eller et forløb.",
    ),
    DemoQuestion(
        key="maalgruppe",
        kind="text",
        dimension="maalgruppe",
        prompt="Hvem skal vi lykkes sammen med – og hvad kalder vi dem?",
        help_text="Skriv de ord, du selv bruger – der er ingen forkerte svar.",
    ),
    DemoQuestion(
        key="lykkes",
        kind="scale",
        dimension="",
        prompt="I hvor høj grad lykkes vi i dag med det, der er vigtigst?",
        help_text=_LYKKES_HELP,
    ),
    DemoQuestion(
        key="anciennitet",
        kind="choice",
        dimension="",
        prompt="Hvor længe har du arbejdet i Jobcenter Solbjerg?",
        help_text=_ANCIENNITET_HELP,
        choices=SENIORITY_CHOICES,
    ),
)

#: The same questions phrased from the citizens' and relatives' side (optional to use).
OUTSIDE_PROMPTS: Mapping[str, str] = {
    "vaerdi": "Hvad ville du mangle, hvis hjemmeplejen forsvandt i morgen?",
    "ambition": "Hvad skal hjemmeplejen være stolt af og kendt for om fem år?",
    "tilgang": "Hvordan løser hjemmeplejen opgaven sammen med dig? Beskriv med dine egne ord.",
    "maalgruppe": "Hvem skal hjemmeplejen lykkes sammen med – og hvad skal de kalde jer?",
    "lykkes": "I hvor høj grad lykkes hjemmeplejen i dag med det, der er vigtigst for dig?",
}

SCHOOL_OUTSIDE_PROMPTS: Mapping[str, str] = {
    "vaerdi": "Hvad ville du mangle, hvis skolen forsvandt i morgen?",
    "ambition": "Hvad skal skolen være stolt af og kendt for om fem år?",
    "tilgang": "Hvordan arbejder skolen sammen med dig? Beskriv med dine egne ord.",
    "maalgruppe": "Hvem skal skolen lykkes sammen med – og hvad skal de kalde jer?",
    "lykkes": "I hvor høj grad lykkes skolen i dag med det, der er vigtigst for dig?",
}


def _groups(bank: UnitBank) -> tuple[DemoGroup, ...]:
    return tuple(
        DemoGroup(key=g.key, label=g.label, count=g.count, staff=g.staff)
        for g in bank.groups
    )


GROUPS: tuple[DemoGroup, ...] = _groups(HOME_CARE)
SCHOOL_GROUPS: tuple[DemoGroup, ...] = _groups(SCHOOL)
DEFAULT_COUNTS: Mapping[str, int] = {g.key: g.count for g in GROUPS}
SCHOOL_DEFAULT_COUNTS: Mapping[str, int] = {g.key: g.count for g in SCHOOL_GROUPS}
JOB_GROUPS: tuple[DemoGroup, ...] = _groups(JOBCENTER)
JOB_DEFAULT_COUNTS: Mapping[str, int] = {g.key: g.count for g in JOB_GROUPS}

_QUESTIONS_BY_UNIT: Mapping[str, tuple[DemoQuestion, ...]] = {
    HOME_CARE.key: QUESTIONS,
    SCHOOL.key: SCHOOL_QUESTIONS,
    JOBCENTER.key: JOB_QUESTIONS,
}

# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def generate_respondents(
    seed: int = 2026, counts: Mapping[str, int] | None = None
) -> list[DemoRespondent]:
    """Respondents of Hjemmeplejen Nord's round, in submission order.

    ``counts`` replaces the default group sizes (``DEFAULT_COUNTS``); groups it leaves out
    get no respondents.
    """
    return [
        lr.respondent
        for lr in generate_labelled_respondents(seed, counts, unit="hjemmepleje")
    ]


def generate_school_respondents(
    seed: int = 2026, counts: Mapping[str, int] | None = None
) -> list[DemoRespondent]:
    """Respondents of Solbjerg Skole's round (groups medarbejder, leder, elev, foraeldre)."""
    return [
        lr.respondent
        for lr in generate_labelled_respondents(seed, counts, unit="skole")
    ]


def generate_job_respondents(
    seed: int = 2026, counts: Mapping[str, int] | None = None
) -> list[DemoRespondent]:
    """Respondents of Jobcenter Solbjerg's first round (the five default groups)."""
    return [
        lr.respondent
        for lr in generate_labelled_respondents(seed, counts, unit="jobcenter")
    ]


def generate_labelled_respondents(
    seed: int = 2026,
    counts: Mapping[str, int] | None = None,
    *,
    unit: Unit = "hjemmepleje",
) -> list[LabelledRespondent]:
    """Respondents with the planted themes, stance and realism marks behind each answer."""
    bank = BANKS[unit]
    sizes = _resolve_counts(bank, counts)
    rng = random.Random(f"kerne-demo:{bank.key}:{seed}")
    specs = {g.key: g for g in bank.groups}
    out: list[LabelledRespondent] = []
    for group in bank.groups:
        for _ in range(sizes.get(group.key, 0)):
            out.append(_respondent(rng, bank, specs[group.key]))
    rng.shuffle(out)
    return out


def planted_themes(question_key: str, unit: Unit = "hjemmepleje") -> dict[str, str]:
    """Planted theme keys -> Danish labels for a text question of a unit."""
    return {t.key: t.label for t in BANKS[unit].texts[question_key].themes}


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------


def _resolve_counts(bank: UnitBank, counts: Mapping[str, int] | None) -> dict[str, int]:
    known = {g.key for g in bank.groups}
    if counts is None:
        return {g.key: g.count for g in bank.groups}
    unknown = sorted(set(counts) - known)
    if unknown:
        raise ValueError(f"Unknown group(s) for {bank.name}: {', '.join(unknown)}")
    for key, n in counts.items():
        if n < 0:
            raise ValueError(f"Count for {key!r} must not be negative, got {n}")
    return dict(counts)


@dataclass
class _Persona:
    """Per-respondent traits, so one person's answers hang together."""

    verbosity: str
    sloppy: bool
    ascii_only: bool
    lowercase: bool
    slots: dict[str, str]


def _respondent(
    rng: random.Random, bank: UnitBank, group: GroupSpec
) -> LabelledRespondent:
    persona = _persona(rng, bank, group)
    answers: dict[str, str | int] = {}
    themes: dict[str, tuple[str, ...]] = {}
    styles: dict[str, tuple[str, ...]] = {}
    stance = ""
    for question in _QUESTIONS_BY_UNIT[bank.key]:
        if rng.random() < group.skip.get(question.key, 0.0):
            continue
        if question.kind == "text":
            text, planted, marks, q_stance = _text_answer(
                rng, bank, bank.texts[question.key], group, persona
            )
            answers[question.key] = text
            themes[question.key] = planted
            styles[question.key] = marks
            if question.key == "tilgang":
                stance = q_stance
        elif question.kind == "scale":
            answers[question.key] = rng.choices(range(1, 6), weights=group.scale)[0]
        else:
            answers[question.key] = _seniority(rng, bank, group)
    return LabelledRespondent(
        respondent=DemoRespondent(group=group.key, answers=answers),
        themes=themes,
        stance=stance,
        styles=styles,
    )


def _persona(rng: random.Random, bank: UnitBank, group: GroupSpec) -> _Persona:
    verbosity = rng.choices(("short", "normal", "long"), weights=group.verbosity)[0]
    sloppy = rng.random() < group.sloppy
    rel, pron, obj, poss = rng.choice(bank.relations)
    slots = {name: rng.choice(values) for name, values in bank.slots.items()}
    slots.update(
        rel=rel,
        Rel=_capitalise(rel),
        pron=pron,
        Pron=_capitalise(pron),
        obj=obj,
        poss=poss,
    )
    return _Persona(
        verbosity=verbosity,
        sloppy=sloppy,
        ascii_only=sloppy and rng.random() < 0.3,
        lowercase=sloppy and rng.random() < 0.5,
        slots=slots,
    )


def _seniority(rng: random.Random, bank: UnitBank, group: GroupSpec) -> str:
    weights = bank.seniority.get(group.key)
    if weights is not None:
        return rng.choices(SENIORITY_CHOICES, weights=weights)[0]
    # Not staff: most skip (handled by the skip rate); the rest mostly decline, a few misread it.
    return rng.choices(SENIORITY_CHOICES, weights=(3, 3, 4, 90))[0]


def _text_answer(
    rng: random.Random,
    bank: UnitBank,
    text_bank: TextBank,
    group: GroupSpec,
    persona: _Persona,
) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
    """Return (text, planted theme keys, style marks, stance)."""
    if rng.random() < group.non_answer:
        return rng.choice(bank.non_answers), (), ("non_answer",), ""

    weights = text_bank.weights[group.key]
    by_key = {t.key: t for t in text_bank.themes}
    verbosity = persona.verbosity
    # A person is mostly consistent, but not completely.
    if rng.random() < 0.25:
        verbosity = rng.choices(("short", "normal", "long"), weights=group.verbosity)[0]

    marks: list[str] = []
    first = by_key[_weighted_key(rng, weights)]
    if verbosity == "short" and first.short:
        text = rng.choice(first.short)
        marks.append("short")
        planted: tuple[str, ...] = (first.key,)
        stance = ""
    else:
        with_share = text_bank.with_share.get(group.key, 0.0)
        stance = (
            ("med" if rng.random() < with_share else "for")
            if text_bank.with_share
            else ""
        )
        chosen = [first]
        if verbosity == "long":
            marks.append("long")
            extra = 2 if rng.random() < 0.35 else 1
            for _ in range(extra):
                candidates = {
                    k: w for k, w in weights.items() if k not in {t.key for t in chosen}
                }
                if candidates:
                    chosen.append(by_key[_weighted_key(rng, candidates)])
        sentences: list[str] = []
        openers = text_bank.openers.get(group.key, ())
        p_opener = 0.75 if verbosity == "long" else 0.4
        if openers and rng.random() < p_opener:
            sentences.append(rng.choice(openers).format_map(persona.slots))
        stances: list[str] = []
        connectors = rng.sample(bank.connectors, len(chosen) - 1)
        for i, theme in enumerate(chosen):
            core, core_stance = _core(rng, theme, group.voice, stance)
            core = core.format_map(persona.slots)
            stances.append(core_stance)
            if i > 0:
                sentences.append(connectors[i - 1])
                core = _lower_first(core)
            elif sentences and sentences[-1].endswith((":", "–")):
                core = _lower_first(core)
            sentences.append(core)
        endings = text_bank.endings.get(group.voice, ())
        p_ending = 0.6 if verbosity == "long" else 0.3
        if endings and rng.random() < p_ending:
            sentences.append(rng.choice(endings).format_map(persona.slots))
        text = " ".join(sentences)
        planted = tuple(t.key for t in chosen)
        stance = stances[0] if text_bank.with_share else ""

    text, typo_marks = _realism(rng, text, persona)
    marks.extend(typo_marks)
    return text[:MAX_ANSWER_LENGTH], planted, tuple(marks), stance


def _core(rng: random.Random, theme: Theme, voice: str, stance: str) -> tuple[str, str]:
    """Pick a paraphrase for the voice, honouring the wanted stance when the theme has it."""
    plain = theme.cores.get(voice, ())
    with_ = theme.with_cores.get(voice, ())
    if stance == "med" and with_:
        return rng.choice(with_), "med"
    if plain:
        return rng.choice(plain), "for" if stance else ""
    if with_:
        return rng.choice(with_), "med"
    raise ValueError(f"Theme {theme.key!r} has no text for voice {voice!r}")


def _weighted_key(rng: random.Random, weights: Mapping[str, int]) -> str:
    keys: Sequence[str] = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# ---------------------------------------------------------------------------
# Realism: typos, missing æøå, lowercase starts
# ---------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-zÆØÅæøå]{5,}")
_ASCII = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
)


def _realism(rng: random.Random, text: str, persona: _Persona) -> tuple[str, list[str]]:
    marks: list[str] = []
    p_typo = 0.55 if persona.sloppy else 0.05
    if rng.random() < p_typo:
        mutated = _typo(rng, text)
        if mutated != text:
            text = mutated
            marks.append("typo")
    if persona.ascii_only and any(c in text for c in "æøåÆØÅ"):
        text = text.translate(_ASCII)
        marks.append("ascii")
    if (persona.lowercase or rng.random() < 0.03) and text[:1].isupper():
        text = _lower_first(text)
        marks.append("lowercase")
        if rng.random() < 0.5 and text.endswith("."):
            text = text[:-1]
    return text, marks


def _typo(rng: random.Random, text: str) -> str:
    words = list(_WORD.finditer(text))
    if not words:
        return text
    match = rng.choice(words)
    word = match.group()
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "swap", "drop", "double"))
    if kind == "swap":
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif kind == "drop":
        typo = word[:i] + word[i + 1 :]
    else:
        typo = word[:i] + word[i] + word[i:]
    return text[: match.start()] + typo + text[match.end() :]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    # Keep "I" (you, plural) and all-caps words like "SFO" as written.
    first = text.split(" ", 1)[0]
    if first == "I" or (len(first) > 1 and first.isupper()):
        return text
    return text[:1].lower() + text[1:]
