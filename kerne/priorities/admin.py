from __future__ import annotations

from django.contrib import admin

from kerne.priorities.models import Decision, Initiative, PairwiseItem, PairwiseRound


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin[Initiative]):
    list_display = ["title", "process", "created_at"]
    search_fields = ["title"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin[Decision]):
    list_display = ["initiative", "kind", "decided_on"]
    list_filter = ["kind"]


@admin.register(PairwiseRound)
class PairwiseRoundAdmin(admin.ModelAdmin[PairwiseRound]):
    list_display = ["round", "participants_may_suggest", "created_at"]


@admin.register(PairwiseItem)
class PairwiseItemAdmin(admin.ModelAdmin[PairwiseItem]):
    # No respondent column: a suggestion's author is kept for deletion only.
    list_display = ["title", "pairwise_round", "status"]
    list_filter = ["status"]
    exclude = ["suggested_by"]
