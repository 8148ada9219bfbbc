from __future__ import annotations

from django.urls import path

from kerne.participation import views, views_rounds

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
    # Facilitators: a round with its invitations and live counts, and its answers.
    path("runder/<int:pk>/", views_rounds.round_detail, name="round"),
    path("runder/<int:pk>/status/", views_rounds.round_status, name="round_status"),
    path("runder/<int:pk>/svar/", views_rounds.answers, name="answers"),
    path("runder/<int:pk>/svar.csv", views_rounds.answers_csv, name="answers_csv"),
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
