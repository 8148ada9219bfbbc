"""The words that state the inside-vs-outside gap rule and how often it errs.

One function, so the "Sådan er det beregnet" disclosure and the comparison
section say the same thing.
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kerne.analysis.gaps import GAP_RULE, HELD_OUT


def gap_rule_text() -> str:
    """The rule, and its precision, recall and false-alarm rate on held-out answers."""
    c = HELD_OUT
    return _(
        "A theme is marked as a clear difference when one side's share is at least "
        "%(ratio)s times the other's and a test of the two shares gives p below "
        "%(alpha)s (not corrected for the number of themes; “Andet / uklart” is never "
        "marked). The rule was set on Danish test answers with known differences, "
        "holding out one workplace at a time: %(real)s of the %(flagged)s marked "
        "themes were real differences, %(found)s of %(planted)s real differences "
        "were marked, and %(false)s of %(balanced)s themes without a difference were "
        "marked by mistake (false alarms: %(rate)s %%). This holds for themes the "
        "facilitator has approved; draft themes mix topics, so fewer differences "
        "are found."
    ) % {
        "ratio": number_format(GAP_RULE.ratio),
        "alpha": number_format(GAP_RULE.alpha),
        "real": c.real,
        "flagged": c.flagged,
        "found": c.found,
        "planted": c.planted,
        "false": c.false_alarms,
        "balanced": c.balanced,
        "rate": round(100 * c.false_alarms / c.balanced),
    }
