"""Only statements are in the admin: votes stay out, like respondents' answers."""

from __future__ import annotations

from django.contrib import admin

from kerne.statements.models import Statement


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin[Statement]):
    list_display = ["text", "process", "status", "origin"]
    list_filter = ["status", "origin"]
    raw_id_fields = ["author"]
