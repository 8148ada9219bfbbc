"""Answer vectors that combine a sentence-embedding model with the answers' own words.

Sentence embeddings (multilingual-e5-small) place paraphrases near each other but
also rank every answer to the same question as similar; TF-IDF over stems and
character n-grams separates answers that share a distinctive word but misses
paraphrases. The hybrid engine joins the two as graphs: each answer is linked to
its nearest neighbours in either space, the two neighbour graphs are added, and
the answers are placed by the graph's leading eigenvectors (spectral embedding,
Ng, Jordan & Weiss 2001), so k-means afterwards groups answers that are near in
either sense and near to each other's neighbours.

The embedding side is two halves joined: the sentence embedding of the whole
answer and the IDF-weighted mean of its content words' own embeddings
(`word_average`), each centred with its leading direction removed.

Measured on the Danish development set (bench/quality_engines.py, V and A
questions, ~150 answers each, parameters chosen leaving one workplace out):
mean NMI 0.32 with the word average against 0.30 without it (k chosen by the
engine under the √(n/3) cap), 0.20 for the lexical engine, 0.26 for e5-small +
k-means and 0.12 for TF-IDF + k-means (both with the true k); at the true k = 8
the word average lifts the graph from 0.32-0.34 to 0.37-0.38. Tried and dropped:
concatenating the two representations (0.26-0.28 with k-means, 0.29-0.32 with
Ward), average-linkage on cosines (0.28-0.29), the e5 "passage: " prefix instead
of "query: " (0.30-0.33 vs 0.32-0.34 at k = 8), removing 2, 3 or 5 directions
instead of 1, label spreading and word averages over words in two or more
answers only (0.27). The parameters below are the ones the bench chooses on all
three workplaces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.manifold import spectral_embedding

from kerne.analysis.text import STOP_WORDS, tokenise

SEED = 20240611

# Above this many distinct answers the hybrid engine is not used. The model embeds
# 10-40 answers a second on two cores (bench/themes.py, 105 s per 1,000 on a busy
# machine), so 40k answers would take half an hour or more. From about this size
# on the co-occurrence statistics are no longer too thin (themes.SMALL_N), and the
# lexical engine themes 40k answers within the minute.
EMBED_LIMIT = 500


@dataclass(frozen=True)
class HybridParams:
    # Share of the lexical neighbour graph in the sum (the rest is the embedding's).
    lexical_share: float = 0.5
    # Neighbours per answer in each graph.
    neighbours: int = 15
    # Leading principal directions removed from the centred embeddings ("all but
    # the top", Mu & Viswanath 2018): the first one is the question itself.
    drop_directions: int = 1


DEFAULT_PARAMS = HybridParams(lexical_share=0.3, neighbours=10)


def normalise_rows(x: NDArray[np.float32]) -> NDArray[np.float32]:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1
    out: NDArray[np.float32] = (x / norms).astype(np.float32)
    return out


def clean_embeddings(
    raw: NDArray[np.float32], drop_directions: int, *, fit_rows: int | None = None
) -> NDArray[np.float32]:
    """Centre the embeddings and remove their leading directions; rows L2-normalised.

    `fit_rows` limits the mean and directions to the first rows (the answers), so
    extra rows such as theme labels are projected the same way without moving it.
    """
    base = raw[:fit_rows] if fit_rows is not None else raw
    mean = base.mean(axis=0, keepdims=True)
    x = raw - mean
    if drop_directions > 0 and base.shape[0] > drop_directions + 1:
        _u, _s, vt = np.linalg.svd(base - mean, full_matrices=False)
        top = vt[:drop_directions]
        x = x - (x @ top.T) @ top
    return normalise_rows(x.astype(np.float32))


def word_average(
    keys: Sequence[str], word_vectors: Mapping[str, NDArray[np.float32]]
) -> NDArray[np.float32]:
    """Each answer as the IDF-weighted sum of its content words' embeddings.

    A sentence embedding of a whole answer is dominated by what every answer to
    the question shares; the mean of its words' own embeddings is a soft bag of
    words in which "piller" and "medicin" are near, the paraphrases that TF-IDF
    keeps apart. Words are the answers' tokens less stop words, each embedded on
    its own; the IDF is counted over `keys`.
    """
    tokens = [[t for t in tokenise(k) if t in word_vectors] for k in keys]
    df: dict[str, int] = {}
    for ts in tokens:
        for t in set(ts):
            df[t] = df.get(t, 0) + 1
    n = len(keys)
    dim = next(iter(word_vectors.values())).shape[0] if word_vectors else 1
    out = np.zeros((n, dim), dtype=np.float32)
    for i, ts in enumerate(tokens):
        for t in ts:
            out[i] += word_vectors[t] * np.log((n + 1) / (df[t] + 1) + 1)
    return out


def content_words(keys: Sequence[str]) -> list[str]:
    """The distinct content words of the answers, sorted: what `word_average` embeds."""
    return sorted(
        {t for k in keys for t in tokenise(k) if len(t) > 1 and t not in STOP_WORDS}
    )


def neighbour_graph(x: NDArray[np.float32], neighbours: int) -> sp.csr_matrix:
    """Symmetric k-nearest-neighbour graph weighted by (positive) cosine."""
    n = x.shape[0]
    k = min(neighbours, n - 1)
    if k < 1:
        return sp.csr_matrix((n, n), dtype=np.float32)
    sims = x @ x.T
    np.fill_diagonal(sims, -np.inf)
    nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(n), k)
    cols = nearest.ravel()
    values = np.maximum(sims[rows, cols], 0).astype(np.float32)
    graph = sp.csr_matrix((values, (rows, cols)), shape=(n, n))
    return sp.csr_matrix((graph + graph.T) / 2)


def hybrid_vectors(
    embedded: NDArray[np.float32],
    lexical: NDArray[np.float32],
    dims: int,
    params: HybridParams | None = None,
) -> NDArray[np.float32]:
    """Spectral embedding of the summed neighbour graphs, rows L2-normalised.

    `embedded` is already cleaned (clean_embeddings); `lexical` is any row-normalised
    lexical representation of the same answers. Without `params`, DEFAULT_PARAMS
    as it is at call time (bench/quality_engines.py sets it to tune).
    """
    params = params or DEFAULT_PARAMS
    n = embedded.shape[0]
    graph = (1 - params.lexical_share) * neighbour_graph(
        embedded, params.neighbours
    ) + params.lexical_share * neighbour_graph(lexical, params.neighbours)
    # An answer with no neighbour at all (no shared word, nothing similar) would
    # make the Laplacian singular: link it weakly to everything instead.
    graph = sp.csr_matrix(graph + sp.csr_matrix(np.full((n, n), 1e-4 / n)))
    dims = max(2, min(dims, n - 2))
    vectors = spectral_embedding(
        graph, n_components=dims, random_state=SEED, drop_first=False
    )
    return normalise_rows(np.asarray(vectors, dtype=np.float32))
