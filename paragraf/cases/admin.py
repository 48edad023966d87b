from django.contrib import admin

from paragraf.cases.models import Case, Document


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    fields = ["title", "file", "is_public"]
    show_change_link = True


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "status", "is_public", "created"]
    list_filter = ["status", "is_public", "body"]
    search_fields = ["reference", "title", "description"]
    inlines = [DocumentInline]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "filename", "media_type", "size", "is_public"]
    list_filter = ["is_public", "media_type"]
    search_fields = ["title", "filename"]
    readonly_fields = ["media_type", "size", "sha512"]
    autocomplete_fields = ["case"]
