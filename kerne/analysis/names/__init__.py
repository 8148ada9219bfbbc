"""Dimension 4, "Målgruppen": what an answer calls the people served, and itself.

The method asks "Hvad kalder vi dem – og dermed også os selv?". A workplace
that says "borgerne" in one answer, "brugerne" in the next and "vores ældre"
in a third has no shared picture of whom it succeeds with. This module finds
those names in Danish answers with a hand-written lexicon (no model), folds
inflections and compounds to one canonical name, and counts them by group.

Canonical names are lemmas: "borgernes" → "borger", "plejehjemsbeboere" →
"plejehjemsbeboer", "ældre borgere" → "ældre borger", "de unge" → "unge".

Beyond inflection and compounds the lexicon folds colloquial forms ("ungerne",
"mor og far", "os gamle", "de små"), collective compounds ("forældregruppen"
→ "forældre"), circumlocutions with an agent noun ("os der bor her" →
"beboer", "vi der bruger biblioteket" → "bruger") and single typing slips in
long forms ("burgerne" → "bruger"). The lexicon was chosen on the Danish
development set as a whole; `python -m bench.quality` reports it per
held-out workplace.

The package: `lexicon` (the names and their forms), `find` (one answer's
names, over `kerne.analysis.text.tokenise_spans`), `groups` (counts by
reporting group).
"""

from __future__ import annotations

from kerne.analysis.names.find import find_names, find_names_in_tokens
from kerne.analysis.names.groups import (
    NO_GROUP,
    OTHER_GROUP,
    AnswerNames,
    Distribution,
    GroupNames,
    analyse_names,
    group_units,
    names_by_group,
)
from kerne.analysis.names.lexicon import THEM, US, Name, Side

__all__ = [
    "NO_GROUP",
    "OTHER_GROUP",
    "THEM",
    "US",
    "AnswerNames",
    "Distribution",
    "GroupNames",
    "Name",
    "Side",
    "analyse_names",
    "find_names",
    "find_names_in_tokens",
    "group_units",
    "names_by_group",
]
