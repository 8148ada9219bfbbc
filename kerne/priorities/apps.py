from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioritiesConfig(AppConfig):
    name = "kerne.priorities"
    verbose_name = _("Prioritisation")

    def ready(self) -> None:
        # Imported here, not at the top: they use models, which load after apps.
        from kerne.participation import reporting
        from kerne.priorities import receivers
        from kerne.priorities.access import pairwise_url
        from kerne.priorities.pages_pairwise import chose_a_pair
        from kerne.processes import round_pages, signals

        round_pages.register(pairwise_url)
        # The live counter and every plan of a pairwise round count its voters.
        reporting.register_real_respondents(chose_a_pair)
        signals.round_closed.connect(
            receivers.score_closed_round, dispatch_uid="score_closed_round"
        )
        # After participation's invite_group (connected earlier: INSTALLED_APPS order).
        signals.group_added.connect(
            receivers.close_self_assessment_to_outsiders,
            dispatch_uid="close_self_assessment_to_outsiders",
        )
