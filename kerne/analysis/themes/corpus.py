"""The answers as a corpus: unique normalised texts, stems, counts and TF-IDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.feature_extraction.text import CountVectorizer

from kerne.analysis.text import Vocabulary, is_non_answer, normalise
from kerne.analysis.themes.results import SMALL_N


@dataclass
class Corpus:
    """Unique normalised answers in sorted order, with counts and features."""

    keys: list[str]  # sorted unique normalised texts
    index: NDArray[np.intp]  # for each input answer, the row of its key
    weights: NDArray[np.float64]  # how many answers share each key
    non_answer: NDArray[np.bool_]
    stems: list[list[str]]
    vocab: Vocabulary
    counts: sp.csr_matrix  # stem counts, rows = keys
    terms: list[str]  # column names of `counts`
    phrases: sp.csr_matrix  # two-word phrase counts ("fast hjælp"), rows = keys
    phrase_terms: list[str]  # column names of `phrases`


def _prepare(
    texts: Sequence[str], question: str, extra_stop_words: Sequence[str]
) -> Corpus:
    normalised = [normalise(t) for t in texts]
    keys = sorted(set(normalised))
    row = {k: i for i, k in enumerate(keys)}
    index = np.fromiter(
        (row[t] for t in normalised), dtype=np.intp, count=len(normalised)
    )
    weights = np.bincount(index, minlength=len(keys)).astype(np.float64)
    # Generic words ("komme", "giver", "hver dag") are dropped as features only on
    # small rounds: on 1k–10k answers they still help to place answers
    # (bench/themes.py guided 0.67 → 0.65 NMI with them dropped); labels skip them
    # at any size.
    vocab = Vocabulary.for_question(
        question, extra_stop_words, generic=len(texts) < SMALL_N
    )
    non_answer = np.array([is_non_answer(k) for k in keys], dtype=bool)
    stems = [
        [] if na else vocab.stems(k) for k, na in zip(keys, non_answer, strict=True)
    ]
    # Answers such as "det er godt" have words but no content: they count as non-answers.
    non_answer |= np.array([not s for s in stems], dtype=bool)
    counter = CountVectorizer(analyzer=_identity, dtype=np.float32)
    counts = (
        counter.fit_transform(stems).tocsr()
        if any(stems)
        else sp.csr_matrix((len(keys), 0), dtype=np.float32)
    )
    terms = list(counter.get_feature_names_out()) if any(stems) else []
    phrase_docs = [
        [] if na else vocab.label_terms(k)
        for k, na in zip(keys, non_answer, strict=True)
    ]
    if any(phrase_docs):
        phraser = CountVectorizer(analyzer=_identity, dtype=np.float32)
        phrases = sp.csr_matrix(phraser.fit_transform(phrase_docs))
        phrase_terms = list(phraser.get_feature_names_out())
    else:
        phrases, phrase_terms = sp.csr_matrix((len(keys), 0), dtype=np.float32), []
    return Corpus(
        keys,
        index,
        weights,
        non_answer,
        stems,
        vocab,
        counts,
        terms,
        phrases,
        phrase_terms,
    )


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def _char_ngrams(words: Sequence[str]) -> list[str]:
    # Character 4-grams inside each word catch typos ("hjemmehjælpn") and Danish
    # compounds ("aftenvagten" shares "vagt" with "nattevagt") that stems miss.
    grams: list[str] = []
    for w in words:
        padded = f"<{w}>"
        grams.extend(padded[i : i + 4] for i in range(max(1, len(padded) - 3)))
    return grams


def _tfidf(
    counts: sp.csr_matrix, weights: NDArray[np.float64], *, min_df: float, max_df: float
) -> sp.csr_matrix:
    """Sublinear TF-IDF where document frequency counts duplicate answers."""
    present = (counts > 0).astype(np.float64)
    df = np.asarray(present.T @ weights).ravel()
    n = weights.sum()
    keep = (df >= min_df) & (df <= max_df * n)
    x = counts[:, np.flatnonzero(keep)].astype(np.float32)
    idf = (np.log((1 + n) / (1 + df[keep])) + 1).astype(np.float32)
    x.data = 1 + np.log(x.data)
    x = x @ sp.diags(idf)
    return _normalise_rows_sparse(sp.csr_matrix(x))


def _normalise_rows_sparse(x: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.csr_matrix(sp.diags(1 / norms) @ x)


def _normalise_rows(x: NDArray[np.float32]) -> NDArray[np.float32]:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1
    out: NDArray[np.float32] = (x / norms).astype(np.float32)
    return out


def _word_tfidf(
    corpus: Corpus, rows: NDArray[np.intp], extra_docs: Sequence[list[str]] = ()
) -> sp.csr_matrix:
    weights = np.concatenate([corpus.weights[rows], np.ones(len(extra_docs))])
    n = corpus.weights[rows].sum()
    # Words used once say nothing about co-occurrence; with few answers keep them all.
    min_df = max(2.0, 0.0005 * n) if n >= 200 else 1.0
    stems = [corpus.stems[i] for i in rows] + list(extra_docs)
    counts = CountVectorizer(analyzer=_identity, dtype=np.float32).fit_transform(stems)
    return _tfidf(sp.csr_matrix(counts), weights, min_df=min_df, max_df=0.4)


def _char_tfidf(
    corpus: Corpus, rows: NDArray[np.intp], extra_docs: Sequence[list[str]] = ()
) -> sp.csr_matrix:
    weights = np.concatenate([corpus.weights[rows], np.ones(len(extra_docs))])
    words = [corpus.vocab.content_words(corpus.keys[i]) for i in rows] + [
        [corpus.vocab.surface(s) for s in doc] for doc in extra_docs
    ]
    counts = CountVectorizer(analyzer=_char_ngrams, dtype=np.float32).fit_transform(
        words
    )
    return _tfidf(sp.csr_matrix(counts), weights, min_df=2.0, max_df=0.4)
