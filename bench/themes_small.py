"""Benchmark the theme engine on real-sized rounds: the demo's ~150 respondents.

    python -m bench.themes_small [--seeds 2026] [--quiet]

For every text question of the demo units (Hjemmeplejen Nord and Solbjerg Skole) it
runs `find_themes` the way the app does (the question's prompt as `question`) and
prints the chosen k against the planted number of themes, NMI/ARI against the
planted primary theme (non-answers left out; "Andet / uklart" counts as one more
cluster), the share of real answers in "Andet / uklart", and the labels with their
sizes. With several seeds it ends with the mean per question.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from kerne.analysis.themes import NO_ANSWER_ID, OTHER_ID, find_themes
from kerne.demo.answers import (
    QUESTIONS,
    SCHOOL_QUESTIONS,
    DemoQuestion,
    Unit,
    generate_labelled_respondents,
    planted_themes,
)

UNITS: dict[Unit, tuple[DemoQuestion, ...]] = {
    "hjemmepleje": QUESTIONS,
    "skole": SCHOOL_QUESTIONS,
}


@dataclass
class Score:
    unit: str
    question: str
    n: int
    planted: int
    present: int
    k: int
    nmi: float
    ari: float
    other: float
    seconds: float


def run_question(
    unit: Unit, question: DemoQuestion, seed: int, *, quiet: bool
) -> Score:
    respondents = generate_labelled_respondents(seed, unit=unit)
    texts: list[str] = []
    truth: list[str | None] = []
    for r in respondents:
        text = r.respondent.answers.get(question.key)
        if not isinstance(text, str):
            continue
        planted = r.themes.get(question.key, ())
        texts.append(text)
        truth.append(planted[0] if planted else None)
    start = time.perf_counter()
    result = find_themes(texts, question=question.prompt)
    seconds = time.perf_counter() - start
    ids = [a.theme_id for a in result.assignments]
    real = [i for i, t in enumerate(truth) if t is not None]
    true_ = [str(truth[i]) for i in real]
    pred = [ids[i] for i in real]
    n_real = sum(1 for i in ids if i != NO_ANSWER_ID)
    other = sum(1 for i in ids if i == OTHER_ID) / max(n_real, 1)
    names = planted_themes(question.key, unit)
    score = Score(
        unit,
        question.key,
        len(texts),
        len(names),
        len(set(true_)),
        len(result.themes),
        float(normalized_mutual_info_score(true_, pred)),
        float(adjusted_rand_score(true_, pred)),
        other,
        seconds,
    )
    if not quiet:
        print(
            f"\n### {unit} / {question.key} (seed {seed}): N={score.n}, "
            f"planted {score.planted} ({score.present} present as primary), "
            f"k={score.k}, NMI {score.nmi:.3f}, ARI {score.ari:.3f}, "
            f"andet {score.other:.0%}, {seconds:.2f} s"
        )
        by_theme: dict[str, Counter[str]] = {}
        for t, p in zip(true_, pred, strict=True):
            by_theme.setdefault(p, Counter())[t] += 1
        for theme in result.themes:
            top = by_theme.get(theme.id, Counter()).most_common(2)
            planted_top = ", ".join(f"{names.get(k, k)} {v}" for k, v in top)
            print(f"  {theme.size:4d}  {theme.label:<45}  ← {planted_top}")
        print(f"  {result.other.size:4d}  {result.other.label}")
    return score


def summarise(scores: Sequence[Score]) -> None:
    print("\n## Summary (mean over seeds)")
    print(
        f"{'unit/question':<24} {'N':>4} {'planted':>7} {'k':>5} "
        f"{'NMI':>6} {'ARI':>6} {'andet':>6} {'s':>5}"
    )
    keys = list(dict.fromkeys((s.unit, s.question) for s in scores))
    totals: list[float] = [0.0, 0.0, 0.0]
    for unit, q in keys:
        rows = [s for s in scores if (s.unit, s.question) == (unit, q)]
        m = len(rows)
        nmi = sum(s.nmi for s in rows) / m
        ari = sum(s.ari for s in rows) / m
        other = sum(s.other for s in rows) / m
        totals[0] += nmi
        totals[1] += ari
        totals[2] += other
        print(
            f"{unit + '/' + q:<24} {sum(s.n for s in rows) / m:4.0f} "
            f"{rows[0].planted:7d} {sum(s.k for s in rows) / m:5.1f} "
            f"{nmi:6.3f} {ari:6.3f} {other:6.1%} "
            f"{sum(s.seconds for s in rows) / m:5.2f}"
        )
    n = len(keys)
    print(
        f"{'mean':<24} {'':>4} {'':>7} {'':>5} "
        f"{totals[0] / n:6.3f} {totals[1] / n:6.3f} {totals[2] / n:6.1%}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="2026", help="comma-separated demo seeds")
    parser.add_argument(
        "--quiet", action="store_true", help="only the summary table, no labels"
    )
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    scores: list[Score] = []
    for seed in seeds:
        for unit, questions in UNITS.items():
            for question in questions:
                if question.kind == "text":
                    scores.append(run_question(unit, question, seed, quiet=args.quiet))
    summarise(scores)


if __name__ == "__main__":
    main()
