"""Jobcenter Solbjerg speaks with its own voice: no home-care words, no numbered copies."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

import pytest

from kerne.demo.answers import (
    JOB_DEFAULT_COUNTS,
    LabelledRespondent,
    generate_job_respondents,
    generate_labelled_respondents,
    planted_themes,
)
from kerne.demo.phrases import HOME_CARE, JOB_SUGGESTIONS, JOBCENTER, TextBank

TEXT_KEYS = ("vaerdi", "ambition", "tilgang", "maalgruppe")
STAFF = {"medarbejder", "leder"}

#: Words that belong to home care, not to a jobcentre.
HOME_CARE_WORDS = re.compile(
    r"hjemmepleje|hjemmehjælp|hjemmehjaelp|plejehjem|\bpleje|nødkald|noedkald|visit|"
    r"hjælpere|hjaelpere|\bældre|\baeldre|demens|rollator|medicin|piller|\bi bad\b|"
    r"eget hjem|sosu|morgenkaffe|vasket|tøj på",
    re.IGNORECASE,
)
#: "… (1)", "… (2)": the same sentence numbered to look like many answers.
NUMBERED = re.compile(r"\(\s*\d+\s*\)")

LARGE = generate_labelled_respondents(
    2026,
    {
        "medarbejder": 300,
        "leder": 60,
        "borger": 300,
        "paaroerende": 120,
        "samarbejdspartner": 120,
    },
    unit="jobcenter",
)


def normalised(text: str) -> str:
    """Lowercase, æøå and accents folded, digits and punctuation dropped."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text)
    return " ".join(re.sub(r"[^a-z ]+", " ", text).split())


def _bank_texts(bank: TextBank) -> Iterator[str]:
    for theme in bank.themes:
        yield theme.label
        yield from theme.short
        for voice in (*theme.cores.values(), *theme.with_cores.values()):
            yield from voice
    for fragments in (*bank.openers.values(), *bank.endings.values()):
        yield from fragments


def _all_phrases() -> list[str]:
    texts = [t for bank in JOBCENTER.texts.values() for t in _bank_texts(bank)]
    texts += list(JOBCENTER.non_answers) + list(JOBCENTER.connectors)
    texts += [text for pool in JOB_SUGGESTIONS.values() for _group, text in pool]
    texts += [v for values in JOBCENTER.slots.values() for v in values]
    return texts


def _answers(labelled: Iterable[LabelledRespondent], key: str) -> list[str]:
    return [
        str(lr.respondent.answers[key])
        for lr in labelled
        if key in lr.respondent.answers
    ]


def test_the_word_lists_catch_what_they_are_meant_to() -> None:
    home = [t for bank in HOME_CARE.texts.values() for t in _bank_texts(bank)]
    assert sum(bool(HOME_CARE_WORDS.search(t)) for t in home) >= 40
    assert NUMBERED.search("At borgerne kommer i job (3)")
    assert normalised("Tryghed!") == normalised("tryghed") == "tryghed"


def test_no_jobcentre_phrase_is_about_home_care_or_a_numbered_copy() -> None:
    phrases = _all_phrases()
    assert len(phrases) > 400
    assert [t for t in phrases if HOME_CARE_WORDS.search(t)] == []
    assert [t for t in phrases if NUMBERED.search(t)] == []
    # Nothing borrowed from Hjemmeplejen Nord, word for word.
    home = {
        normalised(t)
        for bank in HOME_CARE.texts.values()
        for t in _bank_texts(bank)
        if len(t) > 30
    }
    assert [t for t in phrases if normalised(t) in home] == []


@pytest.mark.parametrize("seed", [2026, 1, 99])
def test_jobcentre_answers_are_varied(seed: int) -> None:
    respondents = generate_job_respondents(seed)
    assert Counter(r.group for r in respondents) == Counter(JOB_DEFAULT_COUNTS)
    for key in TEXT_KEYS:
        texts = [str(r.answers[key]) for r in respondents if key in r.answers]
        assert not [t for t in texts if HOME_CARE_WORDS.search(t)], key
        assert not [t for t in texts if NUMBERED.search(t)], key
        distinct = {normalised(t) for t in texts}
        assert len(distinct) / len(texts) >= 0.85, key
        # No one sentence stands for many respondents.
        most = Counter(normalised(t) for t in texts).most_common(1)[0][1]
        assert most <= 3, key


def test_every_planted_theme_appears_and_answers_stay_distinct() -> None:
    for key in TEXT_KEYS:
        seen = {t for lr in LARGE for t in lr.themes.get(key, ())}
        assert seen == set(planted_themes(key, "jobcenter")), key
        texts = _answers(LARGE, key)
        assert len({normalised(t) for t in texts}) / len(texts) >= 0.5, key


def test_realism_short_answers_typos_and_non_answers() -> None:
    marks = Counter(m for lr in LARGE for ms in lr.styles.values() for m in ms)
    for mark in ("typo", "ascii", "lowercase", "short", "non_answer", "long"):
        assert marks[mark] >= 20, mark
    texts = [t for key in TEXT_KEYS for t in _answers(LARGE, key)]
    assert sum(len(t) <= 20 for t in texts) >= 100
    assert sum(len(t) >= 250 for t in texts) >= 100


def _shares(key: str, groups: set[str]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for lr in LARGE:
        if lr.respondent.group in groups:
            counts.update(lr.themes.get(key, ()))
    total = sum(counts.values())
    return {k: n / total for k, n in counts.items()}


def test_staff_citizens_and_partners_see_the_task_differently() -> None:
    staff = _shares("vaerdi", STAFF)
    citizens = _shares("vaerdi", {"borger"})
    partners = _shares("vaerdi", {"samarbejdspartner"})
    distance = (
        sum(abs(staff.get(k, 0) - citizens.get(k, 0)) for k in {*staff, *citizens}) / 2
    )
    assert distance > 0.3
    assert staff["job"] + staff["regler"] > 2 * (citizens["job"] + citizens["regler"])
    assert citizens["menneske"] + citizens["tro"] > 2 * (
        staff["menneske"] + staff["tro"]
    )
    assert citizens["forsoergelse"] > staff["forsoergelse"]
    assert partners["arbejdskraft"] > staff["arbejdskraft"] > citizens["arbejdskraft"]
    ambition_staff = _shares("ambition", STAFF)
    ambition_citizens = _shares("ambition", {"borger"})
    assert ambition_citizens["lytter"] > 2 * ambition_staff["lytter"]
    assert ambition_staff["resultater"] > 2 * ambition_citizens["resultater"]
    # Citizens meet demands more than they are coached; staff say both.
    stances = Counter(
        (lr.respondent.group in STAFF, lr.stance) for lr in LARGE if lr.stance
    )
    assert stances[(True, "med")] > 0.3 * stances[(True, "for")]
    assert stances[(False, "for")] > 2 * stances[(False, "med")]


def test_the_jobcentres_words_for_the_people_it_serves() -> None:
    texts = " ".join(_answers(LARGE, "maalgruppe")).lower()
    for name in (
        "ledige",
        "jobsøgende",
        "borgere",
        "kandidater",
        "de unge",
        "sygemeldte",
        "ressourceforløb",
        "virksomhederne",
    ):
        assert name in texts, name
    approach = " ".join(_answers(LARGE, "tilgang")).lower()
    for verb in ("vejleder", "coacher", "motiverer", "stiller krav", "samarbejder"):
        assert verb in approach, verb
