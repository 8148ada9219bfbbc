"""Build and edit one question's stored result from plain lists; no ORM here.

The load step (`kerne.themes.loading`) reads the database into `AnswerRow`s and
plans each question once (`plan_question`); `analyse_question` themes a planned
question without looking back; the services store the result, and apply
facilitator edits to the stored JSON with the functions below. Every per-group
figure is computed over the question's reporting units (`plan_units`), which
follow the project's one anonymity rule.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypedDict

from kerne.analysis import stats
from kerne.analysis.approach import analyse_approach, approach_by_group
from kerne.analysis.gaps import GAP_RULE
from kerne.analysis.names import analyse_names, names_by_group
from kerne.analysis.text import (
    Vocabulary,
    is_non_answer,
    normalise,
    question_words,
    stem,
)
from kerne.analysis.themes import (
    NO_ANSWER_ID,
    OTHER_ID,
    SMALL_N,
    Embedder,
    GivenTheme,
    ThemeResult,
    assign_to_themes,
    data_hash,
    find_themes,
)

EXAMPLES = 8
INSIDE = "inside"
OUTSIDE = "outside"
BUCKETS = (OTHER_ID, NO_ANSWER_ID)
BUCKETS_SET = frozenset(BUCKETS)
# A rerun whose answers differ from the previous run's by at most this share (new
# plus removed, against the previous count) keeps the previous themes: on the
# development set one more answer left the engine's own themes only 45–75 % the
# same (bench/quality_themes.py), which a leader reads as different themes.
RERUN_CHANGE = 0.1
# Danish noun endings (plejen, plejens, centret, centrene …) for the unit's name words.
NAME_ENDINGS = ("", "e", "en", "ens", "er", "erne", "ernes", "es", "et", "ets", "s")


class ThemeData(TypedDict):
    id: str
    label: str
    description: str
    size: int
    examples: list[int]  # answer ids, so quotes disappear with deleted answers
    terms: list[str]
    bucket: bool


class Placement(TypedDict):
    theme: str
    strength: float
    clear: bool
    unit: str


class UnitData(TypedDict):
    key: str
    group_ids: list[int]
    n: int
    side: str  # "inside", "outside" or "" for a pool that spans both


@dataclass(frozen=True)
class AnswerRow:
    id: int
    text: str
    group_id: int


@dataclass(frozen=True)
class ReportUnitRow:
    """A unit of the round's report: one group, or the pooled small groups."""

    key: str
    group_ids: tuple[int, ...]


@dataclass(frozen=True)
class Previous:
    """The stored unguided result of the question's last run."""

    themes: Sequence[ThemeData]
    assignments: Mapping[str, Placement]


@dataclass
class QuestionResult:
    themes: list[ThemeData]
    assignments: dict[str, Placement]
    figures: dict[str, Any]
    guided: bool
    data_hash: str
    engine: str


def plan_units(
    rows: Sequence[AnswerRow],
    real: Sequence[bool],
    report_units: Sequence[ReportUnitRow],
    sides: Mapping[int, str],
    threshold: int,
) -> tuple[list[UnitData], dict[int, str]]:
    """The question's reporting units, and each answer's unit.

    The units are the round's (the report's plan), fixed for every question; a
    unit is shown for this question only when at least `threshold` of its answers
    are real ("ved ikke" does not count). Units are never pooled again per
    question: one question's pool minus another's would be the groups between.
    """
    unit_of_group = {gid: u for u in report_units for gid in u.group_ids}
    counts = Counter(
        unit_of_group[r.group_id].key
        for r, is_real in zip(rows, real, strict=True)
        if is_real and r.group_id in unit_of_group
    )
    units = [
        _unit(u.key, list(u.group_ids), counts[u.key], sides)
        for u in report_units
        if counts[u.key] >= threshold
    ]
    key_of_group = {gid: u["key"] for u in units for gid in u["group_ids"]}
    answer_units = {
        r.id: key_of_group[r.group_id] for r in rows if r.group_id in key_of_group
    }
    return units, answer_units


def _unit(key: str, group_ids: list[int], n: int, sides: Mapping[int, str]) -> UnitData:
    unit_sides = {sides.get(gid, "") for gid in group_ids}
    side = unit_sides.pop() if len(unit_sides) == 1 else ""
    return UnitData(key=key, group_ids=sorted(group_ids), n=n, side=side)


@dataclass(frozen=True)
class QuestionInput:
    """One question, planned: only the answers of the units shown for it, and those units."""

    rows: Sequence[AnswerRow]
    units: list[UnitData]
    answer_units: dict[int, str]
    question: str
    dimension: str
    threshold: int
    given: Sequence[ThemeData] = ()
    pins: Mapping[int, str] = field(default_factory=dict)
    extra_stop_words: Sequence[str] = ()
    previous: Previous | None = None


def real_answers(
    texts: Sequence[str], *, question: str, extra_stop_words: Sequence[str]
) -> list[bool]:
    """Whether the theme engine counts each answer as said: not "ved ikke", not empty words.

    The same test the engine applies before it themes (`kerne.analysis.themes`),
    over the same answers, so a unit's count here is the count the engine sees;
    tests/test_results.py checks the two agree.
    """
    vocab = Vocabulary.for_question(
        question, extra_stop_words, generic=len(texts) < SMALL_N
    )
    keys = [normalise(t) for t in texts]
    return [not is_non_answer(k) and bool(vocab.stems(k, record=False)) for k in keys]


def plan_question(
    rows: Sequence[AnswerRow],
    *,
    question: str,
    dimension: str,
    report_units: Sequence[ReportUnitRow],
    sides: Mapping[int, str],
    threshold: int,
    given: Sequence[ThemeData] = (),
    pins: Mapping[int, str] | None = None,
    extra_stop_words: Sequence[str] = (),
    previous: Previous | None = None,
) -> QuestionInput:
    """The question's anonymity plan, made once, and the answers it lets through.

    A unit too small for this question shapes neither its themes nor their words
    (labels and terms), so its answers are left out before the engine runs.
    """
    texts = [r.text for r in rows]
    real = real_answers(texts, question=question, extra_stop_words=extra_stop_words)
    units, answer_units = plan_units(rows, real, report_units, sides, threshold)
    return QuestionInput(
        rows=[r for r in rows if r.id in answer_units],
        units=units,
        answer_units=answer_units,
        question=question,
        dimension=dimension,
        threshold=threshold,
        given=given,
        pins=dict(pins or {}),
        extra_stop_words=extra_stop_words,
        previous=previous,
    )


def analyse_question(
    planned: QuestionInput, *, embedder: Embedder | None = None
) -> QuestionResult:
    """Theme one planned question (guided when signed-off themes are given) and compute its figures.

    `previous` is the last unguided run; when the answers have hardly changed
    since, its themes are kept (see `keep_previous`). In guided mode the
    answers the facilitator moved into a theme are among its examples, so the
    run learns from the moves (bench/quality_engines.py).
    """
    rows, units, answer_units = planned.rows, planned.units, planned.answer_units
    if not units:
        # Too few answers to show anything without exposing someone.
        return QuestionResult([], {}, {"units": []}, False, "", "")
    pins = planned.pins
    signed_off = given_themes(rows, planned.given, pins)
    texts = [r.text for r in rows]
    if signed_off:
        result = assign_to_themes(
            texts,
            signed_off,
            question=planned.question,
            extra_stop_words=planned.extra_stop_words,
            embedder=embedder,
        )
    else:
        result = find_themes(
            texts,
            question=planned.question,
            extra_stop_words=planned.extra_stop_words,
            embedder=embedder,
        )
    themes, assignments = _store(result, rows, answer_units)
    if planned.previous is not None and not signed_off:
        themes, assignments = keep_previous(planned.previous, themes, assignments)
    if pins:
        apply_moves(themes, assignments, pins)
    figures: dict[str, Any] = {"units": units}
    figures.update(theme_figures(themes, assignments, units, planned.threshold))
    if planned.dimension == "tilgang":
        figures["approach"] = approach_figures(rows, answer_units)
    if planned.dimension == "maalgruppe":
        figures["names"] = names_figures(rows, answer_units)
    return QuestionResult(
        themes,
        assignments,
        figures,
        bool(signed_off),
        data_hash(texts),
        result.engine,
    )


def given_themes(
    rows: Sequence[AnswerRow], given: Sequence[ThemeData], pins: Mapping[int, str]
) -> list[GivenTheme]:
    """The signed-off themes, each with its shown examples and the answers moved into it."""
    text_of = {r.id: r.text for r in rows}
    moved: dict[str, list[int]] = {}
    for answer_id, theme_id in pins.items():
        moved.setdefault(theme_id, []).append(answer_id)
    return [
        GivenTheme(
            t["id"],
            t["label"],
            t["description"],
            tuple(
                text_of[a]
                for a in dict.fromkeys(
                    [*t["examples"], *sorted(moved.get(t["id"], []))]
                )
                if a in text_of
            ),
        )
        for t in given
        if not t["bucket"]
    ]


def name_stop_words(*names: str) -> list[str]:
    """The words of the unit's name and the process title, and their stems.

    Staff write "hos Hjemmeplejen Nord" in answer after answer; left in, the
    name becomes the label of the biggest theme ("Hjemmeplejen · visiteret").
    """
    # Short words ("i", "og") are stop words already; their endings would be real words ("is").
    words = {w for w in question_words(" ".join(names)) if len(w) >= 4}
    # The engine matches stop words as written, except for stems: add the
    # common Danish endings too, so "Hjemmeplejens faste …" is caught as well.
    stems = {stem(w) for w in words}
    return sorted(words | {s + end for s in stems for end in NAME_ENDINGS})


def _store(
    result: ThemeResult, rows: Sequence[AnswerRow], answer_units: Mapping[int, str]
) -> tuple[list[ThemeData], dict[str, Placement]]:
    # The engine quotes texts; keep the first answer with each text, in input order.
    first_id: dict[str, int] = {}
    for r in rows:
        first_id.setdefault(r.text, r.id)
    themes = [
        ThemeData(
            id=t.id,
            label=t.label,
            description=t.description,
            size=t.size,
            examples=[first_id[e] for e in t.examples if e in first_id],
            terms=list(t.terms),
            bucket=t.id in BUCKETS,
        )
        for t in result.all_themes
    ]
    assignments = {
        str(r.id): Placement(
            theme=a.theme_id,
            strength=a.strength,
            clear=a.clear,
            unit=answer_units[r.id],
        )
        for r, a in zip(rows, result.assignments, strict=True)
        if r.id in answer_units
    }
    refresh(themes, assignments)
    return themes, assignments


def keep_previous(
    previous: Previous,
    themes: list[ThemeData],
    assignments: dict[str, Placement],
) -> tuple[list[ThemeData], dict[str, Placement]]:
    """The previous themes for nearly the same answers, else the fresh ones.

    Answers of the previous run keep their theme. A new answer goes to the
    previous theme that most of the answers sharing its fresh theme had; when
    none of them was in the previous run, or the fresh run put it in a bucket,
    it stays in "Andet / uklart" or "Intet svar". So one more answer moves one
    answer, not the themes.
    """
    before = previous.assignments
    shared = [a for a in assignments if a in before]
    added = len(assignments) - len(shared)
    removed = len(before) - len(shared)
    if not before or (added + removed) > RERUN_CHANGE * len(before):
        return themes, assignments
    votes: dict[str, Counter[str]] = {}
    for a in shared:
        votes.setdefault(assignments[a]["theme"], Counter())[before[a]["theme"]] += 1
    kept: dict[str, Placement] = {}
    for a, p in assignments.items():
        if a in before and p["theme"] != NO_ANSWER_ID:
            old = before[a]
            kept[a] = Placement(
                theme=old["theme"],
                strength=old["strength"],
                clear=old["clear"],
                unit=p["unit"],
            )
            continue
        theme = p["theme"]
        if theme not in BUCKETS:
            ranked = sorted(
                votes.get(theme, Counter()).items(), key=lambda kv: (-kv[1], kv[0])
            )
            theme = ranked[0][0] if ranked else OTHER_ID
        kept[a] = Placement(
            theme=theme,
            strength=p["strength"],
            clear=p["clear"] and theme != OTHER_ID,
            unit=p["unit"],
        )
    old_themes = [copy.deepcopy(t) for t in previous.themes]
    known = {t["id"] for t in old_themes}
    for bucket in themes:
        if bucket["bucket"] and bucket["id"] not in known:
            old_themes.append(bucket)
    for p in kept.values():
        if p["theme"] not in known | BUCKETS_SET:
            p["theme"] = OTHER_ID
    refresh(old_themes, kept)
    # A theme whose answers have all gone is gone too, as in a fresh run.
    return [t for t in old_themes if t["bucket"] or t["size"]], kept


def refresh(themes: list[ThemeData], assignments: Mapping[str, Placement]) -> None:
    """Recount sizes, drop quotes that no longer belong to their theme, order by size.

    Themes are listed largest first; "Andet / uklart" and "Intet svar" stay last.
    """
    sizes = Counter(p["theme"] for p in assignments.values())
    for t in themes:
        t["size"] = sizes.get(t["id"], 0)
        t["examples"] = [
            a
            for a in t["examples"]
            if str(a) in assignments and assignments[str(a)]["theme"] == t["id"]
        ]
    themes.sort(key=_listing_order)


def _listing_order(t: ThemeData) -> tuple[int, int]:
    if t["bucket"]:
        return (1, BUCKETS.index(t["id"]) if t["id"] in BUCKETS else len(BUCKETS))
    return (0, -t["size"])


# --- Edits -------------------------------------------------------------------------


class EditError(ValueError):
    """An edit that does not fit the stored themes; the form reports it."""


def real_themes(themes: Iterable[ThemeData]) -> list[ThemeData]:
    return [t for t in themes if not t["bucket"]]


def _find(themes: Sequence[ThemeData], theme_id: str) -> ThemeData:
    for t in themes:
        if t["id"] == theme_id:
            return t
    raise EditError(theme_id)


def rename(themes: list[ThemeData], theme_id: str, label: str) -> str:
    theme = _find(real_themes(themes), theme_id)
    before = theme["label"]
    theme["label"] = label
    return before


def describe(themes: list[ThemeData], theme_id: str, description: str) -> str:
    theme = _find(real_themes(themes), theme_id)
    before = theme["description"]
    theme["description"] = description
    return before


def merge(
    themes: list[ThemeData],
    assignments: dict[str, Placement],
    theme_ids: Sequence[str],
    label: str,
) -> ThemeData:
    """Fold the themes into the first of them, which takes the new label."""
    chosen = [_find(real_themes(themes), tid) for tid in theme_ids]
    if len({t["id"] for t in chosen}) < 2:
        raise EditError("merge needs two themes")
    target, rest = chosen[0], chosen[1:]
    gone = {t["id"] for t in rest}
    for p in assignments.values():
        if p["theme"] in gone:
            p["theme"] = target["id"]
    target["label"] = label or target["label"]
    target["examples"] = [a for t in chosen for a in t["examples"]][:EXAMPLES]
    target["terms"] = list(dict.fromkeys(w for t in chosen for w in t["terms"]))[:8]
    themes[:] = [t for t in themes if t["id"] not in gone]
    refresh(themes, assignments)
    return target


def split(
    themes: list[ThemeData],
    assignments: dict[str, Placement],
    answer_ids: Sequence[int],
    label: str,
    description: str = "",
) -> ThemeData:
    """Make a new theme of the chosen answers."""
    _check_movable(assignments, answer_ids)
    new = ThemeData(
        id=new_theme_id(label, {t["id"] for t in themes}),
        label=label,
        description=description,
        size=0,
        examples=list(answer_ids)[:EXAMPLES],
        terms=[],
        bucket=False,
    )
    # New themes go before the two buckets, which stay last.
    themes.insert(len(real_themes(themes)), new)
    for a in answer_ids:
        assignments[str(a)]["theme"] = new["id"]
        assignments[str(a)]["clear"] = True
    refresh(themes, assignments)
    return new


def delete(
    themes: list[ThemeData], assignments: dict[str, Placement], theme_id: str
) -> ThemeData:
    """Remove a theme; its answers go to "Andet / uklart"."""
    theme = _find(real_themes(themes), theme_id)
    other = _find(themes, OTHER_ID)
    for p in assignments.values():
        if p["theme"] == theme_id:
            p["theme"] = OTHER_ID
            p["clear"] = False
    other["examples"] = (other["examples"] + theme["examples"])[:EXAMPLES]
    themes[:] = [t for t in themes if t["id"] != theme_id]
    refresh(themes, assignments)
    return theme


def move(
    themes: list[ThemeData],
    assignments: dict[str, Placement],
    answer_ids: Sequence[int],
    theme_id: str,
) -> ThemeData:
    target = _find([t for t in themes if t["id"] != NO_ANSWER_ID], theme_id)
    _check_movable(assignments, answer_ids)
    apply_moves(themes, assignments, dict.fromkeys(answer_ids, theme_id))
    return target


def _check_movable(
    assignments: Mapping[str, Placement], answer_ids: Sequence[int]
) -> None:
    if not answer_ids:
        raise EditError("no answers")
    for a in answer_ids:
        p = assignments.get(str(a))
        if p is None or p["theme"] == NO_ANSWER_ID:
            raise EditError(f"answer {a} cannot be moved")


def apply_moves(
    themes: list[ThemeData],
    assignments: dict[str, Placement],
    pins: Mapping[int, str],
) -> None:
    """Put answers where the facilitator put them, when answer and theme still exist."""
    known = {t["id"] for t in themes} - {NO_ANSWER_ID}
    for answer_id, theme_id in pins.items():
        p = assignments.get(str(answer_id))
        if p is None or theme_id not in known or p["theme"] == NO_ANSWER_ID:
            continue
        p["theme"] = theme_id
        p["clear"] = theme_id != OTHER_ID
    refresh(themes, assignments)
    for t in themes:
        # A theme that only moved answers made has no quotes yet: use its answers.
        if not t["examples"] and t["size"] and not t["bucket"]:
            t["examples"] = sorted(
                int(a) for a, p in assignments.items() if p["theme"] == t["id"]
            )[:EXAMPLES]


_SLUG = re.compile(r"[^0-9a-zæøå]+")


def new_theme_id(label: str, taken: set[str]) -> str:
    base = _SLUG.sub("-", label.lower()).strip("-")[:60] or "tema"
    candidate, n = base, 2
    while candidate in taken or candidate in BUCKETS:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# --- Figures -----------------------------------------------------------------------


def theme_figures(
    themes: Sequence[ThemeData],
    assignments: Mapping[str, Placement],
    units: Sequence[UnitData],
    threshold: int,
) -> dict[str, Any]:
    """Diffusion over all answers and per unit, and the inside-vs-outside comparison."""
    theme_ids = [t["id"] for t in themes if t["id"] != NO_ANSWER_ID]
    placements = list(assignments.values())
    ids: list[str | None] = [
        None if p["theme"] == NO_ANSWER_ID else p["theme"] for p in placements
    ]
    clear = [p["clear"] for p in placements]
    answer_units: list[str | None] = [p["unit"] for p in placements]
    overall = stats.diffusion(ids, clear, themes=theme_ids)
    by_unit: dict[str, Any] = {}
    for u in units:
        rows = [i for i, key in enumerate(answer_units) if key == u["key"]]
        d = stats.diffusion(
            [ids[i] for i in rows], [clear[i] for i in rows], themes=theme_ids
        )
        # A unit can pass the threshold on answers but not on real ones ("ved ikke").
        if d.n >= threshold:
            by_unit[u["key"]] = _diffusion_json(d)
    side_a = [u["key"] for u in units if u["side"] == INSIDE]
    side_b = [u["key"] for u in units if u["side"] == OUTSIDE]
    comparison = stats.compare_sides(
        ids, answer_units, side_a, side_b, themes=theme_ids, min_group_size=threshold
    )
    return {
        "diffusion": _diffusion_json(overall) if overall.n >= threshold else None,
        "diffusion_by_unit": by_unit,
        "comparison": _comparison_json(comparison, threshold),
    }


def _diffusion_json(d: stats.Diffusion) -> dict[str, Any]:
    out = asdict(d)
    out["intervals"] = {k: list(v) for k, v in d.intervals.items()}
    return out


def _comparison_json(c: stats.Comparison, threshold: int) -> dict[str, Any] | None:
    # Both sides must reach the threshold, or there is nothing to compare.
    if not c.differences or c.n_a < threshold or c.n_b < threshold:
        return None
    return {
        "n_a": c.n_a,
        "n_b": c.n_b,
        "units_a": c.groups_a,
        "units_b": c.groups_b,
        "omnibus": asdict(c.omnibus) if c.omnibus else None,
        "rows": [
            {
                "theme": d.theme,
                "share_a": d.share_a,
                "share_b": d.share_b,
                "interval_a": list(stats.wilson(round(d.share_a * c.n_a), c.n_a)),
                "interval_b": list(stats.wilson(round(d.share_b * c.n_b), c.n_b)),
                "difference": d.difference,
                "interval": list(d.interval),
                "p_value": d.p_value,
                "p_raw": d.p_raw,
                # A gap by the calibrated rule (kerne.analysis.gaps); "Andet /
                # uklart" is no theme a leader can act on, so it is never one.
                "significant": d.theme not in BUCKETS
                and GAP_RULE.flags(
                    round(d.share_a * c.n_a), c.n_a, round(d.share_b * c.n_b), c.n_b
                ),
            }
            for d in c.differences
        ],
    }


def approach_figures(
    rows: Sequence[AnswerRow], answer_units: Mapping[int, str]
) -> dict[str, Any]:
    rows = [r for r in rows if r.id in answer_units]
    results = [analyse_approach(r.text) for r in rows]
    units = [answer_units[r.id] for r in rows]
    # The units already follow the anonymity plan, so none is pooled again here.
    by_unit = approach_by_group(results, units, min_group_size=1)
    overall = approach_by_group(results, ["all"] * len(rows), min_group_size=1)
    return {
        "all": asdict(overall["all"]) if overall else None,
        "by_unit": {k: asdict(v) for k, v in by_unit.items()},
    }


def names_figures(
    rows: Sequence[AnswerRow], answer_units: Mapping[int, str]
) -> dict[str, Any]:
    rows = [r for r in rows if r.id in answer_units]
    answers = [analyse_names(r.text) for r in rows]
    units = [answer_units[r.id] for r in rows]
    by_unit = names_by_group(answers, units, min_group_size=1)
    overall = names_by_group(answers, ["all"] * len(rows), min_group_size=1)
    return {
        "all": asdict(overall["all"]) if overall else None,
        "by_unit": {k: asdict(v) for k, v in by_unit.items()},
    }
