"""The plain sentences the qualification page opens with, written from its figures.

Built only from `qualification.DimensionResult`, which holds nothing the anonymity
plan hides, so no sentence can mention a hidden group. Scores are written with
`figures.one_decimal_text`, which rounds as the tables' `floatformat:1` does.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kerne.coretasks import stats
from kerne.coretasks.qualification import DimensionResult
from kerne.lib.figures import one_decimal_text

# With a typical spread of 1 point on the 1–5 scale, the 95 % interval of a
# difference of two means reaches t·√(2/n) points either side (Welch, as stats.gap);
# it falls below stats.LARGE_GAP_POINTS (0.75) from 15 ratings a side (0.748; 14
# give 0.777). With fewer, a gap of that size cannot be told from chance.
MIN_RATINGS_PER_SIDE = 15
# The middle of the 1–5 scale: below it, more people find the wording unclear than clear.
UNCLEAR_BELOW = 3.0


def _score(value: float) -> str:
    return one_decimal_text(value)


def overall(d: DimensionResult, measure: str) -> stats.Estimate | None:
    """The mean over every group the page shows, weighted by its answers (no interval)."""
    shown = [
        e
        for e in (r.recognise if measure == "recognise" else r.clear for r in d.units)
        if e is not None
    ]
    n = sum(e.n for e in shown)
    if not n:
        return None
    mean = sum(e.mean * e.n for e in shown) / n
    return stats.Estimate(n, mean, mean, mean)


def _too_few_to_compare(d: DimensionResult) -> str:
    inside, outside = d.inside.get("recognise"), d.outside.get("recognise")
    if inside is None or outside is None:
        return _(
            "Inside and outside cannot be compared yet: a reliable comparison takes at least %(min)s ratings from each side."
        ) % {"min": MIN_RATINGS_PER_SIDE}
    return _(
        "With %(inside)s ratings inside and %(outside)s outside, only very large gaps can be seen: a reliable comparison takes at least %(min)s from each side."
    ) % {"inside": inside.n, "outside": outside.n, "min": MIN_RATINGS_PER_SIDE}


def dimension_summary(d: DimensionResult) -> list[str]:
    """How one dimension is recognised, inside against outside, and how clear it is."""
    everyone = overall(d, "recognise")
    if everyone is None:
        return []
    sentences = []
    inside, outside = d.inside.get("recognise"), d.outside.get("recognise")
    gap = d.recognise_gap
    if inside is not None and outside is not None:
        sentences.append(
            _(
                "Those inside the workplace recognise it at %(inside)s, those outside at %(outside)s (1 = not at all, 5 = to a very high degree)."
            )
            % {"inside": _score(inside.mean), "outside": _score(outside.mean)}
        )
        if gap is not None and gap.is_large:
            sentences.append(_("That is a large gap."))
        elif min(inside.n, outside.n) >= MIN_RATINGS_PER_SIDE:
            sentences.append(_("The two sides see it much alike."))
        else:
            sentences.append(_too_few_to_compare(d))
    else:
        sentences.append(
            _(
                "It is recognised at %(mean)s on average (1 = not at all, 5 = to a very high degree)."
            )
            % {"mean": _score(everyone.mean)}
        )
        sentences.append(_too_few_to_compare(d))
    clear = overall(d, "clear")
    if clear is not None and clear.mean < UNCLEAR_BELOW:
        sentences.append(
            _("Many find the wording unclear (%(mean)s).")
            % {"mean": _score(clear.mean)}
        )
    return sentences


def qualification_summary(dimensions: Sequence[DimensionResult]) -> list[str]:
    """Two to five sentences for the top of the page, over all four dimensions."""
    rated = [(d, e) for d in dimensions if (e := overall(d, "recognise")) is not None]
    if not rated:
        return []
    sentences = []
    ordered = sorted(rated, key=lambda de: (-de[1].mean, de[0].label))
    best, worst = ordered[0], ordered[-1]
    if len(ordered) > 1 and _score(best[1].mean) != _score(worst[1].mean):
        sentences.append(
            _(
                "The draft is recognised most in %(best)s (%(best_mean)s on the scale from 1 to 5) and least in %(worst)s (%(worst_mean)s)."
            )
            % {
                "best": _("“%(text)s”") % {"text": best[0].label},
                "best_mean": _score(best[1].mean),
                "worst": _("“%(text)s”") % {"text": worst[0].label},
                "worst_mean": _score(worst[1].mean),
            }
        )
    else:
        sentences.append(
            _(
                "The draft is recognised at %(mean)s on the scale from 1 to 5 in every dimension rated."
            )
            % {"mean": _score(best[1].mean)}
        )
    large = sorted(
        (
            d
            for d, _e in rated
            if d.recognise_gap is not None and d.recognise_gap.is_large
        ),
        key=lambda d: -abs(d.recognise_gap.difference if d.recognise_gap else 0),
    )
    if large and large[0].recognise_gap is not None:
        gap = large[0].recognise_gap
        sentences.append(
            _(
                "Those inside and outside the workplace see %(dimension)s most differently: %(inside)s against %(outside)s."
            )
            % {
                "dimension": _("“%(text)s”") % {"text": large[0].label},
                "inside": _score(gap.inside.mean),
                "outside": _score(gap.outside.mean),
            }
        )
    else:
        first = rated[0][0]
        inside, outside = first.inside.get("recognise"), first.outside.get("recognise")
        if (
            inside is not None
            and outside is not None
            and min(inside.n, outside.n) >= MIN_RATINGS_PER_SIDE
        ):
            sentences.append(
                _(
                    "Those inside and outside the workplace recognise the draft much alike."
                )
            )
        else:
            sentences.append(_too_few_to_compare(first))
    unclear = [
        (d, c)
        for d, _e in rated
        if (c := overall(d, "clear")) is not None and c.mean < UNCLEAR_BELOW
    ]
    if unclear:
        d, c = min(unclear, key=lambda dc: dc[1].mean)
        sentences.append(
            _("%(dimension)s is found least clearly worded (%(mean)s).")
            % {"dimension": _("“%(text)s”") % {"text": d.label}, "mean": _score(c.mean)}
        )
    suggestions = sum(len(d.suggestions) for d in dimensions)
    if suggestions:
        sentences.append(
            ngettext(
                "There is %(n)s suggested change, listed under its dimension.",
                "There are %(n)s suggested changes, listed under their dimensions.",
                suggestions,
            )
            % {"n": suggestions}
        )
    return sentences[:5]
