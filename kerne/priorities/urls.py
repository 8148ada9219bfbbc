from __future__ import annotations

from django.urls import path

from kerne.priorities import views

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
    path("prioritering/initiativer/<int:pk>/beslut/", views.decide, name="decide"),
    path(
        "prioritering/forloeb/<int:pk>/vurdering/",
        views.create_rating,
        name="create_rating",
    ),
    path("prioritering/vurderinger/<int:pk>/", views.rating, name="rating"),
]
