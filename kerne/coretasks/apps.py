from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoretasksConfig(AppConfig):
    name = "kerne.coretasks"
    verbose_name = _("Core tasks")
