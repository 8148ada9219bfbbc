from __future__ import annotations

from django.urls import path

from kerne.participation import views

app_name = "participation"
urlpatterns = [
    # Participants: no login; the invitation token is the only key.
    path("s/<str:token>/", views.start, name="start"),
    path("s/<str:token>/svar/", views.answer, name="answer"),
    path("s/<str:token>/gem/", views.autosave, name="autosave"),
    path("s/<str:token>/tak/", views.thanks, name="thanks"),
    path("kvittering/", views.receipt, name="receipt"),
    path("kvittering/svar/", views.receipt_answers, name="receipt_answers"),
    path("kvittering/slet/", views.receipt_delete, name="receipt_delete"),
    # Facilitators: the invitation's QR code, print sheet and on/off switch.
    path("invitationer/<int:pk>/qr.svg", views.invitation_qr, name="invitation_qr"),
    path(
        "invitationer/<int:pk>/udskriv/",
        views.invitation_print,
        name="invitation_print",
    ),
    path(
        "invitationer/<int:pk>/aktiv/",
        views.invitation_toggle,
        name="invitation_toggle",
    ),
]
