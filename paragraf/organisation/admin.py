from django.contrib import admin

from paragraf.core.admin import SoftDeleteAdmin
from paragraf.organisation.models import Body, Committee, Membership, Person, Term


@admin.register(Body)
class BodyAdmin(SoftDeleteAdmin):
    list_display = ["name", "kind", "case_number_format"]
    search_fields = ["name"]


@admin.register(Term)
class TermAdmin(SoftDeleteAdmin):
    list_display = ["name", "body", "start_date", "end_date"]
    list_filter = ["body"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    can_delete = False  # records are deleted (softly) from their own page
    autocomplete_fields = ["person"]


@admin.register(Committee)
class CommitteeAdmin(SoftDeleteAdmin):
    list_display = ["name", "kind", "slug", "body"]
    list_filter = ["kind", "body"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(SoftDeleteAdmin):
    list_display = ["family_name", "given_name", "email"]
    search_fields = ["given_name", "family_name", "email"]


@admin.register(Membership)
class MembershipAdmin(SoftDeleteAdmin):
    list_display = ["person", "committee", "role", "party", "start_date", "end_date"]
    list_filter = ["committee", "role", "party"]
    search_fields = ["person__given_name", "person__family_name"]
    autocomplete_fields = ["person"]
