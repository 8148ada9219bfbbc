"""One vector per answer: co-occurrence (PPMI), small-round, LSA or embedding vectors."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.decomposition import TruncatedSVD
from sklearn.utils.extmath import randomized_svd

from kerne.analysis import embeddings
from kerne.analysis.themes.cluster import _k_range
from kerne.analysis.themes.corpus import (
    Corpus,
    _char_tfidf,
    _normalise_rows,
    _normalise_rows_sparse,
    _word_tfidf,
)
from kerne.analysis.themes.embedders import Embedder
from kerne.analysis.themes.results import SEED, SMALL_DIMS, SMALL_N, Engine


def _ppmi(x: sp.csr_matrix, weights: NDArray[np.float64]) -> sp.csr_matrix:
    """Positive PMI between terms that occur in the same answer.

    Context counts are raised to 0.75 (as word2vec does) so rare words do not get
    inflated PMI.
    """
    present = (x > 0).astype(np.float32)
    cooc = sp.csr_matrix(present.T @ sp.diags(weights.astype(np.float32)) @ present)
    cooc.setdiag(0)
    cooc.eliminate_zeros()
    coo = cooc.tocoo()
    total = float(coo.data.sum())
    if total == 0:
        return sp.csr_matrix(cooc.shape, dtype=np.float32)
    row_sum = np.asarray(cooc.sum(axis=1)).ravel()
    context = row_sum**0.75
    context /= context.sum()
    pmi = np.log(coo.data / total / ((row_sum[coo.row] / total) * context[coo.col]))
    keep = pmi > 0
    return sp.csr_matrix(
        (pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=cooc.shape
    )


def _cooccurrence_vectors(
    x: sp.csr_matrix, weights: NDArray[np.float64]
) -> NDArray[np.float32]:
    """Answer vectors as the TF-IDF-weighted mean of term vectors learnt from co-occurrence.

    Answers to an open question paraphrase each other: "bad og påklædning" and "at
    blive vasket" share no word, but both co-occur with "personlig pleje" in other
    answers. An SVD of the term×term PPMI matrix (which approximates word2vec, Levy
    & Goldberg 2014) places such words near each other; plain LSA on the answer×term
    matrix mostly keeps each phrasing in its own direction. Measured in
    bench/themes.py: NMI 0.73 against 0.21–0.39 for LSA on 10k paraphrased answers.
    """
    ppmi = _ppmi(x, weights)
    # Fewer dimensions force paraphrases together; small vocabularies need fewer still.
    dims = int(np.clip(ppmi.shape[0] // 20, 8, 32))
    dims = min(dims, ppmi.shape[0] - 1)
    if dims < 2 or ppmi.nnz == 0:
        return _normalise_rows(np.asarray(x.todense(), dtype=np.float32))
    u, s, _vt = randomized_svd(ppmi, dims, n_iter=5, random_state=SEED)
    terms = (u * np.sqrt(s)).astype(np.float32)
    docs = _normalise_rows(np.asarray(x @ terms, dtype=np.float32))
    # All answers share a common direction (the first singular vector); removing it
    # makes cosines discriminate, which the "Andet / uklart" threshold relies on.
    centre = (weights[:, None] * docs).sum(axis=0) / weights.sum()
    return _normalise_rows((docs - centre).astype(np.float32))


def _small_vectors(
    corpus: Corpus,
    rows: NDArray[np.intp],
    extra_docs: Sequence[list[str]],
    weights: NDArray[np.float64],
    words: sp.csr_matrix,
) -> NDArray[np.float32]:
    """Answer vectors for a small round: LSA with few dimensions, centred.

    Ten dimensions force answers that share only some words into one direction,
    and removing the shared direction (as in _cooccurrence_vectors) keeps the
    "Andet / uklart" threshold meaningful. On the demo rounds with k = √(n/3):
    NMI 0.46 / ARI 0.29 / 5 % "Andet" at 10 dimensions against 0.41 / 0.22 / 23 %
    at 100, and 0.30 / 0.12 for co-occurrence vectors.
    """
    both = sp.hstack([words, 0.6 * _char_tfidf(corpus, rows, extra_docs)])
    docs = _lsa_vectors(_normalise_rows_sparse(sp.csr_matrix(both)), SMALL_DIMS)
    centre = (weights[:, None] * docs).sum(axis=0) / weights.sum()
    return _normalise_rows((docs - centre).astype(np.float32))


def _lsa_vectors(x: sp.csr_matrix, dims: int = 100) -> NDArray[np.float32]:
    dims = min(dims, x.shape[0] - 1, x.shape[1] - 1)
    if dims < 2:
        return _normalise_rows(np.asarray(x.todense(), dtype=np.float32))
    svd = TruncatedSVD(n_components=dims, random_state=SEED, n_iter=4)
    return _normalise_rows(svd.fit_transform(x).astype(np.float32))


def _vectors(
    corpus: Corpus,
    rows: NDArray[np.intp],
    engine: Engine,
    embedder: Embedder | None,
    extra_docs: Sequence[list[str]] = (),
    extra_texts: Sequence[str] = (),
    *,
    small: bool = True,
    k: int | None = None,
) -> NDArray[np.float32]:
    """One vector per answer row (then one per extra document).

    `k`, when the caller fixes the number of themes, sets the embedding engine's
    spectral dimensions to k + 1 (Ng, Jordan & Weiss use k); otherwise they cover
    the whole range of k the engine scans.

    `small` allows the small-round vectors below `SMALL_N` answers; guided mode
    keeps co-occurrence vectors, whose anchors reach answers through shared
    contexts (lexical vectors: 86 % instead of 96 % accuracy on the test set).
    """
    weights = np.concatenate([corpus.weights[rows], np.ones(len(extra_docs))])
    words = _word_tfidf(corpus, rows, extra_docs)
    if _embeds(embedder, rows) and not extra_docs:
        assert embedder is not None
        # Centring and dropping the question's own direction, then joining the
        # embedding's and the words' neighbour graphs (kerne/analysis/embeddings.py).
        keys = [corpus.keys[r] for r in rows]
        drop = embeddings.DEFAULT_PARAMS.drop_directions
        vocabulary = embeddings.content_words(keys)
        embedded = embedder.embed([*keys, *vocabulary])
        word_vectors = dict(zip(vocabulary, embedded[len(keys) :], strict=True))
        cleaned = embeddings.normalise_rows(
            np.hstack(
                [
                    embeddings.clean_embeddings(embedded[: len(keys)], drop),
                    embeddings.clean_embeddings(
                        embeddings.word_average(keys, word_vectors), drop
                    ),
                ]
            )
        )
        both = sp.hstack([words, 0.6 * _char_tfidf(corpus, rows)])
        lexical = np.asarray(
            _normalise_rows_sparse(sp.csr_matrix(both)).todense(), dtype=np.float32
        )
        dims = (
            k + 1
            if k is not None
            else _k_range(int(corpus.weights[rows].sum()), cap=False).stop
        )
        return embeddings.hybrid_vectors(cleaned, lexical, dims)
    if engine == "lsa":
        both = sp.hstack([words, 0.6 * _char_tfidf(corpus, rows, extra_docs)])
        return _lsa_vectors(_normalise_rows_sparse(sp.csr_matrix(both)))
    if engine == "cooccurrence":
        if small and corpus.weights[rows].sum() < SMALL_N:
            return _small_vectors(corpus, rows, extra_docs, weights, words)
        return _cooccurrence_vectors(words, weights)
    raise ValueError(f"unknown engine {engine!r}")


def _embeds(embedder: Embedder | None, rows: NDArray[np.intp]) -> bool:
    """Whether this run uses the embedding model (it has one and the round is small enough)."""
    return embedder is not None and len(rows) <= embeddings.EMBED_LIMIT
