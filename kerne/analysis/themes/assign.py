"""`assign_to_themes`: sort answers into signed-off themes (guided mode)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped, unused-ignore]

from kerne.analysis import embeddings, guided
from kerne.analysis.text import normalise
from kerne.analysis.themes.build import _build_result
from kerne.analysis.themes.cluster import _memberships
from kerne.analysis.themes.corpus import (
    Corpus,
    _char_tfidf,
    _normalise_rows,
    _normalise_rows_sparse,
    _prepare,
    _word_tfidf,
)
from kerne.analysis.themes.embedders import Embedder
from kerne.analysis.themes.engine import _empty_result, _engine_name, _threads
from kerne.analysis.themes.results import (
    DEFAULT_ENGINE,
    MIN_MEMBERSHIP,
    NO_ANSWER_ID,
    OTHER_ID,
    Engine,
    GivenTheme,
    Theme,
    ThemeResult,
)
from kerne.analysis.themes.vectors import _embeds, _vectors


def assign_to_themes(
    texts: Sequence[str],
    themes: Sequence[GivenTheme],
    *,
    question: str = "",
    extra_stop_words: Sequence[str] = (),
    engine: Engine = DEFAULT_ENGINE,
    embedder: Embedder | None = None,
    min_membership: float = MIN_MEMBERSHIP,
    iterations: int = 6,
) -> ThemeResult:
    """Put every answer in one of the signed-off themes or in "Andet / uklart".

    Each theme starts from its label, description and examples; then, as in seeded
    k-means, its centre moves towards the answers it wins while staying anchored to
    what the facilitator wrote, so answers that share no word with the label are
    still reached through the answers that do.
    """
    with threadpool_limits(_threads(len(texts))):
        return _assign(
            texts,
            themes,
            question,
            extra_stop_words,
            engine,
            embedder,
            min_membership,
            iterations,
        )


def _assign(
    texts: Sequence[str],
    themes: Sequence[GivenTheme],
    question: str,
    extra_stop_words: Sequence[str],
    engine: Engine,
    embedder: Embedder | None,
    min_membership: float,
    iterations: int,
) -> ThemeResult:
    if not themes:
        raise ValueError("guided mode needs at least one theme")
    if len({t.id for t in themes}) != len(themes) or {t.id for t in themes} & {
        OTHER_ID,
        NO_ANSWER_ID,
    }:
        raise ValueError("theme ids must be unique and not 'andet' or 'intet-svar'")
    corpus = _prepare(texts, question, extra_stop_words)
    rows = np.flatnonzero(~corpus.non_answer).astype(np.intp)
    seed_texts = [" ".join([t.label, t.description, *t.examples]) for t in themes]
    seed_stems = [corpus.vocab.stems(s) for s in seed_texts]
    if len(rows) == 0:
        result = _empty_result(texts, corpus, rows)
        result.themes = [Theme(t.id, t.label, 0, [], [], t.description) for t in themes]
        return result
    if _embeds(embedder, rows):
        assert embedder is not None
        x, best, top, margin = _assign_embedded(corpus, rows, themes, embedder)
        # Centred e5 cosines to a prototype are mostly 0.1-0.4, so the lexical
        # threshold would send most answers to "Andet"; here only an answer nearer
        # the average answer than to every theme goes there.
        min_membership = guided.MIN_MEMBERSHIP
    else:
        x_all = _vectors(
            corpus, rows, engine, None, seed_stems, seed_texts, small=False
        )
        x, anchors = x_all[: len(rows)], x_all[len(rows) :]
        w = corpus.weights[rows].astype(np.float32)
        centres = anchors.copy()
        anchor_weight = max(1.0, 0.05 * float(w.sum()) / len(themes))
        for _ in range(iterations):
            best, top, _margin = _memberships(x, centres)
            inside = top >= min_membership
            sums = np.zeros_like(centres)
            np.add.at(sums, best[inside], x[inside] * w[inside, None])
            centres = _normalise_rows(sums + anchor_weight * anchors)
        best, top, margin = _memberships(x, centres)
    built, assignments, other, no_answer = _build_result(
        texts, corpus, rows, x, best, top, margin, themes, len(themes), min_membership
    )
    return ThemeResult(
        themes=built,
        other=other,
        no_answer=no_answer,
        assignments=assignments,
        k=len(themes),
        engine=_engine_name(engine, embedder, rows),
    )


def _assign_embedded(
    corpus: Corpus,
    rows: NDArray[np.intp],
    themes: Sequence[GivenTheme],
    embedder: Embedder,
) -> tuple[
    NDArray[np.float32], NDArray[np.intp], NDArray[np.float32], NDArray[np.float32]
]:
    """Nearest prototype in embedding space (kerne/analysis/guided.py).

    Each example is embedded on its own; an example that is one of the answers
    keeps its theme, so an answer the facilitator moved stays where it was put.
    """
    labels = [
        f"{t.label}: {t.description}" if t.description else t.label for t in themes
    ]
    examples = [normalise(e) for t in themes for e in t.examples]
    keys = [corpus.keys[r] for r in rows]
    unique = list(dict.fromkeys([*keys, *labels, *examples]))
    at = {text: i for i, text in enumerate(unique)}
    vectors = embeddings.clean_embeddings(
        embedder.embed(unique), 0, fit_rows=len(dict.fromkeys(keys))
    )
    # The answers' own words joined to the embedding: one row per answer, then
    # one per example (an example that is an answer gets the same row).
    example_texts = list(dict.fromkeys(examples))
    example_stems = [corpus.vocab.stems(e) for e in example_texts]
    both = sp.hstack(
        [
            _word_tfidf(corpus, rows, example_stems),
            0.6 * _char_tfidf(corpus, rows, example_stems),
        ]
    )
    lexical = guided.LEXICAL_WEIGHT * np.asarray(
        _normalise_rows_sparse(sp.csr_matrix(both)).todense(), dtype=np.float32
    )
    lexical_of = {k: lexical[i] for i, k in enumerate(keys)}
    for j, e in enumerate(example_texts):
        lexical_of.setdefault(e, lexical[len(keys) + j])
    x = np.hstack([vectors[[at[k] for k in keys]], lexical[: len(keys)]])
    no_words = np.zeros(lexical.shape[1], dtype=np.float32)
    label_vectors = np.hstack(
        [vectors[[at[lab] for lab in labels]], np.tile(no_words, (len(labels), 1))]
    )
    width = x.shape[1]
    per_theme = [
        np.array(
            [
                np.concatenate([vectors[at[normalise(e)]], lexical_of[normalise(e)]])
                for e in t.examples
            ],
            dtype=np.float32,
        )
        if t.examples
        else np.zeros((0, width), dtype=np.float32)
        for t in themes
    ]
    x = embeddings.normalise_rows(x)
    row_of = {k: i for i, k in enumerate(keys)}
    placed = {
        row_of[normalise(e)]: ti
        for ti, t in enumerate(themes)
        for e in t.examples
        if normalise(e) in row_of
    }
    centres = guided.prototypes(label_vectors, per_theme)
    centres = guided.self_train(x, centres, placed)
    best, top, margin = guided.nearest(x, centres, placed)
    return x, best, top, margin
