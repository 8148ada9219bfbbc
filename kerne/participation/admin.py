"""Only invitations are in the admin: respondents and answers stay out of it on purpose.

An admin list of answers would bypass the anonymity threshold that every other view applies.
"""

from __future__ import annotations

from django.contrib import admin

from kerne.participation.models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["round", "group", "is_active", "closes_at"]
    list_filter = ["is_active"]
    readonly_fields = ["token"]
