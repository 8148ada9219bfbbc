"""When a theme's share inside the workplace and outside it differ enough to call it a gap.

A gap is flagged when the two-proportion z-test (uncorrected) gives p below
`GAP_ALPHA` *and* one side's share is at least `GAP_RATIO` times the other's.
Holm's correction over all themes, used before, flagged none of the 15 planted
gaps in the development set (`../shared/danish-dev/`): with 60–80 answers a
side a planted 2-vs-11 difference has p ≈ 0.03 before correction and ≈ 0.2
after. The ratio keeps a large theme with a small, merely significant difference
from being called a gap. Both values were chosen leaving one workplace out
(`python -m bench.quality_themes`), and the false-alarm rate below is the share
of balanced themes flagged in those held-out runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from kerne.analysis.stats import two_proportion_p

GAP_ALPHA = 0.2
GAP_RATIO = 1.5


@dataclass(frozen=True)
class GapRule:
    alpha: float = GAP_ALPHA
    ratio: float = GAP_RATIO

    def flags(self, x_a: int, n_a: int, x_b: int, n_b: int) -> bool:
        """True when x_a of n_a against x_b of n_b is a gap under this rule."""
        if n_a <= 0 or n_b <= 0 or x_a + x_b == 0:
            return False
        share_a, share_b = x_a / n_a, x_b / n_b
        high, low = max(share_a, share_b), min(share_a, share_b)
        if high < self.ratio * low:
            return False
        return two_proportion_p(x_a, n_a, x_b, n_b) < self.alpha


GAP_RULE = GapRule()


@dataclass(frozen=True)
class Calibration:
    """How the rule did on the development set, each workplace held out in turn."""

    real: int  # flagged themes that are planted gaps
    flagged: int
    found: int  # planted gaps flagged
    planted: int
    false_alarms: int  # balanced themes flagged
    balanced: int


# Leave-one-workplace-out on ../shared/danish-dev V answers, themes assigned to the
# README's descriptions (guided): `python -m bench.quality_themes`, "guided".
HELD_OUT = Calibration(
    real=9, flagged=10, found=9, planted=15, false_alarms=1, balanced=9
)
