"""The plain sentences a theme page opens with, written from the figures it shows.

A tired leader should learn what the answers say before any measure, interval or
test. Each function takes the page's own data (`kerne.themes.display`), so a
sentence can only speak of a figure the page shows: what the anonymity plan
hides never reached the page data, so no sentence can mention it. The numbers
in the sentences are the page's rounded numbers, so they match the tables.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kerne.analysis import stats
from kerne.themes.display import (
    ApproachUnit,
    ComparisonView,
    DiffusionView,
    NamesUnit,
    ThemeView,
)

# The verdict reads the share of answers that clearly belong to a theme against
# limits 20 points apart (stats.DIFFUSE_MAX_CLEAR_SHARE 40 %, SHARED_MIN_CLEAR_SHARE
# 60 %). Below 25 answers the 95 % interval of that share is wider than ±20 points
# (1.96·√(0.25/25) ≈ 0.196), so the verdict could as well be its neighbour.
MIN_ANSWERS_FOR_VERDICT = 25
# Below 20 answers on a side, a difference in a theme's share must be about 30
# percentage points before it can come out clear (1.96·√(0.25/20 + 0.25/20) ≈ 0.31),
# so "no clear difference" says little about smaller ones.
MIN_ANSWERS_PER_SIDE = 20
# Below 10 answers, one answer moves a share by more than 10 percentage points, so
# which wording is "most common" may be one person's choice.
MIN_ANSWERS_FOR_SHARES = 10
# A theme with at least half the answers is said to dominate.
DOMINANT_PCT = 50
# Two themes with together at least this share are said to carry most answers.
TWO_CARRY_PCT = 60
# "Andet / uklart" is mentioned when it holds at least this share.
UNCLEAR_MENTION_PCT = 20
# Differences under this many percentage points are "about the same".
EVEN_POINTS = 10


def quoted(text: str) -> str:
    return _("“%(text)s”") % {"text": text}


def join(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" in the active language."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return _("%(first)s and %(last)s") % {
        "first": ", ".join(items[:-1]),
        "last": items[-1],
    }


def smallest_clear_difference(n_a: int, n_b: int) -> int:
    """Roughly the smallest difference in percentage points that can come out clear.

    The 95 % half-width of a difference of two shares at their widest (50 %);
    Holm's correction over many themes makes the real bar a little higher still.
    """
    return round(100 * 1.96 * math.sqrt(0.25 / max(n_a, 1) + 0.25 / max(n_b, 1)))


def theme_summary(
    themes: Sequence[ThemeView], diffusion: DiffusionView | None
) -> list[str]:
    """Which themes dominate and whether the picture is shared (or too early to say)."""
    real = sorted(
        (t for t in themes if not t.bucket and t.size), key=lambda t: (-t.size, t.label)
    )
    if not real:
        return [_("None of the answers could be placed in a theme yet.")]
    sentences = []
    top = real[0]
    if top.pct >= DOMINANT_PCT:
        sentences.append(
            _("One theme dominates: %(theme)s holds %(pct)s %% of the answers.")
            % {"theme": quoted(top.label), "pct": top.pct}
        )
    elif len(real) >= 2 and real[0].pct + real[1].pct >= TWO_CARRY_PCT:
        sentences.append(
            _(
                "Two themes carry most of the answers: %(first)s (%(a)s %%) and %(second)s (%(b)s %%)."
            )
            % {
                "first": quoted(real[0].label),
                "a": real[0].pct,
                "second": quoted(real[1].label),
                "b": real[1].pct,
            }
        )
    else:
        sentences.append(
            ngettext(
                "The biggest theme is %(themes)s.",
                "The biggest themes are %(themes)s.",
                min(len(real), 3),
            )
            % {
                "themes": join(
                    [
                        _("%(name)s (%(pct)s %%)")
                        % {"name": quoted(t.label), "pct": t.pct}
                        for t in real[:3]
                    ]
                )
            }
        )
    if diffusion is not None:
        sentences.append(verdict_sentence(diffusion))
    elif (shown := sum(t.size for t in themes)) < MIN_ANSWERS_FOR_VERDICT:
        # No diffusion figures (too few real answers): say so from the shown sizes.
        sentences.append(_too_few_for_verdict(shown))
    unclear = next((t for t in themes if t.bucket and t.size), None)
    if unclear is not None and unclear.pct >= UNCLEAR_MENTION_PCT:
        sentences.append(
            _(
                "%(pct)s %% of the answers fit no theme clearly and are gathered in %(theme)s."
            )
            % {"pct": unclear.pct, "theme": quoted(unclear.label)}
        )
    return sentences


def too_few_for_verdict(diffusion: DiffusionView | None) -> str:
    """Why there is no verdict yet, or "" when there are enough answers for one."""
    if diffusion is None or diffusion.n >= MIN_ANSWERS_FOR_VERDICT:
        return ""
    return _too_few_for_verdict(diffusion.n)


def _too_few_for_verdict(n: int) -> str:
    return ngettext(
        "With only %(n)s answer it is too early to say whether the picture is shared: that takes at least %(min)s answers.",
        "With only %(n)s answers it is too early to say whether the picture is shared: that takes at least %(min)s answers.",
        n,
    ) % {"n": n, "min": MIN_ANSWERS_FOR_VERDICT}


def verdict_sentence(diffusion: DiffusionView) -> str:
    too_few = too_few_for_verdict(diffusion)
    if too_few:
        return too_few
    if diffusion.verdict == stats.SHARED:
        return _("Most people say much the same: the picture is shared.")
    if diffusion.verdict == stats.MIXED:
        return _(
            "A few themes stand out, but the answers spread over several of them: the picture is only partly shared."
        )
    return _("The answers spread over many themes: there is no shared picture yet.")


def gap_summary(
    comparison: ComparisonView | None, themes: Sequence[ThemeView] = ()
) -> list[str]:
    """Where those inside and outside the workplace differ, by how much, or that they do not.

    "Andet / uklart" is no theme a leader can act on, so it is never the one named.
    """
    unclear = {t.label for t in themes if t.bucket}
    rows = sorted(
        (r for r in (comparison.rows if comparison else []) if r.label not in unclear),
        key=lambda r: (-abs(r.difference), r.label),
    )
    if comparison is None or not rows:
        return []
    clear = [r for r in rows if r.significant]
    sentences = []
    for r in clear[:2]:
        inside_more = r.difference > 0
        sentences.append(
            (
                _(
                    "Those inside the workplace speak more of %(theme)s than those outside: %(more)s %% against %(less)s %% of the answers, %(points)s percentage points apart."
                )
                if inside_more
                else _(
                    "Those outside the workplace speak more of %(theme)s than those inside: %(more)s %% against %(less)s %% of the answers, %(points)s percentage points apart."
                )
            )
            % {
                "theme": quoted(r.label),
                "more": r.pct_a if inside_more else r.pct_b,
                "less": r.pct_b if inside_more else r.pct_a,
                "points": abs(r.difference),
            }
        )
    if not clear and rows[0].difference == 0:
        sentences.append(
            _(
                "Those inside and outside the workplace spread their answers over the themes alike."
            )
        )
    elif not clear:
        sentences.append(
            _(
                "No theme differs clearly between those inside and outside the workplace; the largest difference is %(points)s percentage points, in %(theme)s."
            )
            % {"points": abs(rows[0].difference), "theme": quoted(rows[0].label)}
        )
    if not clear and min(comparison.n_a, comparison.n_b) < MIN_ANSWERS_PER_SIDE:
        sentences.append(
            _(
                "With %(n_a)s answers inside and %(n_b)s outside, only differences of about %(points)s percentage points or more can show up as clear; a firmer answer takes at least %(min)s answers on each side."
            )
            % {
                "n_a": comparison.n_a,
                "n_b": comparison.n_b,
                "points": smallest_clear_difference(comparison.n_a, comparison.n_b),
                "min": MIN_ANSWERS_PER_SIDE,
            }
        )
    return sentences


def _too_few(n: int) -> str:
    return ngettext(
        "Only %(n)s answer can be shown, too few to say what is usual: that takes at least %(min)s.",
        "Only %(n)s answers can be shown, too few to say what is usual: that takes at least %(min)s.",
        n,
    ) % {"n": n, "min": MIN_ANSWERS_FOR_SHARES}


def approach_summary(units: Sequence[ApproachUnit]) -> list[str]:
    """Whether the work is described as done for or with the people served, and with which verbs."""
    main = next((u for u in units if u.everyone), units[0] if units else None)
    if main is None:
        return []
    if main.n < MIN_ANSWERS_FOR_SHARES:
        return [_too_few(main.n)]
    sentences = []
    f, w = main.for_pct, main.with_pct
    if f == 0 and w == 0:
        sentences.append(
            _("Hardly any answer says whether the work is done for them or with them.")
        )
    elif f - w >= EVEN_POINTS:
        sentences.append(
            _(
                "The work is described more often as done for them (%(for)s %% of the answers) than with them (%(with)s %%)."
            )
            % {"for": f, "with": w}
        )
    elif w - f >= EVEN_POINTS:
        sentences.append(
            _(
                "The work is described more often as done with them (%(with)s %% of the answers) than for them (%(for)s %%)."
            )
            % {"for": f, "with": w}
        )
    else:
        sentences.append(
            _(
                "The work is described about as often as done for them (%(for)s %%) as with them (%(with)s %%)."
            )
            % {"for": f, "with": w}
        )
    if main.verbs:
        sentences.append(
            ngettext(
                "The verb used most is %(verbs)s.",
                "The verbs used most are %(verbs)s.",
                min(len(main.verbs), 2),
            )
            % {
                "verbs": join(
                    [
                        _("%(name)s (%(pct)s %%)")
                        % {"name": quoted(s.name), "pct": s.pct}
                        for s in main.verbs[:2]
                    ]
                )
            }
        )
    groups = sorted(
        (u for u in units if not u.everyone and u.n >= MIN_ANSWERS_FOR_SHARES),
        key=lambda u: (-u.with_pct, u.label),
    )
    if len(groups) >= 2 and groups[0].with_pct - groups[-1].with_pct >= EVEN_POINTS:
        sentences.append(
            _(
                "The groups differ: in %(most)s %(most_pct)s %% describe the work as done with them, in %(least)s %(least_pct)s %%."
            )
            % {
                "most": groups[0].label,
                "most_pct": groups[0].with_pct,
                "least": groups[-1].label,
                "least_pct": groups[-1].with_pct,
            }
        )
    return sentences


def names_summary(units: Sequence[NamesUnit]) -> list[str]:
    """What the people served are called, and by whom."""
    main = next((u for u in units if u.everyone), units[0] if units else None)
    if main is None:
        return []
    if main.n < MIN_ANSWERS_FOR_SHARES:
        return [_too_few(main.n)]
    sentences = []
    if main.them:
        first = main.them[0]
        if len(main.them) > 1:
            sentences.append(
                _(
                    "The people served are most often called %(first)s (%(a)s %% of the answers), then %(second)s (%(b)s %%)."
                )
                % {
                    "first": quoted(first.name),
                    "a": first.pct,
                    "second": quoted(main.them[1].name),
                    "b": main.them[1].pct,
                }
            )
        else:
            sentences.append(
                _("The people served are called %(first)s (%(a)s %% of the answers).")
                % {"first": quoted(first.name), "a": first.pct}
            )
    else:
        sentences.append(_("The answers use no common name for the people served."))
    groups = [
        u for u in units if not u.everyone and u.n >= MIN_ANSWERS_FOR_SHARES and u.them
    ]
    if len(groups) >= 2:
        words = {u.them[0].name for u in groups}
        if len(words) == 1:
            sentences.append(
                _("Every group shown uses %(word)s most.")
                % {"word": quoted(words.pop())}
            )
        else:
            pairs = [
                _("%(group)s mostly say %(word)s")
                % {"group": u.label, "word": quoted(u.them[0].name)}
                for u in groups
            ]
            sentences.append(join(pairs) + ".")
    if main.us:
        sentences.append(
            _("Of themselves, the answers most often say %(word)s (%(pct)s %%).")
            % {"word": quoted(main.us[0].name), "pct": main.us[0].pct}
        )
    if main.without_pct >= UNCLEAR_MENTION_PCT:
        sentences.append(
            _("%(pct)s %% of the answers use no name for them at all.")
            % {"pct": main.without_pct}
        )
    return sentences[:5]


def page_summary(
    themes: Sequence[ThemeView],
    diffusion: DiffusionView | None,
    comparison: ComparisonView | None,
    approach: Sequence[ApproachUnit],
    names: Sequence[NamesUnit],
) -> list[str]:
    """At most five sentences for the top of the page: the themes, then each section's lead."""
    sentences = theme_summary(themes, diffusion)[:3]
    for section in (
        gap_summary(comparison),
        approach_summary(approach),
        names_summary(names),
    ):
        if section and len(sentences) < 5:
            sentences.append(section[0])
    return sentences
