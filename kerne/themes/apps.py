from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kerne.processes import signals


class ThemesConfig(AppConfig):
    name = "kerne.themes"
    verbose_name = _("Themes")

    def ready(self) -> None:
        # Imported here, not at the top: the receivers use models, which load after apps.
        from kerne.themes import receivers

        signals.round_closed.connect(
            receivers.analyse_closed_round, dispatch_uid="analyse_closed_round"
        )
