"""`find_themes`: propose themes for a set of answers."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped, unused-ignore]

from kerne.analysis.text import normalise
from kerne.analysis.themes.build import _build_result, _first_text
from kerne.analysis.themes.cluster import (
    _choose_k,
    _k_range,
    _kmeans,
    _memberships,
    _stability,
)
from kerne.analysis.themes.corpus import Corpus, _prepare, _word_tfidf
from kerne.analysis.themes.embedders import Embedder
from kerne.analysis.themes.results import (
    COOC_TRUST,
    DEFAULT_ENGINE,
    MIN_MEMBERSHIP,
    NO_ANSWER_ID,
    NO_ANSWER_LABEL,
    OTHER_ID,
    OTHER_LABEL,
    SMALL_N,
    Assignment,
    Engine,
    Theme,
    ThemeResult,
)
from kerne.analysis.themes.vectors import _cooccurrence_vectors, _embeds, _vectors


def find_themes(
    texts: Sequence[str],
    *,
    question: str = "",
    extra_stop_words: Sequence[str] = (),
    k: int | None = None,
    engine: Engine = DEFAULT_ENGINE,
    embedder: Embedder | None = None,
    min_membership: float = MIN_MEMBERSHIP,
) -> ThemeResult:
    """Propose themes for a set of answers; `k` fixes the number instead of choosing it."""
    with threadpool_limits(_threads(len(texts))):
        return _find_themes(
            texts, question, extra_stop_words, k, engine, embedder, min_membership
        )


def _engine_name(
    engine: Engine, embedder: Embedder | None, rows: NDArray[np.intp]
) -> str:
    if not _embeds(embedder, rows):
        return engine
    name: str = getattr(embedder, "name", type(embedder).__name__)
    return f"{name}+{engine}"


def _threads(n: int) -> int:
    # OpenMP threads spin while they wait; on small inputs, or a busy worker, one
    # thread is faster than two. The 40k budget is set for 2 cores.
    return 1 if n < 20_000 else 2


def _find_themes(
    texts: Sequence[str],
    question: str,
    extra_stop_words: Sequence[str],
    k: int | None,
    engine: Engine,
    embedder: Embedder | None,
    min_membership: float,
) -> ThemeResult:
    corpus = _prepare(texts, question, extra_stop_words)
    rows = np.flatnonzero(~corpus.non_answer).astype(np.intp)
    if len(rows) < 3:
        return _empty_result(texts, corpus, rows)
    x = _vectors(corpus, rows, engine, embedder, k=k)
    if x.shape[1] == 0:
        # Every answer uses the same words (or only words too common to tell them
        # apart): that is one shared theme, not an error.
        x = np.ones((len(rows), 1), dtype=np.float32)
    w = corpus.weights[rows]
    n_distinct = len(np.unique(x.round(5), axis=0))
    alternatives: list[int]
    if k is None and n_distinct < 2:
        scores, chosen, alternatives = {}, 1, []
    elif k is None:
        ks = _k_range(int(w.sum()), cap=not _embeds(embedder, rows))
        scores = _stability(x, w, ks)
        scores = {kk: s for kk, s in scores.items() if kk <= n_distinct}
        chosen, alternatives = _choose_k(x, w, scores) if scores else (1, [])
        if (
            engine == "cooccurrence"
            and not _embeds(embedder, rows)
            and w.sum() < SMALL_N
        ):
            # A small round whose answers paraphrase a few themes in words that
            # only co-occur ("bad" and "personlig pleje") is split by lexical
            # vectors; if co-occurrence finds a perfectly stable structure of at
            # least 3 themes, trust it instead. On the demo rounds it never does.
            xc = _cooccurrence_vectors(_word_tfidf(corpus, rows), w)
            if xc.shape[1] == 0:
                xc = np.ones((len(rows), 1), dtype=np.float32)
            sc = _stability(xc, w, _k_range(int(w.sum())))
            sc = {kk: s for kk, s in sc.items() if kk <= n_distinct}
            kc, alt_c = _choose_k(xc, w, sc) if sc else (1, [])
            if kc >= 3 and sc[kc] >= COOC_TRUST:
                x, scores, chosen, alternatives = xc, sc, kc, alt_c
    else:
        scores, chosen, alternatives = {}, min(k, n_distinct), []
    model = _kmeans(x, w, chosen, n_init=4)
    best, top, margin = _memberships(x, model.cluster_centers_.astype(np.float32))
    themes, assignments, other, no_answer = _build_result(
        texts, corpus, rows, x, best, top, margin, None, chosen, min_membership
    )
    return ThemeResult(
        themes=[t for t in themes if t.size > 0],
        other=other,
        no_answer=no_answer,
        assignments=assignments,
        k=chosen,
        alternatives=alternatives,
        stability=scores,
        engine=_engine_name(engine, embedder, rows),
    )


def _empty_result(
    texts: Sequence[str], corpus: Corpus, rows: NDArray[np.intp]
) -> ThemeResult:
    # Too few real answers to form themes: everything is "Andet" or "Intet svar".
    first = _first_text(corpus)
    other_keys = set(rows.tolist())
    assignments = [
        Assignment(OTHER_ID if r in other_keys else NO_ANSWER_ID, 0.0, False)
        for r in corpus.index
    ]
    n_other = sum(1 for a in assignments if a.theme_id == OTHER_ID)
    none_rows = np.flatnonzero(corpus.non_answer)
    return ThemeResult(
        themes=[],
        other=Theme(
            OTHER_ID, OTHER_LABEL, n_other, [texts[first[r]] for r in rows[:8]]
        ),
        no_answer=Theme(
            NO_ANSWER_ID,
            NO_ANSWER_LABEL,
            len(assignments) - n_other,
            [texts[first[r]] for r in none_rows[:8]],
        ),
        assignments=assignments,
        k=0,
    )


def data_hash(texts: Sequence[str]) -> str:
    """Order-independent fingerprint of the answers, stored with a run for reproducibility."""
    digest = hashlib.sha256()
    for t in sorted(normalise(t) for t in texts):
        digest.update(t.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]
