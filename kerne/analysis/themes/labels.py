"""A theme's label: its most distinctive noun phrase, and a second one only if they go together.

The engine ranks a theme's noun phrases by how distinctive they are
(`build._label_terms`). Joining the top two, as before, paired words that
never meet in one answer ("Pædagogerne · søn", "Litteraturen · datter"). Here

* the label opens with the best-ranked term that a quote shown for the theme
  uses, so a reader finds the label's words in the quotes below it;
* a second term is added only when it is used in the same answers as the first:
  in at least `PAIR_SHARE` of the answers that use the rarer of the two, and in
  at least two answers. Otherwise the label is the one phrase.

`bench/quality_themes.py` measures both on the development set: the share of
label words found in the theme's quotes and the share of labels whose parts
co-occur.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from kerne.analysis.text import LABEL_PREPOSITIONS, normalise, stem, tokenise
from kerne.analysis.themes.corpus import Corpus

# How often two label terms must be used together: a little stricter than the
# 0.25 that bench/quality_themes.py calls coherent.
PAIR_SHARE = 0.3
# Only the next few terms after the first are tried as its partner: further down
# the ranking a term no longer names the theme.
PARTNERS = 4


def theme_label(
    corpus: Corpus,
    terms: Sequence[str],
    members: NDArray[np.intp],
    quotes: Sequence[str],
    taken: set[str],
) -> str:
    """The label of one theme from its ranked terms; "" when no term names it.

    `members` are the theme's rows of the corpus, `quotes` the answers shown for
    it. A first term in `taken` (another theme's) is skipped, and the chosen one
    is added, so two themes never open with the same words.
    """
    candidates = [t for t in terms if t not in taken]
    if not candidates:
        return ""
    in_quotes = _Quotes(corpus, quotes)
    head = next((t for t in candidates if in_quotes.has(t)), candidates[0])
    rest = [t for t in terms if t != head][:PARTNERS]
    used = _Uses(corpus, members)
    taken.add(head)
    label = corpus.vocab.phrase_label([head])
    for t in rest:
        pair = corpus.vocab.phrase_label([head, t])
        # phrase_label drops a partner that repeats the first term's words.
        if " · " in pair and in_quotes.has(t) and _together(used, head, t):
            label = pair
            break
    return label


class _Quotes:
    """Whether the quotes use at least half of a term's words (as stems or in compounds)."""

    def __init__(self, corpus: Corpus, quotes: Sequence[str]) -> None:
        self.corpus = corpus
        self.tokens = {w for q in quotes for w in tokenise(normalise(q))}
        self.stems = {stem(w) for w in self.tokens}

    def has(self, term: str) -> bool:
        words = [
            w
            for w in tokenise(self.corpus.vocab.surface(term))
            if w not in LABEL_PREPOSITIONS and self.corpus.vocab.is_content(w)
        ]
        # Half the words suffice: "digital hjælp" is what quotes about "de
        # digitale løsninger" and "at begå sig digitalt" are about.
        return 2 * sum(self._has_word(w) for w in words) >= len(words)

    def _has_word(self, word: str) -> bool:
        s = stem(word)
        return s in self.stems or (len(s) >= 4 and any(s in t for t in self.tokens))


class _Uses:
    """Which of a theme's answers use a term, weighted by duplicates."""

    def __init__(self, corpus: Corpus, members: NDArray[np.intp]) -> None:
        self.corpus = corpus
        self.weights = corpus.weights[members]
        self.counts = corpus.counts[members]
        self.phrases = corpus.phrases[members]
        self.stem_col = {t: j for j, t in enumerate(corpus.terms)}
        self.phrase_col = {t: j for j, t in enumerate(corpus.phrase_terms)}

    def of(self, term: str) -> NDArray[np.bool_]:
        if term in self.phrase_col:
            col = self.phrases[:, self.phrase_col[term]]
        elif term in self.stem_col:
            col = self.counts[:, self.stem_col[term]]
        else:
            return np.zeros(len(self.weights), dtype=bool)
        return np.asarray(col.todense()).ravel() > 0


def _together(used: _Uses, a: str, b: str) -> bool:
    in_a, in_b = used.of(a), used.of(b)
    w = used.weights
    both = float(w[in_a & in_b].sum())
    rarer = min(float(w[in_a].sum()), float(w[in_b].sum()))
    return both >= max(2.0, PAIR_SHARE * rarer)
