from __future__ import annotations

from django.urls import path

from kerne.organisations import views

app_name = "organisations"
urlpatterns = [
    path("organisationer/", views.home, name="home"),
    path("o/<slug:slug>/", views.detail, name="detail"),
    path("o/<slug:slug>/enheder/ny/", views.unit_add, name="unit_add"),
    path("enheder/<int:pk>/", views.unit_edit, name="unit_edit"),
]
