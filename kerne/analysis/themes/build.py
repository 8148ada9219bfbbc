"""From clusters to themes: label terms, expansion, ids, examples, memberships."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from kerne.analysis.text import GENERIC_WORDS
from kerne.analysis.themes.corpus import Corpus
from kerne.analysis.themes.labels import theme_label
from kerne.analysis.themes.results import (
    CLEAR_MARGIN,
    CLEAR_MEMBERSHIP,
    EXPAND_SHARE,
    LABEL_SUPPORT,
    NO_ANSWER_ID,
    NO_ANSWER_LABEL,
    OTHER_ID,
    OTHER_LABEL,
    PHRASE_BONUS,
    Assignment,
    GivenTheme,
    Theme,
)


def _label_terms(
    corpus: Corpus,
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
    corpus: Corpus,
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


def _first_text(corpus: Corpus) -> NDArray[np.intp]:
    """For each unique key, the first input answer with that key (for verbatim quotes)."""
    first = np.full(len(corpus.keys), -1, dtype=np.intp)
    for i, r in enumerate(corpus.index):
        if first[r] < 0:
            first[r] = i
    return first


def _build_result(
    texts: Sequence[str],
    corpus: Corpus,
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
