"""Only statements are in the admin: votes stay out, like respondents' answers.

A statement's status is changed by moderate_statement, which also updates the opinion
map, so here it is shown, not edited; statements are added and removed in the app.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from kerne.statements.models import Statement


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin[Statement]):
    list_display = ["text", "process", "status", "origin"]
    list_filter = ["status", "origin"]
    raw_id_fields = ["author"]
    readonly_fields = ["process", "status", "origin"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: Statement | None = None
    ) -> bool:
        return False
