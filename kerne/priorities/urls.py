from __future__ import annotations

from django.urls import path

from kerne.priorities import views, views_competences, views_pairwise, views_quality

app_name = "priorities"

urlpatterns = [
    path("prioritering/forloeb/<int:pk>/", views.process, name="process"),
    path("prioritering/forloeb/<int:pk>/tilfoej/", views.add, name="add"),
    path(
        "prioritering/forloeb/<int:pk>/import/",
        views.import_preview,
        name="import_preview",
    ),
    path(
        "prioritering/forloeb/<int:pk>/import/bekraeft/",
        views.import_confirm,
        name="import_confirm",
    ),
    # Quality per dimension: statements voted on in the opinion map, adopted descriptions.
    path(
        "prioritering/forloeb/<int:pk>/kvalitet/",
        views_quality.quality,
        name="quality",
    ),
    path(
        "prioritering/forloeb/<int:pk>/kvalitet/tilfoej/",
        views_quality.quality_add,
        name="quality_add",
    ),
    path(
        "prioritering/forloeb/<int:pk>/kvalitet/marker/",
        views_quality.quality_tag,
        name="quality_tag",
    ),
    path(
        "prioritering/forloeb/<int:pk>/kvalitet/vedtag/",
        views_quality.quality_adopt,
        name="quality_adopt",
    ),
    path(
        "prioritering/forloeb/<int:pk>/kvalitet.csv",
        views_quality.quality_csv,
        name="quality_csv",
    ),
    path(
        "prioritering/forloeb/<int:pk>/kvalitet.xlsx",
        views_quality.quality_xlsx,
        name="quality_xlsx",
    ),
    path(
        "prioritering/forloeb/<int:pk>/initiativer.csv",
        views.initiatives_csv,
        name="initiatives_csv",
    ),
    path(
        "prioritering/forloeb/<int:pk>/beslutninger.csv",
        views.decisions_csv,
        name="decisions_csv",
    ),
    path(
        "prioritering/forloeb/<int:pk>/prioritering.xlsx",
        views.initiatives_xlsx,
        name="initiatives_xlsx",
    ),
    path("prioritering/initiativer/<int:pk>/beslut/", views.decide, name="decide"),
    path(
        "prioritering/forloeb/<int:pk>/vurdering/",
        views.create_rating,
        name="create_rating",
    ),
    path("prioritering/vurderinger/<int:pk>/", views.rating, name="rating"),
    # Competences: the list, the anonymous self-assessment and its heat map.
    path(
        "prioritering/forloeb/<int:pk>/kompetencer/",
        views_competences.competences,
        name="competences",
    ),
    path(
        "prioritering/forloeb/<int:pk>/kompetencer/tilfoej/",
        views_competences.add,
        name="add_competence",
    ),
    path(
        "prioritering/forloeb/<int:pk>/kompetencer/selvvurdering/",
        views_competences.create_round,
        name="create_competence_round",
    ),
    path(
        "prioritering/kompetencer/<int:pk>/",
        views_competences.assessment,
        name="competence_round",
    ),
    path(
        "prioritering/kompetencer/<int:pk>/kompetencer.csv",
        views_competences.assessment_csv,
        name="competence_round_csv",
    ),
    path(
        "prioritering/kompetencer/<int:pk>/kompetencer.xlsx",
        views_competences.assessment_xlsx,
        name="competence_round_xlsx",
    ),
    path(
        "prioritering/vurderinger/<int:pk>/resultater.csv",
        views.rating_csv,
        name="rating_csv",
    ),
    path(
        "prioritering/vurderinger/<int:pk>/resultater.xlsx",
        views.rating_xlsx,
        name="rating_xlsx",
    ),
    # Pairwise prioritisation: the facilitator's round, and the participant's pairs.
    path(
        "prioritering/forloeb/<int:pk>/parvis/",
        views_pairwise.create_pairwise,
        name="create_pairwise",
    ),
    path("prioritering/parvis/<int:pk>/", views_pairwise.pairwise, name="pairwise"),
    path(
        "prioritering/parvis/<int:pk>/aabn/",
        views_pairwise.pairwise_open,
        name="pairwise_open",
    ),
    path(
        "prioritering/parvis/<int:pk>/luk/",
        views_pairwise.pairwise_close,
        name="pairwise_close",
    ),
    path(
        "prioritering/parvis/<int:pk>/resultater.csv",
        views_pairwise.pairwise_csv,
        name="pairwise_csv",
    ),
    path(
        "prioritering/parvis/<int:pk>/resultater.xlsx",
        views_pairwise.pairwise_xlsx,
        name="pairwise_xlsx",
    ),
    path(
        "prioritering/parvis/forslag/<int:pk>/moderer/",
        views_pairwise.pairwise_moderate,
        name="pairwise_moderate",
    ),
    path("s/<str:token>/parvis/", views_pairwise.pairwise_vote, name="pairwise_vote"),
    path(
        "s/<str:token>/parvis/vaelg/",
        views_pairwise.pairwise_cast,
        name="pairwise_cast",
    ),
    path(
        "s/<str:token>/parvis/forslag/",
        views_pairwise.pairwise_suggest,
        name="pairwise_suggest",
    ),
]
