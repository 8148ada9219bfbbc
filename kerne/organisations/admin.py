from __future__ import annotations

from django.contrib import admin

from kerne.organisations.models import Membership, Organisation, Unit


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


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
