from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioritiesConfig(AppConfig):
    name = "kerne.priorities"
    verbose_name = _("Prioritisation")

    def ready(self) -> None:
        # Imported here, not at the top: access uses models, which load after apps.
        from kerne.priorities.access import pairwise_url
        from kerne.processes import round_pages

        round_pages.register(pairwise_url)
