from __future__ import annotations

from django.contrib import admin

from kerne.priorities.models import Decision, Initiative


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin[Initiative]):
    list_display = ["title", "process", "created_at"]
    search_fields = ["title"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin[Decision]):
    list_display = ["initiative", "kind", "decided_on"]
    list_filter = ["kind"]
