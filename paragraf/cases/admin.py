from django.contrib import admin

from paragraf.cases.models import Case, Document
from paragraf.core.admin import SoftDeleteAdmin


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    can_delete = False  # records are deleted (softly) from their own page
    fields = ["title", "file", "is_public"]
    show_change_link = True


@admin.register(Case)
class CaseAdmin(SoftDeleteAdmin):
    list_display = ["reference", "title", "status", "is_public", "created"]
    list_filter = ["status", "is_public", "body"]
    search_fields = ["reference", "title", "description"]
    inlines = [DocumentInline]


@admin.register(Document)
class DocumentAdmin(SoftDeleteAdmin):
    list_display = ["title", "filename", "media_type", "size", "is_public"]
    list_filter = ["is_public", "media_type"]
    search_fields = ["title", "filename"]
    readonly_fields = ["media_type", "size", "sha512"]
    autocomplete_fields = ["case"]
