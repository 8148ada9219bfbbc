from __future__ import annotations

from django.urls import path

from kerne.coretasks import views

app_name = "coretasks"
urlpatterns = [
    # Drafting, per process.
    path("forloeb/<int:pk>/kerneopgave/", views.draft, name="draft"),
    path("forloeb/<int:pk>/kerneopgave/versioner/", views.versions, name="versions"),
    path("kerneopgave/versioner/<int:pk>/", views.version_detail, name="version"),
    path(
        "kerneopgave/versioner/<int:pk>/kommentar/",
        views.comment_add,
        name="comment_add",
    ),
    path("kerneopgave/versioner/<int:pk>/kvalificer/", views.qualify, name="qualify"),
    path("kerneopgave/versioner/<int:pk>/vedtag/", views.adopt, name="adopt"),
    path("kvalificering/<int:pk>/", views.qualification, name="qualification"),
    # The unit's adopted core task, its history and "ikke kerneopgave".
    path("enheder/<int:pk>/kerneopgave/", views.unit, name="unit"),
    path(
        "enheder/<int:pk>/kerneopgave/ikke-kerneopgave/",
        views.not_core_task_add,
        name="not_core_task_add",
    ),
    path(
        "ikke-kerneopgave/<int:pk>/slet/",
        views.not_core_task_delete,
        name="not_core_task_delete",
    ),
    path("enheder/<int:pk>/kerneopgave/ny-runde/", views.new_round, name="new_round"),
    # Public: no login, the token is the key.
    path("k/<str:token>/", views.public, name="public"),
    path(
        "k/<str:token>/plakat-a4.pdf",
        views.poster_pdf,
        {"size": "a4"},
        name="poster_a4",
    ),
    path(
        "k/<str:token>/plakat-a3.pdf",
        views.poster_pdf,
        {"size": "a3"},
        name="poster_a3",
    ),
    path("k/<str:token>/kerneopgave.png", views.poster_png, name="image"),
    # Administrators: every unit side by side.
    path("o/<slug:slug>/kerneopgaver/", views.overview, name="overview"),
    path("o/<slug:slug>/kerneopgaver.csv", views.overview_csv, name="overview_csv"),
    path("o/<slug:slug>/kerneopgaver.xlsx", views.overview_xlsx, name="overview_xlsx"),
]
