from __future__ import annotations

from django.urls import path

from kerne.statements import views

app_name = "statements"
urlpatterns = [
    # Facilitators.
    path("forloeb/<int:pk>/udsagn/", views.statement_list, name="list"),
    path("forloeb/<int:pk>/udsagn/nyt/", views.statement_add, name="add"),
    path(
        "forloeb/<int:pk>/udsagn/fra-tema/",
        views.statement_from_theme,
        name="from_theme",
    ),
    path(
        "forloeb/<int:pk>/udsagn/indstillinger/",
        views.statement_settings,
        name="settings",
    ),
    path("forloeb/<int:pk>/meningskort/", views.opinion_map, name="map"),
    path(
        "forloeb/<int:pk>/meningskort/opdater/",
        views.opinion_map_refresh,
        name="map_refresh",
    ),
    path("udsagn/<int:pk>/moderer/", views.statement_moderate, name="moderate"),
    path("udsagn/<int:pk>/rediger/", views.statement_edit, name="edit"),
    # Participants: no login; the invitation token is the only key, and the
    # respondent cookie's path (/s/<token>/) covers these pages too.
    path("s/<str:token>/udsagn/", views.vote, name="vote"),
    path("s/<str:token>/udsagn/stem/", views.cast, name="cast"),
    path("s/<str:token>/udsagn/skriv/", views.write, name="write"),
    path("s/<str:token>/udsagn/mine/", views.mine, name="mine"),
]
