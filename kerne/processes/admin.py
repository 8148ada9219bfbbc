from __future__ import annotations

from django.contrib import admin

from kerne.processes.models import Process, Question, Round, StakeholderGroup


class GroupInline(admin.TabularInline[StakeholderGroup, Process]):
    model = StakeholderGroup
    extra = 0


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin[Process]):
    list_display = ["title", "unit", "phase", "anonymity_threshold", "created_at"]
    list_filter = ["phase", "unit__organisation"]
    search_fields = ["title", "unit__name"]
    inlines = [GroupInline]


class QuestionInline(admin.StackedInline[Question, Round]):
    model = Question
    extra = 0


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin[Round]):
    list_display = ["title", "process", "status", "closes_at"]
    list_filter = ["status"]
    inlines = [QuestionInline]
