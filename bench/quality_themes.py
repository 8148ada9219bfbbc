"""Theme quality on the Danish development set: gaps, labels, rerun stability, NMI.

    python -m bench.quality_themes [--data ../shared/danish-dev/dev_da.jsonl]

Per workplace of `dev_da.jsonl` (answers nobody on the team wrote) it prints

* **gaps**: the staff-vs-citizen comparison (inside = medarbejder + leder,
  outside = borger + pårørende) on the V question, scored against the README's
  planted gaps. A flagged theme is real when most of its answers carry a planted
  gap theme of the same direction; a planted gap is found when a real flagged
  theme carries it. The rule (`kerne.analysis.gaps`) is calibrated leaving one
  workplace out: α and the share ratio are chosen on the other two workplaces
  and scored on the third. Themes come from the guided engine given the README's
  theme descriptions (what a facilitator signs off), and, for reference, from
  the unguided engine and from the planted labels themselves.
* **labels**: for V and A, the share of label words found in the theme's own
  quotes, the share of labels whose parts co-occur in the theme's answers
  (`coherent`), the median share of a theme's answers that use its label's
  first part, and the share of labels with a word in the README description of
  the planted theme most of its answers carry (`in description`).
* **rerun**: drop one V answer, analyse, add it back and rerun; the share of
  answers that keep their theme and how far "Andet / uklart" moves, for the
  engine alone and for the app's rerun (`kerne.themes.results.analyse_question`
  given the previous result).
* **NMI** of the unguided themes with the planted ones, for reference.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import normalized_mutual_info_score

from kerne.analysis.gaps import GAP_RULE, GapRule
from kerne.analysis.text import STOP_WORDS, stem, tokenise
from kerne.analysis.themes import (
    NO_ANSWER_ID,
    OTHER_ID,
    GivenTheme,
    ThemeResult,
    assign_to_themes,
    find_themes,
)
from kerne.themes import results

# ../shared/danish-dev next to the checkout (or next to the worktrees' folder).
DATA = next(
    (
        p / "shared" / "danish-dev" / "dev_da.jsonl"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "danish-dev" / "dev_da.jsonl").exists()
    ),
    Path("../shared/danish-dev/dev_da.jsonl"),
)
WORKPLACES = ("dagtilbud", "bibliotek", "botilbud")
INSIDE = ("medarbejder", "leder")
OUTSIDE = ("borger", "pårørende")
ALPHAS = (0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
RATIOS = (1.0, 1.25, 1.5, 2.0, 2.5)
# Two label parts are coherent when at least this share of the answers that use
# the rarer part also use the other (and at least two answers do).
COHERENT_SHARE = 0.25


@dataclass(frozen=True)
class Answer:
    workplace: str
    question: str
    group: str
    theme: str
    text: str


@dataclass(frozen=True)
class Cell:
    """One theme of one workplace in the comparison, with the truth about it."""

    workplace: str
    theme: str
    carries: str  # the planted theme most of its answers carry
    x_a: int
    n_a: int
    x_b: int
    n_b: int
    truth: int  # +1 planted more frequent inside, −1 outside, 0 not a planted gap


def load(path: Path) -> list[Answer]:
    with path.open(encoding="utf-8") as f:
        return [
            Answer(d["workplace"], d["question"], d["group"], d["theme"], d["text"])
            for d in map(json.loads, f)
        ]


def _readme(path: Path) -> str:
    return (path.parent / "README.md").read_text(encoding="utf-8")


def _table(readme: str, heading: str) -> list[list[str]]:
    match = re.search(rf"#+ {re.escape(heading)}[^\n]*\n(.*?)\n\n\n", readme, re.S)
    if match is None:
        raise ValueError(f"no table under {heading!r}")
    rows = []
    for line in match.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) > 2 and re.fullmatch(r"[a-z_]+", cells[0]):
            rows.append(cells)
    return rows


def planted_gaps(readme: str, workplace: str) -> dict[str, int]:
    """Theme → +1 (more frequent inside), −1 (outside), 0 (balanced)."""
    direction = {"personale-tung": 1, "borger+pårørende-tung": -1, "balanceret": 0}
    rows = _table(readme, f"{workplace} – V: planted staff-vs-citizen gap")
    return {r[0]: direction[r[-1]] for r in rows}


def descriptions(readme: str, workplace: str, question: str) -> list[GivenTheme]:
    rows = _table(readme, f"{workplace} – {question} (")
    return [
        GivenTheme(r[0], r[1].split(":")[0].strip(), r[1])
        for r in rows
        if r[0] not in ("intet_svar", "tema")
    ]


# --- Gaps ----------------------------------------------------------------------------


def cells(
    answers: Sequence[Answer], themes: Sequence[str], planted: dict[str, int]
) -> list[Cell]:
    """The comparison's cells for one workplace; `themes` is one theme id per answer."""
    inside = [(t, a) for t, a in zip(themes, answers, strict=True) if a.group in INSIDE]
    outside = [
        (t, a) for t, a in zip(themes, answers, strict=True) if a.group in OUTSIDE
    ]
    n_a = sum(1 for t, _a in inside if t != NO_ANSWER_ID)
    n_b = sum(1 for t, _a in outside if t != NO_ANSWER_ID)
    count_a = Counter(t for t, _a in inside)
    count_b = Counter(t for t, _a in outside)
    out = []
    for theme in sorted(set(themes) - {NO_ANSWER_ID, OTHER_ID}):
        carried = Counter(
            a.theme for t, a in zip(themes, answers, strict=True) if t == theme
        )
        carries = carried.most_common(1)[0][0]
        out.append(
            Cell(
                answers[0].workplace,
                theme,
                carries,
                count_a[theme],
                n_a,
                count_b[theme],
                n_b,
                planted.get(carries, 0),
            )
        )
    return out


@dataclass(frozen=True)
class GapScore:
    flagged: int
    real: int
    found: int
    planted: int
    false_alarms: int  # flagged themes that carry a balanced planted theme
    balanced: int

    @property
    def precision(self) -> float:
        return self.real / self.flagged if self.flagged else float("nan")

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else float("nan")

    def __add__(self, other: GapScore) -> GapScore:
        return GapScore(
            *(a + b for a, b in zip(self.counts(), other.counts(), strict=True))
        )

    def counts(self) -> tuple[int, ...]:
        return (
            self.flagged,
            self.real,
            self.found,
            self.planted,
            self.false_alarms,
            self.balanced,
        )


def score_gaps(
    cells_: Sequence[Cell], planted: dict[str, int], rule: GapRule
) -> GapScore:
    flagged = [c for c in cells_ if rule.flags(c.x_a, c.n_a, c.x_b, c.n_b)]

    def direction(c: Cell) -> int:
        return 1 if c.x_a / c.n_a > c.x_b / c.n_b else -1

    real = [c for c in flagged if c.truth != 0 and direction(c) == c.truth]
    balanced = {t for t, d in planted.items() if d == 0}
    return GapScore(
        flagged=len(flagged),
        real=len(real),
        found=len({c.carries for c in real}),
        planted=sum(1 for d in planted.values() if d != 0),
        false_alarms=sum(1 for c in flagged if c.carries in balanced),
        balanced=sum(1 for c in cells_ if c.carries in balanced),
    )


def choose_rule(
    train: Sequence[tuple[list[Cell], dict[str, int]]], min_precision: float = 0.75
) -> GapRule:
    """The rule with the best recall whose precision on `train` is at least `min_precision`.

    Ties go to the stricter rule (smaller α, then larger ratio).
    """
    best: tuple[float, float, float, float] | None = None
    chosen = GAP_RULE
    for alpha in ALPHAS:
        for ratio in RATIOS:
            rule = GapRule(alpha, ratio)
            total = sum(
                (score_gaps(c, p, rule) for c, p in train), GapScore(0, 0, 0, 0, 0, 0)
            )
            precision = total.precision if total.flagged else 0.0
            if precision < min_precision:
                continue
            key = (total.recall, precision, -alpha, ratio)
            if best is None or key > best:
                best, chosen = key, rule
    return chosen


# --- Labels --------------------------------------------------------------------------


def _label_words(part: str) -> list[str]:
    return [w for w in tokenise(part) if w not in STOP_WORDS and len(w) > 2]


def _uses(text: str, words: Sequence[str]) -> bool:
    """Every word occurs in the text, as the same stem or inside a compound."""
    tokens = tokenise(text)
    stems = {stem(t) for t in tokens}
    return all(
        stem(w) in stems or any(stem(w) in t for t in tokens if len(stem(w)) >= 4)
        for w in words
    )


@dataclass(frozen=True)
class LabelScore:
    words_in_quotes: float
    coherent: float
    head_support: float
    labels: list[str]


def label_check(result: ThemeResult, texts: Sequence[str]) -> LabelScore:
    grounded: list[bool] = []
    coherent: list[bool] = []
    support: list[float] = []
    for theme in result.themes:
        members = [
            t
            for t, a in zip(texts, result.assignments, strict=True)
            if a.theme_id == theme.id
        ]
        parts = [_label_words(p) for p in theme.label.split(" · ")]
        parts = [p for p in parts if p]
        if not parts or not members:
            continue
        for words in parts:
            grounded.extend(any(_uses(q, [w]) for q in theme.examples) for w in words)
        uses = [[_uses(m, p) for m in members] for p in parts]
        support.append(sum(uses[0]) / len(members))
        if len(parts) == 1:
            coherent.append(True)
        else:
            both = sum(all(u) for u in zip(*uses, strict=True))
            rarer = min(sum(u) for u in uses)
            coherent.append(both >= max(2, COHERENT_SHARE * rarer))
    return LabelScore(
        words_in_quotes=float(np.mean(grounded)) if grounded else float("nan"),
        coherent=float(np.mean(coherent)) if coherent else float("nan"),
        head_support=statistics.median(support) if support else float("nan"),
        labels=[f"{t.label} ({t.size})" for t in result.themes],
    )


# --- Rerun stability -----------------------------------------------------------------


def kept_share(before: Sequence[str], after: Sequence[str]) -> float:
    """Share of answers whose theme is the same, themes matched one to one by overlap."""
    a_ids, b_ids = sorted(set(before)), sorted(set(after))
    overlap = np.zeros((len(a_ids), len(b_ids)))
    for a, b in zip(before, after, strict=True):
        overlap[a_ids.index(a), b_ids.index(b)] += 1
    rows, cols = linear_sum_assignment(-overlap)
    return float(overlap[rows, cols].sum()) / max(1, len(before))


def _app_run(
    answers: dict[int, Answer], previous: results.QuestionResult | None
) -> results.QuestionResult:
    """The app's analysis of one question; answer ids are the keys of `answers`."""
    groups = sorted({a.group for a in answers.values()})
    rows = [
        results.AnswerRow(i, a.text, groups.index(a.group)) for i, a in answers.items()
    ]
    units = [results.ReportUnitRow(g, (i,)) for i, g in enumerate(groups)]
    sides = {
        i: results.INSIDE if g in INSIDE else results.OUTSIDE
        for i, g in enumerate(groups)
    }
    return results.analyse_question(
        results.plan_question(
            rows,
            question="V",
            dimension="vaerdi",
            report_units=units,
            sides=sides,
            threshold=5,
            previous=(
                results.Previous(previous.themes, previous.assignments)
                if previous
                else None
            ),
        )
    )


@dataclass(frozen=True)
class Rerun:
    engine_kept: float
    engine_other: tuple[int, int]
    app_kept: float
    app_other: tuple[int, int]


def rerun(answers: Sequence[Answer], question: str, drop: int) -> Rerun:
    """Drop answer `drop`, analyse; add it back, rerun; compare the two runs."""
    fewer = [a for i, a in enumerate(answers) if i != drop]
    first = find_themes([a.text for a in fewer], question=question)
    second = find_themes([a.text for a in answers], question=question)
    before = [a.theme_id for a in first.assignments]
    after = [a.theme_id for i, a in enumerate(second.assignments) if i != drop]
    app_first = _app_run({i: a for i, a in enumerate(answers) if i != drop}, None)
    app_second = _app_run(dict(enumerate(answers)), app_first)
    ids = [i for i in range(len(answers)) if i != drop]

    def other(r: results.QuestionResult) -> int:
        return sum(1 for p in r.assignments.values() if p["theme"] == OTHER_ID)

    return Rerun(
        kept_share(before, after),
        (first.other.size, second.other.size),
        kept_share(
            [app_first.assignments[str(i)]["theme"] for i in ids],
            [app_second.assignments[str(i)]["theme"] for i in ids],
        ),
        (other(app_first), other(app_second)),
    )


# --- Report --------------------------------------------------------------------------


def _guided(answers: Sequence[Answer], readme: str, workplace: str) -> list[str]:
    given = descriptions(readme, workplace, "V")
    result = assign_to_themes([a.text for a in answers], given, question="V")
    return [a.theme_id for a in result.assignments]


def _unguided(answers: Sequence[Answer]) -> list[str]:
    result = find_themes([a.text for a in answers], question="V")
    return [a.theme_id for a in result.assignments]


def _planted(answers: Sequence[Answer]) -> list[str]:
    return [NO_ANSWER_ID if a.theme == "intet_svar" else a.theme for a in answers]


def _fmt(x: float) -> str:
    return "  –  " if x != x else f"{x:5.2f}"


def report_gaps(
    by_workplace: dict[str, list[Answer]], readme: str
) -> dict[str, GapScore]:
    sources: dict[str, Callable[[list[Answer], str], list[str]]] = {
        "guided (descriptions)": lambda a, w: _guided(a, readme, w),
        "unguided": lambda a, _w: _unguided(a),
        "planted labels": lambda a, _w: _planted(a),
    }
    totals: dict[str, GapScore] = {}
    print("## Gaps (V, inside = medarbejder+leder, outside = borger+pårørende)")
    print(f"rule in the app: p < {GAP_RULE.alpha} and ratio ≥ {GAP_RULE.ratio}")
    for name, source in sources.items():
        per: dict[str, tuple[list[Cell], dict[str, int]]] = {}
        for w, answers in by_workplace.items():
            planted = planted_gaps(readme, w)
            per[w] = (cells(answers, source(answers, w), planted), planted)
        print(f"\n### themes: {name}")
        print(
            "held out     rule (α, ratio)   flagged real found/planted  "
            "precision recall false alarms | app rule: precision recall"
        )
        total = app_total = GapScore(0, 0, 0, 0, 0, 0)
        for w, (c, p) in per.items():
            rule = choose_rule([v for k, v in per.items() if k != w])
            s = score_gaps(c, p, rule)
            app = score_gaps(c, p, GAP_RULE)
            total, app_total = total + s, app_total + app
            print(
                f"{w:12} {rule.alpha:5.2f}, {rule.ratio:4.2f}      {s.flagged:7} {s.real:4} "
                f"{s.found:5}/{s.planted:<7}  {_fmt(s.precision)}     {_fmt(s.recall)}  "
                f"{s.false_alarms}/{s.balanced:<10} | {_fmt(app.precision)}     {_fmt(app.recall)}"
            )
        print(
            f"{'all':12} {'':16} {total.flagged:7} {total.real:4} "
            f"{total.found:5}/{total.planted:<7}  {_fmt(total.precision)}     "
            f"{_fmt(total.recall)}  {total.false_alarms}/{total.balanced:<10} | "
            f"{_fmt(app_total.precision)}     {_fmt(app_total.recall)}"
        )
        totals[name] = total
    return totals


def describes(
    result: ThemeResult, answers: Sequence[Answer], given: Sequence[GivenTheme]
) -> float:
    """Share of labels with a word in the README description of the theme they mostly carry.

    Independent of how labels are built: a reader of the planted theme's
    description would recognise the label.
    """
    text_of = {g.id: g.description for g in given}
    hits = []
    for theme in result.themes:
        carried = Counter(
            a.theme
            for a, p in zip(answers, result.assignments, strict=True)
            if p.theme_id == theme.id
        )
        description = text_of.get(carried.most_common(1)[0][0], "") if carried else ""
        words = [w for p in theme.label.split(" · ") for w in _label_words(p)]
        hits.append(any(_uses(description, [w]) for w in words))
    return float(np.mean(hits)) if hits else float("nan")


def report_labels(data: Sequence[Answer], readme: str) -> None:
    print("\n## Labels (unguided themes)")
    print(
        "workplace  Q  words in quotes  coherent  head support  in description  labels"
    )
    for w in WORKPLACES:
        for q in ("V", "A"):
            answers = [a for a in data if a.workplace == w and a.question == q]
            texts = [a.text for a in answers]
            result = find_themes(texts, question=q)
            s = label_check(result, texts)
            d = describes(result, answers, descriptions(readme, w, q))
            print(
                f"{w:10} {q}  {_fmt(s.words_in_quotes)}            {_fmt(s.coherent)}     "
                f"{_fmt(s.head_support)}         {_fmt(d)}          {'; '.join(s.labels)}"
            )


def report_rerun(by_workplace: dict[str, list[Answer]], repeats: int) -> None:
    print("\n## Rerun with one more answer (V)")
    print(
        "workplace  engine: kept  'Andet' before→after | app: kept  'Andet' before→after"
    )
    for w, answers in by_workplace.items():
        step = max(1, len(answers) // repeats)
        runs = [rerun(answers, "V", d) for d in range(0, len(answers), step)][:repeats]
        for r in runs:
            print(
                f"{w:10} {r.engine_kept:12.2f}  {r.engine_other[0]:3} → {r.engine_other[1]:<3}"
                f"           | {r.app_kept:9.2f}  {r.app_other[0]:3} → {r.app_other[1]:<3}"
            )


def report_nmi(data: Sequence[Answer]) -> None:
    print("\n## Unguided themes, NMI with the planted themes (reference)")
    for w in WORKPLACES:
        line = []
        for q in ("V", "A"):
            answers = [a for a in data if a.workplace == w and a.question == q]
            result = find_themes([a.text for a in answers], question=q)
            nmi = normalized_mutual_info_score(
                [a.theme for a in answers], [a.theme_id for a in result.assignments]
            )
            line.append(f"{q} {nmi:.2f} (k = {result.k})")
        print(f"{w:10} " + "   ".join(line))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--reruns", type=int, default=4, help="reruns per workplace")
    args = parser.parse_args(argv)
    data = load(args.data)
    readme = _readme(args.data)
    by_workplace = {
        w: [a for a in data if a.workplace == w and a.question == "V"]
        for w in WORKPLACES
    }
    report_gaps(by_workplace, readme)
    report_labels(data, readme)
    report_rerun(by_workplace, args.reruns)
    report_nmi(data)


if __name__ == "__main__":
    main()
