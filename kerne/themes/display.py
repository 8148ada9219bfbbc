"""Turn a stored question result into what the pages show, in the reader's language.

Everything here reads; nothing writes. Quotes are fetched through the round's
report, so an answer its author deleted, or a group the plan no longer shows,
never reaches a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kerne.analysis import stats
from kerne.analysis.themes import NO_ANSWER_ID
from kerne.lib import figures
from kerne.lib.anonymity import POOL
from kerne.participation import reporting
from kerne.processes.models import StakeholderGroup
from kerne.themes.gaps import gap_rule_text
from kerne.themes.models import Analysis, QuestionAnalysis
from kerne.themes.results import UnitData

QUOTES_PER_THEME = 5


def pct(share: float) -> int:
    return figures.percent(share)


def bar(share: float) -> int:
    """A bar width in the 5 % steps kerne.css knows (no inline styles under the CSP)."""
    return min(100, max(0, 5 * round(20 * share)))


@dataclass(frozen=True)
class Quote:
    id: int
    text: str
    key: str = ""
    """What a form names the answer by (`reporting.answer_key`); never show the id."""


@dataclass
class ThemeView:
    id: str
    label: str
    description: str
    size: int
    pct: int
    bar: int
    bucket: bool
    terms: list[str]
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True)
class Measure:
    name: str
    value: float
    low: float
    high: float
    decimals: int
    percent: bool
    meaning: str


@dataclass(frozen=True)
class DiffusionView:
    verdict: str
    verdict_meaning: str
    n: int
    n_themes: int
    measures: list[Measure]


@dataclass(frozen=True)
class UnitDiffusion:
    label: str
    n: int
    verdict: str
    effective: float
    top3: int
    clear: int


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    pct_a: int
    pct_b: int
    bar_a: int
    bar_b: int
    interval_a: tuple[int, int]
    interval_b: tuple[int, int]
    difference: int
    interval: tuple[int, int]
    p_value: float
    significant: bool


@dataclass(frozen=True)
class ComparisonView:
    label_a: str
    label_b: str
    n_a: int
    n_b: int
    rows: list[ComparisonRow]
    omnibus: dict[str, Any] | None
    rule: str  # when a difference is marked, and how often that errs


@dataclass(frozen=True)
class Share:
    name: str
    pct: int
    bar: int


@dataclass(frozen=True)
class ApproachUnit:
    label: str
    n: int
    orientation: list[Share]
    verbs: list[Share]
    for_pct: int = 0
    with_pct: int = 0
    # The line for everyone shown, not for one group.
    everyone: bool = False


@dataclass(frozen=True)
class NamesUnit:
    label: str
    n: int
    them: list[Share]
    us: list[Share]
    without_pct: int
    everyone: bool = False


def unit_labels(
    units: Sequence[UnitData], groups: Iterable[StakeholderGroup]
) -> dict[str, str]:
    names = {g.pk: g.name for g in groups}
    labels = {}
    for u in units:
        # A pool is never named: which small groups answered is itself a figure.
        labels[u["key"]] = (
            _("Other groups combined")
            if u["key"] == POOL or len(u["group_ids"]) > 1
            else names.get(u["group_ids"][0], "?")
        )
    return labels


def quotes(report: reporting.RoundReport, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    return dict(
        reporting.visible_answers(report)
        .filter(pk__in=wanted)
        .values_list("pk", "text")
    )


def theme_views(
    qa: QuestionAnalysis, texts: Mapping[int, str], per_theme: int = QUOTES_PER_THEME
) -> list[ThemeView]:
    total = sum(t["size"] for t in qa.themes if t["id"] != NO_ANSWER_ID) or 1
    views = []
    for t in qa.themes:
        share = t["size"] / total
        views.append(
            ThemeView(
                id=t["id"],
                label=t["label"],
                description=t["description"],
                size=t["size"],
                pct=pct(share),
                bar=bar(share),
                bucket=t["bucket"],
                terms=t["terms"],
                quotes=[Quote(a, texts[a]) for a in t["examples"] if a in texts][
                    :per_theme
                ],
            )
        )
    return views


VERDICT_MEANINGS = {
    stats.SHARED: gettext_noop(
        "Most answers fall in a few themes, and most answers clearly belong to one: people largely say the same."
    ),
    stats.MIXED: gettext_noop(
        "A few themes stand out, but the answers are spread over several of them."
    ),
    stats.DIFFUSE: gettext_noop(
        "The answers are spread over many themes, or few of them clearly belong to any: there is no shared picture yet."
    ),
}


def _measure(
    name: str, d: Mapping[str, Any], key: str, decimals: int, meaning: str
) -> Measure:
    percent = key.endswith("share")
    scale = 100 if percent else 1
    low, high = d["intervals"][key]
    return Measure(
        name,
        d[key] * scale,
        low * scale,
        high * scale,
        0 if percent else decimals,
        percent,
        meaning,
    )


def diffusion_view(d: Mapping[str, Any]) -> DiffusionView:
    k = d["n_themes"]
    measures = [
        _measure(
            _("Effective number of themes"),
            d,
            "effective_themes",
            1,
            _(
                "As if the answers were spread evenly over this many themes: 1 means everyone said the same, %(k)s means the answers are spread evenly over all %(k)s themes."
            )
            % {"k": k},
        ),
        _measure(
            _("Share in the three biggest themes"),
            d,
            "top3_share",
            0,
            _("How much of what was said the three biggest themes cover."),
        ),
        _measure(
            _("Themes needed for 80 % of the answers"),
            d,
            "themes_for_80",
            0,
            _("Few themes means a shared picture; many means a spread one."),
        ),
        _measure(
            _("Answers that clearly belong to a theme"),
            d,
            "clear_share",
            0,
            _(
                "An answer clearly belongs when it is close to its theme and clearly closer to it than to any other."
            ),
        ),
        _measure(
            _("Spread"),
            d,
            "entropy",
            2,
            _("0 means all answers are in one theme, 1 that they are spread evenly."),
        ),
    ]
    return DiffusionView(
        verdict=d["verdict"],
        verdict_meaning=_(VERDICT_MEANINGS.get(d["verdict"], "")),
        n=d["n"],
        n_themes=k,
        measures=measures,
    )


def unit_diffusions(
    by_unit: Mapping[str, Mapping[str, Any]], labels: Mapping[str, str]
) -> list[UnitDiffusion]:
    return [
        UnitDiffusion(
            label=labels[key],
            n=d["n"],
            verdict=d["verdict"],
            effective=d["effective_themes"],
            top3=pct(d["top3_share"]),
            clear=pct(d["clear_share"]),
        )
        for key, d in by_unit.items()
        if key in labels
    ]


def comparison_view(
    c: Mapping[str, Any] | None,
    labels: Mapping[str, str],
    theme_labels: Mapping[str, str],
) -> ComparisonView | None:
    if c is None:
        return None

    def side(keys: Sequence[str], name: str) -> str:
        return f"{name} ({', '.join(labels.get(k, '?') for k in keys)})"

    rows = [
        ComparisonRow(
            label=theme_labels.get(r["theme"], r["theme"]),
            pct_a=pct(r["share_a"]),
            pct_b=pct(r["share_b"]),
            bar_a=bar(r["share_a"]),
            bar_b=bar(r["share_b"]),
            interval_a=(pct(r["interval_a"][0]), pct(r["interval_a"][1])),
            interval_b=(pct(r["interval_b"][0]), pct(r["interval_b"][1])),
            # The shown shares' difference, so the columns add up on the page.
            difference=pct(r["share_a"]) - pct(r["share_b"]),
            interval=(pct(r["interval"][0]), pct(r["interval"][1])),
            # The gap rule tests each theme on its own (results stored before it
            # have only the Holm-corrected value).
            p_value=r.get("p_raw", r["p_value"]),
            significant=r["significant"],
        )
        for r in c["rows"]
        if r["theme"] in theme_labels
    ]
    return ComparisonView(
        label_a=side(c["units_a"], _("Inside the workplace")),
        label_b=side(c["units_b"], _("Outside the workplace")),
        n_a=c["n_a"],
        n_b=c["n_b"],
        rows=rows,
        omnibus=c["omnibus"],
        rule=gap_rule_text(),
    )


def _of_answers(counts: Mapping[str, int], size: int) -> list[Share]:
    """Each word's share of the group's answers that use it; never the count itself."""
    if not size:
        return []
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Share(k, pct(n / size), bar(n / size)) for k, n in ordered]


def _entries(
    figures: Mapping[str, Any], labels: Mapping[str, str]
) -> list[tuple[str, Mapping[str, Any], bool]]:
    """Everyone shown first, then each group the plan shows."""
    entries: list[tuple[str, Mapping[str, Any], bool]] = []
    if figures.get("all"):
        entries.append((_("Everyone shown"), figures["all"], True))
    entries.extend(
        (labels[k], v, False) for k, v in figures["by_unit"].items() if k in labels
    )
    return entries


def approach_views(
    figures: Mapping[str, Any] | None, labels: Mapping[str, str]
) -> list[ApproachUnit]:
    if not figures:
        return []
    orientation_names = {
        "for": _("For them"),
        "med": _("With them"),
        "none": _("Unclear"),
    }
    rows = []
    entries = _entries(figures, labels)
    for label, g, everyone in entries:
        order = ("for", "med", "none")
        shares = g["orientation_shares"]
        rows.append(
            ApproachUnit(
                label=label,
                n=g["size"],
                orientation=[
                    Share(
                        orientation_names[k],
                        pct(g["orientation_shares"].get(k, 0.0)),
                        bar(g["orientation_shares"].get(k, 0.0)),
                    )
                    for k in order
                ],
                verbs=_of_answers(g["verb_counts"], g["size"])[:8],
                for_pct=pct(shares.get("for", 0.0)),
                with_pct=pct(shares.get("med", 0.0)),
                everyone=everyone,
            )
        )
    return rows


def names_views(
    figures: Mapping[str, Any] | None, labels: Mapping[str, str]
) -> list[NamesUnit]:
    if not figures:
        return []
    return [
        NamesUnit(
            label=label,
            n=g["size"],
            them=_of_answers(g["them"]["counts"], g["size"])[:8],
            us=_of_answers(g["us"]["counts"], g["size"])[:5],
            without_pct=pct(g["without_names"] / g["size"]) if g["size"] else 0,
            everyone=everyone,
        )
        for label, g, everyone in _entries(figures, labels)
    ]


def is_stale(analysis: Analysis, report: reporting.RoundReport) -> bool:
    return analysis.is_stale(report.threshold, report.shown_group_ids())
