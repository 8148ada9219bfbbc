"""The plain sentences the opinion map opens with, written from what the map shows.

Built from `mapping.map_view`'s page data only, so a sentence can name nothing the
page leaves out; a statement is quoted only when at least `threshold` people voted
on it, as every per-statement figure on the map must be.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kerne.statements.mapping import MapView

# Agreement that differs by fewer points between staff and citizens is "alike":
# 15 points is the 95 % Wilson half-width of one side with 40 voters at 50 %, so a
# smaller difference is within the uncertainty of one side alone.
SIDES_APART_POINTS = 15
# Long statements are cut in a sentence; the tables below hold the full text.
QUOTE_CHARS = 90


def _quote(text: str) -> str:
    return _("“%(text)s”") % {"text": Truncator(text).chars(QUOTE_CHARS)}


def _enough(row: Mapping[str, Any], threshold: int) -> bool:
    return (
        bool(row.get("text"))
        and row.get("enough", True) is not False
        and int(row.get("n", 0)) >= threshold
    )


def map_summary(view: MapView) -> list[str]:
    """Opinion groups, what nearly everyone agrees on, where groups and sides part."""
    data = view.data
    if not view.ready or view.stale:
        return []
    threshold = int(data.get("threshold", 0))
    groups: Sequence[Mapping[str, Any]] = view.groups
    sentences = []
    if len(groups) >= 2:
        sentences.append(
            _("The votes form %(n)s opinion groups that see things differently.")
            % {"n": len(groups)}
        )
    elif len(groups) == 1:
        sentences.append(
            _("The votes form one opinion group: people largely vote alike.")
        )
    else:
        sentences.append(_("No opinion group is large enough to show yet."))
    agree = [s for s in view.consensus_agree if _enough(s, threshold)]
    disagree = [s for s in view.consensus_disagree if _enough(s, threshold)]
    if agree:
        sentences.append(
            ngettext(
                "Nearly everyone agrees with %(text)s (%(pct)s %% agree).",
                "Nearly everyone agrees with %(n)s statements, most of all %(text)s (%(pct)s %% agree).",
                len(agree),
            )
            % {
                "n": len(agree),
                "text": _quote(agree[0]["text"]),
                "pct": agree[0]["agree"],
            }
        )
    elif disagree:
        sentences.append(
            _("Nearly everyone disagrees with %(text)s (%(pct)s %% disagree).")
            % {"text": _quote(disagree[0]["text"]), "pct": disagree[0]["disagree"]}
        )
    else:
        sentences.append(_("No statement has nearly everyone behind it yet."))
    divisive = [d for d in view.divisive if d.get("text")]
    if divisive:
        d = divisive[0]
        sentences.append(
            _(
                "The groups part most on %(text)s: %(high_pct)s %% of group %(high)s agree, %(low_pct)s %% of group %(low)s."
            )
            % {
                "text": _quote(d["text"]),
                "high_pct": d["high_percent"],
                "high": d["high_letter"],
                "low_pct": d["low_percent"],
                "low": d["low_letter"],
            }
        )
    sides = view.sides
    rows = [s for s in sides.get("statements", []) if s.get("text")]
    if sides.get("shown") and rows:
        s = max(rows, key=lambda r: abs(r["inside"]["agree"] - r["outside"]["agree"]))
        if abs(s["inside"]["agree"] - s["outside"]["agree"]) >= SIDES_APART_POINTS:
            sentences.append(
                _(
                    "Staff and citizens part most on %(text)s: %(inside)s %% agree inside the workplace, %(outside)s %% outside."
                )
                % {
                    "text": _quote(s["text"]),
                    "inside": s["inside"]["agree"],
                    "outside": s["outside"]["agree"],
                }
            )
        else:
            sentences.append(
                _(
                    "Staff and citizens agree about as much on every statement with enough votes from both."
                )
            )
    return sentences[:5]
