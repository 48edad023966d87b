from django.contrib import admin

from paragraf.alerts.models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "kind", "committee", "query", "confirmed_at", "created"]
    list_filter = ["kind", "committee"]
    search_fields = ["email", "query"]
    readonly_fields = ["confirmation_sent_at", "confirmed_at", "last_run_at", "created"]
    fields = ["email", "kind", "committee", "query", "filters", "language", *readonly_fields]
