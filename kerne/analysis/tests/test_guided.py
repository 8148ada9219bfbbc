"""Guided mode learns from the facilitator's moves: moved answers become examples."""

from __future__ import annotations

import hashlib
import random

import numpy as np
import pytest

from kerne.analysis import guided
from kerne.analysis.themes import GivenTheme, assign_to_themes

QUESTION = "Hvad ville borgerne savne, hvis vi forsvandt i morgen?"

# Each theme's label names only one of its phrasings; the others share no word with it.
POOLS = {
    "pleje": [
        "personlig pleje",
        "hjælp til bad og påklædning",
        "at blive vasket og klædt på",
        "sårpleje og medicin",
    ],
    "tryghed": [
        "tryghed om natten",
        "nødkaldet bliver besvaret",
        "nattevagten kommer når jeg falder",
        "ikke ligge alene efter et fald",
    ],
    "mad": [
        "mad hver dag",
        "madudbringning til døren",
        "de varme måltider",
        "middagen bliver bragt ud",
    ],
}
LABELS = {"pleje": "Personlig pleje", "tryghed": "Tryghed", "mad": "Mad"}


def answers(n: int = 120, seed: int = 5) -> tuple[list[str], list[str]]:
    rnd = random.Random(seed)
    texts, truth = [], []
    for i in range(n):
        theme = list(POOLS)[i % 3]
        texts.append(f"{rnd.choice(POOLS[theme])} {rnd.choice(['', 'tak', 'altid'])}")
        truth.append(theme)
    return texts, truth


class WordHashEmbedder:
    """A stand-in for a sentence model: hashed bag of words, 64 dimensions."""

    name = "hash"

    def embed(self, texts):
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().replace(":", " ").split():
                out[i, hashlib.md5(word.encode()).digest()[0] % 64] += 1
            out[i, 63] += 0.5
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def themes(examples: dict[str, list[str]]) -> list[GivenTheme]:
    return [GivenTheme(t, LABELS[t], "", tuple(examples.get(t, ()))) for t in POOLS]


def accuracy(result, truth, rows) -> float:
    return float(np.mean([result.assignments[i].theme_id == truth[i] for i in rows]))


@pytest.mark.parametrize(
    "embedder", [None, WordHashEmbedder()], ids=["lexical", "embedded"]
)
def test_moved_answers_raise_accuracy_on_the_rest(embedder):
    texts, truth = answers()
    before = assign_to_themes(texts, themes({}), question=QUESTION, embedder=embedder)
    wrong = [i for i, a in enumerate(before.assignments) if a.theme_id != truth[i]]
    assert wrong, "the labels alone should leave some answers misplaced"
    # The facilitator moves one misplaced answer of each phrasing to its theme.
    moved: dict[str, list[str]] = {}
    seen: set[str] = set()
    for i in wrong:
        phrase = next(p for p in POOLS[truth[i]] if texts[i].startswith(p))
        if phrase not in seen:
            seen.add(phrase)
            moved.setdefault(truth[i], []).append(texts[i])
    rest = [i for i in range(len(texts)) if texts[i] not in sum(moved.values(), [])]
    after = assign_to_themes(texts, themes(moved), question=QUESTION, embedder=embedder)
    assert accuracy(after, truth, rest) > accuracy(before, truth, rest) + 0.1
    for theme, moved_texts in moved.items():
        for text in moved_texts:
            assert after.assignments[texts.index(text)].theme_id == theme


def test_prototype_without_examples_is_the_label():
    labels = np.eye(2, dtype=np.float32)
    centres = guided.prototypes(labels, [np.zeros((0, 2), np.float32)] * 2)
    assert np.allclose(centres, labels)


def test_placed_rows_keep_their_theme():
    x = np.array([[1, 0], [0, 1]], dtype=np.float32)
    best, _top, margin = guided.nearest(x, np.eye(2, dtype=np.float32), {0: 1})
    assert best.tolist() == [1, 1]
    assert margin[0] < 0
