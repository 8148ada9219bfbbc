"""Plain pytest checks of the demo answer generator (no database)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from statistics import mean

import pytest

from kerne.demo.answers import (
    DEFAULT_COUNTS,
    GROUPS,
    JOB_QUESTIONS,
    MAX_ANSWER_LENGTH,
    QUESTIONS,
    SCHOOL_DEFAULT_COUNTS,
    SCHOOL_QUESTIONS,
    SENIORITY_CHOICES,
    DemoRespondent,
    LabelledRespondent,
    generate_labelled_respondents,
    generate_respondents,
    generate_school_respondents,
    planted_themes,
)
from kerne.demo.phrases import BANKS

TEXT_KEYS = ("vaerdi", "ambition", "tilgang", "maalgruppe")
STAFF = {"medarbejder", "leder"}
CARE = generate_labelled_respondents(2026, unit="hjemmepleje")
SCHOOL = generate_labelled_respondents(2026, unit="skole")


def _texts(respondents: Iterable[DemoRespondent], key: str) -> list[str]:
    return [str(r.answers[key]) for r in respondents if key in r.answers]


def _theme_shares(
    labelled: Iterable[LabelledRespondent], key: str, groups: set[str]
) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for lr in labelled:
        if lr.respondent.group in groups:
            counts.update(lr.themes.get(key, ()))
    total = sum(counts.values())
    return {k: n / total for k, n in counts.items()}


def test_deterministic_for_a_seed() -> None:
    assert generate_respondents(7) == generate_respondents(7)
    assert generate_school_respondents(7) == generate_school_respondents(7)
    assert generate_respondents() == [lr.respondent for lr in CARE]
    assert generate_respondents(7) != generate_respondents(8)


def test_default_counts_per_group() -> None:
    assert Counter(r.group for r in generate_respondents()) == Counter(DEFAULT_COUNTS)
    assert dict(DEFAULT_COUNTS) == {
        "medarbejder": 60,
        "leder": 8,
        "borger": 45,
        "paaroerende": 25,
        "samarbejdspartner": 12,
    }
    assert Counter(r.group for r in generate_school_respondents()) == Counter(
        {"medarbejder": 20, "leder": 3, "elev": 40, "foraeldre": 30}
    )
    assert dict(SCHOOL_DEFAULT_COUNTS) == {
        "medarbejder": 20,
        "leder": 3,
        "elev": 40,
        "foraeldre": 30,
    }
    assert [g.key for g in GROUPS] == list(DEFAULT_COUNTS)


def test_custom_counts_replace_defaults() -> None:
    respondents = generate_respondents(1, {"borger": 5, "medarbejder": 3})
    assert Counter(r.group for r in respondents) == Counter(
        {"borger": 5, "medarbejder": 3}
    )
    with pytest.raises(ValueError, match="Unknown group"):
        generate_respondents(1, {"patient": 3})
    with pytest.raises(ValueError, match="negative"):
        generate_respondents(1, {"borger": -1})


def test_questions_are_well_formed() -> None:
    for questions in (QUESTIONS, SCHOOL_QUESTIONS, JOB_QUESTIONS):
        assert [q.key for q in questions] == [*TEXT_KEYS, "lykkes", "anciennitet"]
        for q in questions:
            assert q.prompt and q.help_text
            assert q.kind in {"text", "scale", "choice"}
            assert bool(q.choices) == (q.kind == "choice")
            assert q.dimension == (q.key if q.kind == "text" else "")
        assert questions[-1].choices == SENIORITY_CHOICES
    assert (
        QUESTIONS[0].prompt == "Hvad ville borgerne mangle, hvis vi forsvandt i morgen?"
    )
    assert (
        SCHOOL_QUESTIONS[0].prompt
        == "Hvad ville eleverne mangle, hvis vi forsvandt i morgen?"
    )


@pytest.mark.parametrize("seed", [2026, 1, 99])
def test_text_answers_are_mostly_distinct(seed: int) -> None:
    for respondents in (generate_respondents(seed), generate_school_respondents(seed)):
        for key in TEXT_KEYS:
            texts = _texts(respondents, key)
            assert len(set(texts)) / len(texts) >= 0.8, key


def test_answer_types_and_lengths() -> None:
    for lr in (*CARE, *SCHOOL):
        for key, value in lr.respondent.answers.items():
            if key in TEXT_KEYS:
                assert isinstance(value, str) and value.strip()
                assert len(value) <= MAX_ANSWER_LENGTH
                assert "{" not in value and "}" not in value
            elif key == "lykkes":
                assert isinstance(value, int) and 1 <= value <= 5
            else:
                assert value in SENIORITY_CHOICES


def test_realism_typos_short_answers_non_answers_and_skips() -> None:
    respondents = [lr.respondent for lr in CARE]
    texts = [t for key in TEXT_KEYS for t in _texts(respondents, key)]
    marks = Counter(m for lr in CARE for ms in lr.styles.values() for m in ms)
    assert marks["typo"] >= 10
    assert marks["ascii"] >= 2
    assert marks["lowercase"] >= 5
    assert marks["short"] >= 20
    assert marks["non_answer"] >= 3
    assert marks["long"] >= 20
    assert sum(len(t) <= 20 for t in texts) >= 20
    assert sum(len(t) >= 250 for t in texts) >= 20
    assert any(t[0].islower() for t in texts)
    assert any(
        re.search(r"\b\w*(ae|oe|aa)\w*\b", t) and not re.search("[æøå]", t)
        for t in texts
    )
    assert any(t in {"ved ikke", "-", "Ved ikke."} for t in texts)
    # Optional questions are sometimes skipped, most of all by citizens.
    skipped = Counter(
        r.group for r in respondents if not set(TEXT_KEYS) <= set(r.answers)
    )
    assert skipped["borger"] >= 5
    assert sum(skipped.values()) >= 15


@pytest.mark.parametrize("unit", ["hjemmepleje", "skole"])
def test_every_planted_theme_appears(unit: str) -> None:
    labelled = CARE if unit == "hjemmepleje" else SCHOOL
    for key in TEXT_KEYS:
        seen = {t for lr in labelled for t in lr.themes.get(key, ())}
        assert seen == set(planted_themes(key, unit)), key  # type: ignore[arg-type]


def test_banks_cover_every_voice_they_are_weighted_for() -> None:
    for bank in BANKS.values():
        voices = {g.key: g.voice for g in bank.groups}
        for text_bank in bank.texts.values():
            themes = {t.key: t for t in text_bank.themes}
            assert set(text_bank.weights) == set(voices)
            for group, weights in text_bank.weights.items():
                for key, weight in weights.items():
                    theme = themes[key]
                    voice = voices[group]
                    assert weight > 0
                    assert theme.cores.get(voice) or theme.with_cores.get(voice), (
                        bank.key,
                        key,
                        group,
                    )


def test_staff_and_citizens_differ_in_theme_mix() -> None:
    # In the default round …
    staff = _theme_shares(CARE, "vaerdi", STAFF)
    citizens = _theme_shares(CARE, "vaerdi", {"borger"})
    distance = (
        sum(abs(staff.get(k, 0) - citizens.get(k, 0)) for k in {*staff, *citizens}) / 2
    )
    assert distance > 0.3
    assert staff.get("faglighed", 0) > citizens.get("faglighed", 0)
    assert citizens["kontinuitet"] > staff.get("kontinuitet", 0)
    # … and, without sampling noise, in a large one.
    large = generate_labelled_respondents(
        2026, {"medarbejder": 300, "leder": 40, "borger": 300, "paaroerende": 200}
    )
    staff = _theme_shares(large, "vaerdi", STAFF)
    citizens = _theme_shares(large, "vaerdi", {"borger"})
    relatives = _theme_shares(large, "vaerdi", {"paaroerende"})
    assert staff.get("faglighed", 0) > 0.1 > citizens.get("faglighed", 0)
    assert citizens["kontinuitet"] > 2 * staff.get("kontinuitet", 0)
    assert citizens["naervaer"] > staff.get("naervaer", 0)
    assert citizens["hoert"] > staff.get("hoert", 0)
    assert relatives["aflastning"] > staff.get("aflastning", 0)
    # The gap is visible in the words too, not only in the labels.
    care = [lr.respondent for lr in CARE]
    staff_text = [
        t.lower() for t in _texts([r for r in care if r.group in STAFF], "vaerdi")
    ]
    citizen_text = [
        t.lower() for t in _texts([r for r in care if r.group == "borger"], "vaerdi")
    ]

    def share(texts: list[str], pattern: str) -> float:
        return sum(bool(re.search(pattern, t)) for t in texts) / len(texts)

    assert (
        share(staff_text, r"faglig|dokument|sikker")
        > share(citizen_text, r"faglig|dokument|sikker") + 0.2
    )
    assert share(citizen_text, r"samme|tid|hørt|lytte|kender") > share(
        staff_text, r"samme|tid|hørt|lytte|kender"
    )


def test_school_students_and_staff_differ() -> None:
    staff = _theme_shares(SCHOOL, "vaerdi", STAFF)
    students = _theme_shares(SCHOOL, "vaerdi", {"elev"})
    assert staff.get("dannelse", 0) > students.get("dannelse", 0)
    assert students["faellesskab"] + students["pauser"] > staff.get("faellesskab", 0)


def test_approach_uses_the_verbs_and_both_stances() -> None:
    texts = " ".join(_texts([lr.respondent for lr in CARE], "tilgang")).lower()
    for verb in (
        "sikrer",
        "fremmer",
        "understøtter",
        "udvikler",
        "hjælper",
        "faciliterer",
        "coacher",
        "inddrage",
        "samarbejder",
        "sørger for",
    ):
        assert verb in texts, verb
    stances = Counter(
        (lr.respondent.group in STAFF, lr.stance) for lr in CARE if lr.stance
    )
    assert stances[(True, "for")] >= 10 and stances[(True, "med")] >= 10
    assert stances[(False, "for")] >= 5 and stances[(False, "med")] >= 5
    assert "til selv at" in texts


def test_target_group_names_vary() -> None:
    texts = " ".join(_texts([lr.respondent for lr in CARE], "maalgruppe")).lower()
    for name in (
        "borger",
        "bruger",
        "ældre",
        "kunde",
        "beboer",
        "pårørende",
        "vores ældre",
        "hjemmeplejeborgere",
    ):
        assert name in texts, name


def test_scales_differ_by_group() -> None:
    respondents = generate_respondents(
        2026, {"medarbejder": 400, "borger": 400, "paaroerende": 400}
    )
    by_group: dict[str, list[int]] = {}
    for r in respondents:
        value = r.answers.get("lykkes")
        if isinstance(value, int):
            by_group.setdefault(r.group, []).append(value)
    assert (
        mean(by_group["borger"])
        > mean(by_group["medarbejder"])
        > mean(by_group["paaroerende"])
    )
    assert set(by_group["medarbejder"]) == {1, 2, 3, 4, 5}


def test_seniority_mostly_answered_by_staff() -> None:
    respondents = [lr.respondent for lr in CARE]
    staff = [
        r.answers.get("anciennitet") for r in respondents if r.group == "medarbejder"
    ]
    others = [r.answers.get("anciennitet") for r in respondents if r.group not in STAFF]
    assert sum(a in SENIORITY_CHOICES[:3] for a in staff) >= 0.8 * len(staff)
    assert sum(a is None or a == "Ønsker ikke at svare" for a in others) >= 0.85 * len(
        others
    )


def test_module_is_pure_python() -> None:
    here = Path(__file__).resolve().parents[1]
    paths = [
        here / "answers.py",
        here / "__init__.py",
        *(here / "phrases").glob("*.py"),
    ]
    assert len(paths) >= 5
    for path in paths:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) django", source, re.MULTILINE), path
