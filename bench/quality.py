"""Quality of the text analyses on the Danish development set, leave one workplace out.

`python -m bench.quality [DEV.jsonl]` prints, per held-out workplace and question:

* approach (question T): for/med accuracy where abstaining counts as a miss, the
  abstention rate ("uklart"), accuracy on the answers it does orient, and two
  20-word regex baselines: one whose words are chosen on the two other
  workplaces, one made of the set's own "med" family wording;
* names (question M): recall (the labelled name is among the names found) and
  precision (names found that are the labelled one), against a plain list of
  18 names.

The analysers in `kerne.analysis.approach` and `kerne.analysis.names` are rules
with no parameters fitted at run time, so their figure on a held-out workplace
is already a leave-one-out figure; the baselines are fitted on the other two.
Because the rules were written with all three workplaces in view, the column
`training_rules_only` is the stricter check: the held-out answers decided with
only the rules and verb leanings that fire on the two training workplaces, as
if every rule needed by the held-out workplace alone had never been written.

Further measure modules plug in by name: each `bench.quality_<part>` module in
`EXTRA_MODULES` that exists is imported and its `main()` is run after these
figures. The development set defaults to `/work/shared/danish-dev/dev_da.jsonl`
(or `$KERNE_DEV_SET`); it is never the demo generator.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kerne.analysis.approach import ApproachResult, analyse_approach, decide
from kerne.analysis.names import find_names

DEFAULT_DEV_SET = Path("/work/shared/danish-dev/dev_da.jsonl")
EXTRA_MODULES = ("bench.quality_themes", "bench.quality_engines")
NO_ANSWER = "intet_svar"


@dataclass(frozen=True, slots=True)
class DevAnswer:
    workplace: str
    question: str
    group: str
    theme: str
    orientation: str
    text: str


def load(path: Path) -> list[DevAnswer]:
    answers = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                answers.append(
                    DevAnswer(
                        row["workplace"],
                        row["question"],
                        row["group"],
                        row["theme"],
                        row.get("orientation", "-"),
                        row["text"],
                    )
                )
    return answers


def workplaces(answers: Iterable[DevAnswer]) -> list[str]:
    return sorted({a.workplace for a in answers})


def leave_one_out(
    answers: Sequence[DevAnswer],
) -> Iterable[tuple[str, list[DevAnswer], list[DevAnswer]]]:
    """(held-out workplace, training answers, test answers) for each workplace."""
    for held_out in workplaces(answers):
        train = [a for a in answers if a.workplace != held_out]
        test = [a for a in answers if a.workplace == held_out]
        yield held_out, train, test


_WORD = re.compile(r"[a-zæøåéü]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# --- Approach --------------------------------------------------------------------

REGEX_WORDS = 20
_STEM = 5


def _stems(text: str) -> set[str]:
    return {w[:_STEM] for w in _words(text) if len(w) >= 2}


@dataclass(frozen=True, slots=True)
class RegexBaseline:
    """Ten word stems that point to "med" and ten to "for", picked on training answers.

    An answer is "med" when more med-stems than for-stems occur, "for" when
    fewer, and the training majority on a tie: it never abstains.
    """

    med: tuple[str, ...]
    for_: tuple[str, ...]
    majority: str

    @classmethod
    def fit(cls, answers: Sequence[DevAnswer]) -> RegexBaseline:
        counts = {"for": Counter[str](), "med": Counter[str]()}
        totals = Counter(a.orientation for a in answers)
        for a in answers:
            counts[a.orientation].update(_stems(a.text))
        stems = set(counts["for"]) | set(counts["med"])

        def log_odds(stem: str) -> float:
            med = (counts["med"][stem] + 0.5) / (totals["med"] + 1)
            for_ = (counts["for"][stem] + 0.5) / (totals["for"] + 1)
            return math.log(med / for_)

        # Only stems seen in at least three training answers, strongest first.
        frequent = [s for s in stems if counts["med"][s] + counts["for"][s] >= 3]
        ranked = sorted(frequent, key=lambda s: (-abs(log_odds(s)), s))
        half = REGEX_WORDS // 2
        med = tuple(s for s in ranked if log_odds(s) > 0)[:half]
        for_ = tuple(s for s in ranked if log_odds(s) < 0)[:half]
        return cls(med, for_, totals.most_common(1)[0][0])

    def pattern(self, stems: Sequence[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")")

    def predict(self, text: str) -> str:
        lowered = text.lower()
        med = len(self.pattern(self.med).findall(lowered))
        for_ = len(self.pattern(self.for_).findall(lowered))
        if med == for_:
            return self.majority
        return "med" if med > for_ else "for"


# The second baseline: the wording of the development set's "med" verb
# families as its README lists them, 20 stems; an answer with any of them is
# "med", any other "for". Nothing is fitted, so it needs no training fold.
CONVENTION_WORDS = [
    "inddrag",
    "involver",
    "samarbejd",
    "sammen",
    "lytte",
    "spørg",
    "nysgerrig",
    "udgangspunkt",
    "vejled",
    "guide",
    "coach",
    "motiv",
    "opmuntr",
    "understøt",
    "støtte",
    "bakke",
    "samskab",
    "faciliter",
    "ramme",
    "stillads",
]
_CONVENTION_PATTERN = re.compile(r"\b(?:" + "|".join(CONVENTION_WORDS) + r")")


def convention_regex(text: str) -> str:
    return "med" if _CONVENTION_PATTERN.search(text.lower()) else "for"


def _oriented(answers: Iterable[DevAnswer]) -> list[DevAnswer]:
    return [a for a in answers if a.question == "T" and a.orientation in {"for", "med"}]


def approach_rows(answers: Sequence[DevAnswer]) -> list[tuple[str, dict[str, float]]]:
    rows = []
    pooled: Counter[str] = Counter()
    for held_out, train, test in leave_one_out(answers):
        test_t = _oriented(test)
        baseline = RegexBaseline.fit(_oriented(train))
        results = [analyse_approach(a.text) for a in test_t]
        predicted = [r.orientation for r in results]
        seen = _rules_fired(_oriented(train))
        strict = [decide(c for c in r.cues if _rule(c.rule) in seen) for r in results]
        counts = Counter[str](
            n=len(test_t),
            right=sum(
                p == a.orientation for p, a in zip(predicted, test_t, strict=True)
            ),
            answered=sum(p is not None for p in predicted),
            base_right=sum(baseline.predict(a.text) == a.orientation for a in test_t),
            convention_right=sum(
                convention_regex(a.text) == a.orientation for a in test_t
            ),
            strict_right=sum(
                p == a.orientation for p, a in zip(strict, test_t, strict=True)
            ),
        )
        pooled.update(counts)
        rows.append((held_out, _approach_figures(counts)))
    rows.append(("all (pooled)", _approach_figures(pooled)))
    return rows


def _rule(name: str) -> str:
    """A cue's rule without the negation that turned it: "ikke_for_dem" → "for_dem"."""
    return name.removeprefix("ikke_")


def _rules_fired(answers: Iterable[DevAnswer]) -> set[str]:
    """Rules (and verb leanings) that fire on at least one of these answers."""
    results: list[ApproachResult] = [analyse_approach(a.text) for a in answers]
    return {_rule(c.rule) for r in results for c in r.cues}


def _approach_figures(counts: Counter[str]) -> dict[str, float]:
    n, right, answered = counts["n"], counts["right"], counts["answered"]
    base_right, strict_right = counts["base_right"], counts["strict_right"]
    return {
        "n": n,
        "accuracy": right / n if n else math.nan,
        "abstained": (n - answered) / n if n else math.nan,
        "accuracy_answered": right / answered if answered else math.nan,
        "regex_baseline": base_right / n if n else math.nan,
        "regex_conventions": counts["convention_right"] / n if n else math.nan,
        "training_rules_only": strict_right / n if n else math.nan,
    }


# --- Names ---------------------------------------------------------------------

# The development set's name ids for the base nouns that `kerne.analysis.names`
# reports as a name's head. Heads without an id here ("vi", "sagsbehandler")
# are not names for the target group in this set's labels and are left out.
NAME_ID_OF_HEAD: dict[str, str] = {
    "borger": "borgere",
    "bruger": "brugere",
    "beboer": "beboere",
    "barn": "boern",
    "familie": "familier",
    "forældre": "foraeldre",
    "pårørende": "paaroerende",
    "menneske": "mennesker",
    "person": "mennesker",
    "klient": "klienter",
    "låner": "laanere",
    "gæst": "gaester",
    "besøgende": "gaester",
    "kunde": "kunder",
    "lokalsamfund": "lokalsamfund",
    "kollega": "kolleger",
    "team": "kolleger",
    "medarbejder": "kolleger",
    "patient": "patienter",
    "elev": "elever",
}

# The baseline: 18 common names for the people a municipal workplace serves,
# each matched as a whole word in its indefinite and definite plural.
PLAIN_NAMES: dict[str, tuple[str, ...]] = {
    "borgere": ("borgere", "borgerne"),
    "brugere": ("brugere", "brugerne"),
    "beboere": ("beboere", "beboerne"),
    "boern": ("børn", "børnene"),
    "foraeldre": ("forældre", "forældrene"),
    "familier": ("familier", "familierne"),
    "paaroerende": ("pårørende",),
    "mennesker": ("mennesker", "menneskene"),
    "klienter": ("klienter", "klienterne"),
    "laanere": ("lånere", "lånerne"),
    "gaester": ("gæster", "gæsterne"),
    "kunder": ("kunder", "kunderne"),
    "patienter": ("patienter", "patienterne"),
    "elever": ("elever", "eleverne"),
    "unge": ("unge",),
    "aeldre": ("ældre",),
    "kolleger": ("kolleger", "kollegerne"),
    "ledige": ("ledige",),
}


def plain_list_ids(text: str) -> set[str]:
    words = set(_words(text))
    return {name for name, forms in PLAIN_NAMES.items() if words & set(forms)}


def analyser_ids(text: str) -> set[str]:
    return {
        NAME_ID_OF_HEAD[n.head] for n in find_names(text) if n.head in NAME_ID_OF_HEAD
    }


def _names_figures(
    answers: Sequence[DevAnswer], find: Callable[[str], set[str]]
) -> tuple[int, int, int, int]:
    """(labelled answers, labelled names found, names found, names found that are right)."""
    labelled = found_label = found = found_right = 0
    for a in answers:
        ids = find(a.text)
        found += len(ids)
        if a.theme != NO_ANSWER:
            labelled += 1
            found_label += a.theme in ids
            found_right += a.theme in ids
    return labelled, found_label, found, found_right


def names_rows(answers: Sequence[DevAnswer]) -> list[tuple[str, dict[str, float]]]:
    rows = []
    pooled_ours = (0, 0, 0, 0)
    pooled_plain = (0, 0, 0, 0)
    for held_out, _train, test in leave_one_out(answers):
        test_m = [a for a in test if a.question == "M"]
        ours = _names_figures(test_m, analyser_ids)
        plain = _names_figures(test_m, plain_list_ids)
        pooled_ours = _add(pooled_ours, ours)
        pooled_plain = _add(pooled_plain, plain)
        rows.append((held_out, _names_dict(ours, plain)))
    rows.append(("all (pooled)", _names_dict(pooled_ours, pooled_plain)))
    return rows


def _add(
    a: tuple[int, int, int, int], b: tuple[int, int, int, int]
) -> tuple[int, int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


def _ratio(a: int, b: int) -> float:
    return a / b if b else math.nan


def _names_dict(
    ours: tuple[int, int, int, int], plain: tuple[int, int, int, int]
) -> dict[str, float]:
    return {
        "n": ours[0],
        "recall": _ratio(ours[1], ours[0]),
        "precision": _ratio(ours[3], ours[2]),
        "plain_recall": _ratio(plain[1], plain[0]),
        "plain_precision": _ratio(plain[3], plain[2]),
    }


# --- Output ----------------------------------------------------------------------


def print_table(
    title: str, rows: Sequence[tuple[str, dict[str, float]]], columns: Sequence[str]
) -> None:
    print(title)
    print("  " + f"{'held out':<14}" + "".join(f"{c:>21}" for c in columns))
    for label, figures in rows:
        cells = "".join(
            f"{figures[c]:>21d}" if c == "n" else f"{figures[c]:>21.3f}"
            for c in columns
        )
        print(f"  {label:<14}{cells}")
    print()


def run_extra_modules() -> None:
    for name in EXTRA_MODULES:
        if importlib.util.find_spec(name) is None:
            print(f"({name} not present; skipped)\n")
            continue
        module = importlib.import_module(name)
        module.main()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    path = (
        Path(args[0])
        if args
        else Path(os.environ.get("KERNE_DEV_SET", DEFAULT_DEV_SET))
    )
    answers = load(path)
    print(
        f"Development set: {path} ({len(answers)} answers), leave one workplace out\n"
    )
    print_table(
        "Approach for/med, question T (abstaining counts as a miss)",
        approach_rows(answers),
        (
            "n",
            "accuracy",
            "abstained",
            "accuracy_answered",
            "regex_baseline",
            "regex_conventions",
            "training_rules_only",
        ),
    )
    print_table(
        "Target-group names, question M",
        names_rows(answers),
        ("n", "recall", "precision", "plain_recall", "plain_precision"),
    )
    run_extra_modules()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
