"""The theme engine's constants and result types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

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
