from django.contrib import admin

from paragraf.core.admin import SoftDeleteAdmin
from paragraf.meetings.models import (
    AgendaItem,
    AgendaItemDocument,
    Attendance,
    Location,
    Meeting,
    Paragraph,
    ParagraphCounter,
)


@admin.register(Location)
class LocationAdmin(SoftDeleteAdmin):
    list_display = ["description", "room", "locality"]
    search_fields = ["description"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    can_delete = False  # records are deleted (softly) from their own page
    fields = ["position", "number", "title", "state", "is_public"]
    show_change_link = True


class AttendanceInline(admin.TabularInline):
    model = Attendance
    fk_name = "meeting"
    extra = 0
    can_delete = False  # records are deleted (softly) from their own page
    fields = ["person", "present", "serving_for", "note"]
    autocomplete_fields = ["person", "serving_for"]


@admin.register(Meeting)
class MeetingAdmin(SoftDeleteAdmin):
    list_display = ["__str__", "committee", "start", "state"]
    list_filter = ["committee", "state"]
    date_hierarchy = "start"
    readonly_fields = ["slug"]
    inlines = [AgendaItemInline, AttendanceInline]


class AttachmentInline(admin.TabularInline):
    model = AgendaItemDocument
    extra = 0
    autocomplete_fields = ["document"]


@admin.register(AgendaItem)
class AgendaItemAdmin(SoftDeleteAdmin):
    list_display = ["__str__", "meeting", "state", "is_public"]
    list_filter = ["state", "is_public", "meeting__committee"]
    search_fields = ["title", "summary", "case__reference"]
    autocomplete_fields = ["case"]
    raw_id_fields = ["meeting"]
    inlines = [AttachmentInline]


@admin.register(Paragraph)
class ParagraphAdmin(SoftDeleteAdmin):
    list_display = ["__str__", "committee", "year"]
    list_filter = ["committee", "year"]
    search_fields = ["title", "summary", "decision"]
    raw_id_fields = ["agenda_item"]
    readonly_fields = ["committee", "year"]

    def get_readonly_fields(self, request, obj=None):
        # A § keeps its number: it can be set when a paragraph is entered by
        # hand, never changed afterwards.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "number"] if obj else fields


@admin.register(ParagraphCounter)
class ParagraphCounterAdmin(admin.ModelAdmin):
    list_display = ["committee", "year", "last_number"]
    readonly_fields = ["last_number"]
