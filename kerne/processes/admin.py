"""Processes in the admin: what has side effects is shown, never edited here.

The phase, a round's status and times, and the stakeholder groups change only through
processes/services.py, which checks the phase order, sends the invitations, queues the
closing task and the analysis. New processes and rounds are made in the app for the same reason.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from kerne.processes.models import Process, Question, Round, StakeholderGroup


class GroupInline(admin.TabularInline[StakeholderGroup, Process]):
    model = StakeholderGroup
    extra = 0
    can_delete = False
    readonly_fields = ["key", "name", "side", "order"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin[Process]):
    list_display = ["title", "unit", "phase", "anonymity_threshold", "created_at"]
    list_filter = ["phase", "unit__organisation"]
    search_fields = ["title", "unit__name"]
    readonly_fields = ["unit", "phase"]
    inlines = [GroupInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class QuestionInline(admin.StackedInline[Question, Round]):
    # Deleting a question would delete its answers; the app refuses (QuestionInUse).
    model = Question
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin[Round]):
    list_display = ["title", "process", "status", "closes_at"]
    list_filter = ["status"]
    readonly_fields = ["process", "status", "closes_at", "opened_at", "closed_at"]
    inlines = [QuestionInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
