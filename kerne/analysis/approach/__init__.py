"""Dimension 3, "Vores tilgang til opgaven": the verbs of approach, and for or with.

The method's premise is that a workplace succeeds best when it solves the task
*with* the citizen rather than *for* them, and that employees of one unit
describe their contribution with very different verbs (sikrer, fremmer,
understøtter, udvikler, hjælper, faciliterer, coacher). This module makes both
visible for Danish answers, with hand-written rules only (no model), so every
decision can be explained to a facilitator by the rule that made it.

Orientation is a vote of cues. Each cue has a weight: STRONG for constructions
that state who acts ("til selv at", "sammen med borgeren", "så borgeren får"),
MEDIUM for phrases that put the citizen's terms first ("på borgerens
præmisser"), WEAK for the leaning of a verb on its own ("sikrer" leans for,
"coacher" leans with). A negation or contrast ("ikke …", "frem for …") turns a
construction around: "vi gør det ikke for dem" is evidence for *med*.

Every verb family leans: giving, informing, planning and caring for; listening,
asking, guiding, supporting and involving with. Constructions cover doing it
together ("sammen", "i fællesskab"), taking along ("med på råd", "med til at"),
enabling ("skaber rammer", "lader dem") and the citizen's own voice: in "de
hjælper mig" the speaker is the one served. A tie goes to the first verb that
leans, the answer's main verb; with no evidence at all the answer is "uklart"
and is shown as such. The lexicons were chosen on the Danish development set
as a whole (`python -m bench.quality` reports it per held-out workplace).

The package: `verbs` (the verbs and finding them), `cues` (the constructions
that say who acts), `analyse` (one answer's verdict and counts per group). It
reads answers through `kerne.analysis.text.tokenise_spans` and the names of
`kerne.analysis.names`.
"""

from __future__ import annotations

from kerne.analysis.approach.analyse import (
    ApproachResult,
    GroupApproach,
    analyse_approach,
    approach_by_group,
    decide,
)
from kerne.analysis.approach.cues import Cue
from kerne.analysis.approach.verbs import (
    NO_ORIENTATION,
    ORIENTATIONS,
    VERBS,
    Orientation,
    VerbUse,
    find_verbs,
)

__all__ = [
    "NO_ORIENTATION",
    "ORIENTATIONS",
    "VERBS",
    "ApproachResult",
    "Cue",
    "GroupApproach",
    "Orientation",
    "VerbUse",
    "analyse_approach",
    "approach_by_group",
    "decide",
    "find_verbs",
]
