from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoretasksConfig(AppConfig):
    name = "kerne.coretasks"
    verbose_name = _("Core tasks")

    def ready(self) -> None:
        from kerne.coretasks.models import PublicPage
        from kerne.participation.throttle import register_token_check

        register_token_check(
            lambda token: PublicPage.objects.filter(token=token).exists()
        )
