from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from kerne.organisations.models import Membership, Organisation, Unit


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    """Members can be added here; roles change and members leave through the app.

    change_role and remove_member refuse to leave an organisation without an administrator.
    """

    model = Membership
    extra = 1
    autocomplete_fields = ["user"]
    can_delete = False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin[Unit]):
    list_display = ["name", "kind", "parent", "organisation"]
    list_filter = ["organisation", "kind"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]
