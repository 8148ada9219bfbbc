from __future__ import annotations

from django.urls import path

from kerne.organisations import views

app_name = "organisations"
urlpatterns = [
    path("organisationer/", views.home, name="home"),
    # An organisation's page lists its processes: kerne.processes shows it (processes:organisation).
    path("o/<slug:slug>/enheder/ny/", views.unit_add, name="unit_add"),
    path("enheder/<int:pk>/", views.unit_edit, name="unit_edit"),
    path("o/<slug:slug>/medlemmer/", views.members, name="members"),
    path("medlemmer/<int:pk>/rolle/", views.member_role, name="member_role"),
    path("medlemmer/<int:pk>/fjern/", views.member_remove, name="member_remove"),
]
