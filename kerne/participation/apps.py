from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kerne.processes import signals


class ParticipationConfig(AppConfig):
    name = "kerne.participation"
    verbose_name = _("Participation")

    def ready(self) -> None:
        # Imported here, not at the top: the receivers use models, which load after apps.
        from kerne.participation import receivers

        signals.round_created.connect(
            receivers.invite_round, dispatch_uid="invite_round"
        )
        signals.group_added.connect(receivers.invite_group, dispatch_uid="invite_group")
