"""The themes of the latest analysed round, as material beside the core-task editor.

`kerne.coretasks.material` calls `material_for_drafting`.
Everything is read through the same functions as the question page: quotes come
through the round's report (`display.quotes`), so a deleted answer or a group below
the anonymity threshold is never quoted, and the inside-vs-outside gaps are left
out when the anonymity plan changed since the run (`display.is_stale`).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kerne.lib.drafting import Material
from kerne.participation import reporting
from kerne.processes.models import Process
from kerne.themes import display
from kerne.themes.models import Analysis, QuestionAnalysis, ThemeEdit

QUOTES = 3
QUOTE_LENGTH = 300


def latest_analysis(process: Process) -> Analysis | None:
    """The analysis of the newest answer round that has finished at least once.

    A rerun keeps the previous result on the question pages until it is done; so
    does the drafting page. Qualification rounds rate a draft and are left out.
    """
    return (
        Analysis.objects.filter(
            round__process=process,
            round__qualification__isnull=True,
            threshold__isnull=False,
        )
        .select_related("round__process")
        .order_by("-round__created_at", "-round__pk")
        .first()
    )


def material_for_drafting(process: Process) -> list[Material]:
    analysis = latest_analysis(process)
    if analysis is None:
        return []
    report = reporting.round_report(analysis.round)
    if not report.shown_group_ids():
        # Everyone together is now below the threshold: nothing may be shown.
        return []
    stale = display.is_stale(analysis, report)
    analysed = [
        qa
        for qa in QuestionAnalysis.objects.filter(analysis=analysis).select_related(
            "question"
        )
        if qa.themes
    ]
    edited = set(
        ThemeEdit.objects.filter(
            question__in=[qa.question for qa in analysed]
        ).values_list("question_id", flat=True)
    )
    per_dimension: dict[str, int] = {}
    for qa in analysed:
        key = qa.question.dimension
        per_dimension[key] = per_dimension.get(key, 0) + 1
    found: list[Material] = []
    for qa in analysed:
        question = qa.question
        # Name the question when its dimension has several, or when it has none.
        named = not question.dimension or per_dimension[question.dimension] > 1
        found.extend(
            _question_material(
                qa,
                report,
                round_title=analysis.round.title,
                prompt=question.prompt if named else "",
                signed_off=question.pk in edited,
                gaps=not stale,
            )
        )
    return found


def _question_material(
    qa: QuestionAnalysis,
    report: reporting.RoundReport,
    *,
    round_title: str,
    prompt: str,
    signed_off: bool,
    gaps: bool,
) -> Iterator[Material]:
    dimension = qa.question.dimension
    themes = sorted(
        (t for t in qa.themes if not t["bucket"] and t["size"]),
        key=lambda t: -t["size"],
    )
    if not themes:
        return
    wanted = [a for t in themes for a in t["examples"]]
    views = {
        v.id: v
        for v in display.theme_views(
            qa, display.quotes(report, wanted), per_theme=QUOTES
        )
    }
    origin = (
        _("Themes from “%(round)s”, signed off by the facilitator")
        if signed_off
        else _("Themes from “%(round)s”, as the analysis proposed them")
    ) % {"round": round_title}
    if prompt:
        origin = f"{origin}: {Truncator(prompt).chars(120)}"
    yield Material(dimension, origin)
    for t in themes:
        view = views[t["id"]]
        title = ngettext(
            "%(label)s – %(count)s answer (%(pct)s %%)",
            "%(label)s – %(count)s answers (%(pct)s %%)",
            view.size,
        ) % {
            "label": view.label,
            "count": view.size,
            "pct": view.pct,
        }
        if view.description:
            title = f"{title}. {view.description}"
        yield Material(
            dimension,
            title,
            tuple(Truncator(q.text).chars(QUOTE_LENGTH) for q in view.quotes),
        )
    if gaps:
        yield from _gaps(qa, dimension, {t["id"]: t["label"] for t in themes})


def _gaps(
    qa: QuestionAnalysis, dimension: str, theme_labels: dict[str, str]
) -> Iterator[Material]:
    """The themes on which inside and outside clearly differ (Holm-corrected), largest first."""
    comparison = display.comparison_view(qa.figures.get("comparison"), {}, theme_labels)
    if comparison is None:
        return
    rows = sorted(
        (r for r in comparison.rows if r.significant),
        key=lambda r: -abs(r.difference),
    )
    if not rows:
        return
    yield Material(
        dimension,
        _("Clear differences between inside and outside the workplace"),
        tuple(
            _(
                "%(theme)s: %(inside)s %% of the answers inside the workplace, %(outside)s %% outside it"
            )
            % {"theme": r.label, "inside": r.pct_a, "outside": r.pct_b}
            for r in rows
        ),
    )
