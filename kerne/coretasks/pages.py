"""The data of the core-task pages, one function per page.

Each builder reads; nothing writes. The caller has fetched the page's object through
`access_*` (or the public page by its token) already.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _

from kerne.coretasks import overview, poster, services, summaries
from kerne.coretasks.diff import Piece, has_changes, word_diff
from kerne.coretasks.forms import (
    CompareForm,
    NewRoundForm,
    NotCoreTaskForm,
    OverviewForm,
)
from kerne.coretasks.material import DimensionMaterial, drafting_material
from kerne.coretasks.models import (
    Adoption,
    Comment,
    NotCoreTask,
    PublicPage,
    QualificationRound,
    Version,
)
from kerne.coretasks.qualification import (
    DimensionResult,
    QualificationResult,
    qualification_result,
    recognitions,
)
from kerne.coretasks.services import ReviewState
from kerne.lib.drafting import Material
from kerne.organisations.models import Organisation, Unit
from kerne.participation import reporting
from kerne.processes.models import Process, Round

# The drafting page lists this many of the latest versions.
RECENT_VERSIONS = 5
# The overview's sort when none (or a wrong one) is asked for.
DEFAULT_SORT = "name"


# --- drafting ---------------------------------------------------------------------


@dataclass(frozen=True)
class DraftPage:
    process: Process
    form: forms.Form
    latest: Version | None
    statement_field: forms.BoundField
    # Each dimension's field beside what the answers (and other apps) say about it.
    sections: list[tuple[forms.BoundField, DimensionMaterial]]
    general_material: list[Material]
    versions: QuerySet[Version]


def draft_page(process: Process, form: forms.Form, latest: Version | None) -> DraftPage:
    by_dimension, general = drafting_material(process)
    return DraftPage(
        process=process,
        form=form,
        latest=latest,
        statement_field=form["statement"],
        sections=[(form[m.dimension], m) for m in by_dimension],
        general_material=general,
        versions=Version.objects.filter(process=process).select_related("author")[
            :RECENT_VERSIONS
        ],
    )


@dataclass(frozen=True)
class Comparison:
    old: Version
    new: Version
    # (heading, the word diff, whether anything but whitespace changed)
    parts: list[tuple[str, list[Piece], bool]]


@dataclass(frozen=True)
class VersionsPage:
    process: Process
    versions: QuerySet[Version]
    form: CompareForm
    comparison: Comparison | None


def _comparison(old: Version, new: Version) -> Comparison:
    parts = [(_("The core task"), old.statement, new.statement)] + [
        (label, old.text_of(key), new.text_of(key))
        for key, label, _text in new.dimension_texts()
    ]
    return Comparison(
        old=old,
        new=new,
        parts=[
            (label, pieces, has_changes(pieces))
            for label, before, after in parts
            for pieces in [word_diff(before, after)]
        ],
    )


def versions_page(process: Process, query: QueryDict | None) -> VersionsPage:
    """Every version, and the two the query asks to compare (the latest two at first)."""
    all_versions = Version.objects.filter(process=process).select_related("author")
    form = CompareForm(query or None, versions=all_versions)
    comparison = None
    if form.is_bound and form.is_valid():
        comparison = _comparison(form.cleaned_data["old"], form.cleaned_data["new"])
    elif not form.is_bound and len(all_versions) >= 2:
        form = CompareForm(
            initial={"old": all_versions[1].number, "new": all_versions[0].number},
            versions=all_versions,
        )
    return VersionsPage(
        process=process, versions=all_versions, form=form, comparison=comparison
    )


@dataclass(frozen=True)
class VersionPage:
    version: Version
    process: Process
    comments: QuerySet[Comment]
    comment_form: forms.Form
    qualifications: QuerySet[QualificationRound]
    adoptions: QuerySet[Adoption]


def version_page(version: Version, comment_form: forms.Form) -> VersionPage:
    return VersionPage(
        version=version,
        process=version.process,
        comments=version.comments.select_related("author"),
        comment_form=comment_form,
        qualifications=version.qualifications.select_related("round"),
        adoptions=version.adoptions.all(),
    )


# --- qualification ------------------------------------------------------------------


@dataclass(frozen=True)
class QualificationPage:
    qualification: QualificationRound
    round: Round
    process: Process
    version: Version
    result: QualificationResult
    report: reporting.RoundReport
    summary: list[str]
    dimensions: list[tuple[DimensionResult, list[str]]]


def qualification_page(qualification: QualificationRound) -> QualificationPage:
    result = qualification_result(qualification)
    return QualificationPage(
        qualification=qualification,
        round=qualification.round,
        process=qualification.round.process,
        version=qualification.version,
        result=result,
        report=result.report,
        summary=summaries.qualification_summary(result.dimensions),
        dimensions=[(d, summaries.dimension_summary(d)) for d in result.dimensions],
    )


# --- adoption and the unit's page ------------------------------------------------------


@dataclass(frozen=True)
class AdoptPage:
    version: Version
    process: Process
    form: forms.Form
    # Adoption waits for this round to close, so every answer counts.
    still_open: Round | None


def adopt_page(version: Version, form: forms.Form) -> AdoptPage:
    return AdoptPage(
        version=version,
        process=version.process,
        form=form,
        still_open=services.open_qualification_round(version),
    )


@dataclass(frozen=True)
class UnitPage:
    unit: Unit
    organisation: Organisation
    current: Adoption | None
    review: ReviewState | None
    # Each adoption with the qualification rounds (and their scores) held before it.
    history: list[tuple[Adoption, list[tuple[QualificationRound, Any]]]]
    qualifications: list[tuple[QualificationRound, Any]]
    not_core_tasks: list[NotCoreTask]
    public_page: PublicPage | None
    public_url: str
    processes: QuerySet[Process]
    not_core_form: forms.Form
    new_round_form: forms.Form


def unit_page(
    unit: Unit,
    *,
    absolute_url: Callable[[str], str],
    not_core_form: forms.Form | None = None,
    new_round_form: forms.Form | None = None,
) -> UnitPage:
    """The unit's core task: the adopted one, its history, and what is not the core task.

    `absolute_url` turns the public page's path into the address to hand out.
    """
    adoptions = services.adoptions_of(unit)
    rounds = services.qualifications_of_unit(unit)
    scores = recognitions(rounds)
    scored = [(q, scores[q.pk]) for q in rounds]
    # Each adoption lists the qualification rounds held since the adoption before it.
    history = []
    for i, adoption in enumerate(adoptions):
        previous = adoptions[i + 1].created_at if i + 1 < len(adoptions) else None
        history.append(
            (
                adoption,
                [
                    (q, score)
                    for q, score in scored
                    if q.created_at <= adoption.created_at
                    and (previous is None or q.created_at > previous)
                ],
            )
        )
    current = adoptions[0] if adoptions else None
    page = getattr(unit, "coretask_page", None) if current else None
    return UnitPage(
        unit=unit,
        organisation=unit.organisation,
        current=current,
        review=services.review_state(current) if current else None,
        history=history,
        qualifications=scored,
        not_core_tasks=services.not_core_tasks_of(unit),
        public_page=page,
        public_url=absolute_url(page.get_absolute_url()) if page else "",
        processes=unit.processes.all(),
        not_core_form=not_core_form or NotCoreTaskForm(),
        new_round_form=new_round_form or NewRoundForm(),
    )


# --- public: the token is the key -------------------------------------------------------


@dataclass(frozen=True)
class PublicCoreTaskPage:
    page: PublicPage
    unit: Unit
    adoption: Adoption | None
    version: Version | None
    not_core_tasks: list[NotCoreTask]


def public_page(page: PublicPage) -> PublicCoreTaskPage:
    adoption = services.current_adoption(page.unit)
    return PublicCoreTaskPage(
        page=page,
        unit=page.unit,
        adoption=adoption,
        version=adoption.version if adoption else None,
        not_core_tasks=services.not_core_tasks_of(page.unit),
    )


def poster_content(page: PublicPage) -> poster.PosterContent:
    """What the poster and the image of the public page say."""
    adoption = services.current_adoption(page.unit)
    assert adoption is not None  # public_page_by_token refuses pages without one
    return poster.poster_content(adoption, services.not_core_tasks_of(page.unit))


# --- organisation overview (administrators) ------------------------------------------------


@dataclass(frozen=True)
class OverviewPage:
    organisation: Organisation
    form: OverviewForm
    rows: list[overview.OverviewRow]


def overview_page(organisation: Organisation, query: QueryDict | None) -> OverviewPage:
    """Every unit's core task, filtered by area and sorted as the query asks."""
    areas = Unit.objects.filter(
        organisation=organisation, children__isnull=False
    ).distinct()
    form = OverviewForm(query or None, areas=areas)
    area, sort, descending = None, DEFAULT_SORT, False
    if form.is_bound and form.is_valid():
        area = form.cleaned_data["area"]
        sort = form.cleaned_data["sort"] or DEFAULT_SORT
        descending = form.cleaned_data["descending"]
    rows = overview.overview_rows(organisation, area=area)
    return OverviewPage(
        organisation=organisation,
        form=form,
        rows=overview.sort_rows(rows, sort, descending=descending),
    )
