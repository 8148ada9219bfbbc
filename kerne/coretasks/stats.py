"""The 1–5 rating statistics of the core tasks; the maths is `kerne.analysis.ratings`."""

from __future__ import annotations

from kerne.analysis.ratings import CONFIDENCE as CONFIDENCE
from kerne.analysis.ratings import LARGE_GAP_POINTS as LARGE_GAP_POINTS
from kerne.analysis.ratings import Estimate as Estimate
from kerne.analysis.ratings import Gap as Gap
from kerne.analysis.ratings import estimate as estimate
from kerne.analysis.ratings import gap as gap
