from __future__ import annotations

from django.urls import path

from kerne.themes import views

app_name = "themes"
urlpatterns = [
    path("temaer/runder/<int:pk>/", views.round_analysis, name="round"),
    path("temaer/runder/<int:pk>/status/", views.status, name="status"),
    path("temaer/runder/<int:pk>/analyser/", views.run, name="run"),
    path("temaer/spoergsmaal/<int:pk>/", views.question, name="question"),
    path("temaer/spoergsmaal/<int:pk>/tema/", views.theme, name="theme"),
    path("temaer/spoergsmaal/<int:pk>/ret/", views.edit, name="edit"),
    path("temaer/spoergsmaal/<int:pk>/saml/", views.merge, name="merge"),
    path("temaer/spoergsmaal/<int:pk>/del/", views.split, name="split"),
    path("temaer/spoergsmaal/<int:pk>/flyt/", views.move, name="move"),
    path("temaer/spoergsmaal/<int:pk>/slet/", views.delete, name="delete"),
]
