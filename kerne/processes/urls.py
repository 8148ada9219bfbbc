from __future__ import annotations

from django.urls import path

from kerne.processes import views

app_name = "processes"
# The round page and its answers are in kerne.participation (they show the responses).
urlpatterns = [
    path("o/<slug:slug>/", views.organisation, name="organisation"),
    path("forloeb/ny/<int:unit_id>/", views.create, name="create"),
    path("forloeb/<int:pk>/", views.detail, name="detail"),
    path("forloeb/<int:pk>/indstillinger/", views.settings, name="settings"),
    path("forloeb/<int:pk>/fase/", views.phase, name="phase"),
    path("forloeb/<int:pk>/grupper/ny/", views.group_add, name="group_add"),
    path("grupper/<int:pk>/", views.group_edit, name="group_edit"),
    path("grupper/<int:pk>/slet/", views.group_delete, name="group_delete"),
    path("forloeb/<int:pk>/runder/ny/", views.round_create, name="round_create"),
    path("runder/<int:pk>/aabn/", views.round_open, name="round_open"),
    path("runder/<int:pk>/luk/", views.round_close, name="round_close"),
    path("runder/<int:pk>/spoergsmaal/ny/", views.question_add, name="question_add"),
    path("spoergsmaal/<int:pk>/", views.question_edit, name="question_edit"),
    path("spoergsmaal/<int:pk>/slet/", views.question_delete, name="question_delete"),
    path("spoergsmaal/<int:pk>/flyt/", views.question_move, name="question_move"),
]
