"""Theme labels on the development set (`tests/data/danish-dev/`), answers nobody on the team wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kerne.analysis.text import STOP_WORDS, stem, tokenise
from kerne.analysis.themes import find_themes

DEV = (
    Path(__file__).resolve().parents[3]
    / "tests"
    / "data"
    / "danish-dev"
    / "dev_da.jsonl"
)


def dev_texts(workplace: str, question: str) -> list[str]:
    with DEV.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [
        r["text"]
        for r in rows
        if r["workplace"] == workplace and r["question"] == question
    ]


def uses(text: str, part: str) -> bool:
    tokens = tokenise(text)
    stems = {stem(t) for t in tokens}
    words = [w for w in tokenise(part) if w not in STOP_WORDS and len(w) > 2]
    return all(
        stem(w) in stems or (len(stem(w)) >= 4 and any(stem(w) in t for t in tokens))
        for w in words
    )


@pytest.mark.parametrize(
    ("workplace", "question"),
    [("dagtilbud", "V"), ("bibliotek", "V"), ("botilbud", "A")],
)
def test_a_two_part_label_names_words_used_together(workplace, question):
    texts = dev_texts(workplace, question)
    result = find_themes(texts, question=question)
    for theme in result.themes:
        members = [
            t
            for t, a in zip(texts, result.assignments, strict=True)
            if a.theme_id == theme.id
        ]
        parts = theme.label.split(" · ")
        assert len(parts) <= 2
        if len(parts) == 2:
            both = [m for m in members if uses(m, parts[0]) and uses(m, parts[1])]
            assert len(both) >= 2, theme.label


@pytest.mark.parametrize(
    ("workplace", "question"), [("dagtilbud", "A"), ("botilbud", "V")]
)
def test_a_label_opens_with_words_from_its_quotes(workplace, question):
    result = find_themes(dev_texts(workplace, question), question=question)
    for theme in result.themes:
        first = theme.label.split(" · ")[0]
        assert any(uses(q, first) for q in theme.examples), theme.label
