from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kerne.organisations import views as organisation_views
from kerne.organisations.forms import KernePasswordChangeForm

# A lost database gets a Danish 503 with what was typed; anything else the 500 page.
handler500 = "kerne.lib.outage.server_error"

urlpatterns = [
    path("", organisation_views.front, name="front"),
    # Browsers ask for /favicon.ico whatever the page declares.
    path("favicon.ico", organisation_views.favicon),
    path("konto/log-ind/", auth_views.LoginView.as_view(), name="login"),
    path("konto/log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "konto/adgangskode/",
        auth_views.PasswordChangeView.as_view(
            form_class=KernePasswordChangeForm,
            success_url="/konto/adgangskode/skiftet/",
        ),
        name="password_change",
    ),
    path(
        "konto/adgangskode/skiftet/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("kerne.organisations.urls")),
    path("", include("kerne.processes.urls")),
    path("", include("kerne.participation.urls")),
    path("", include("kerne.themes.urls")),
    path("", include("kerne.statements.urls")),
    path("", include("kerne.coretasks.urls")),
    path("", include("kerne.priorities.urls")),
    path("admin/", admin.site.urls),
]
