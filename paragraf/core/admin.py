from django.contrib import admin


class SoftDeleteAdmin(admin.ModelAdmin):
    """Deleting in the admin marks records deleted instead of removing them.

    Records stay, so the API can tell harvesters what went away and nothing that
    refers to them breaks; the public no longer sees them.
    """

    def get_deleted_objects(self, objs, request):
        objs = list(objs)
        perms_needed = set()
        if not self.has_delete_permission(request):
            perms_needed.add(self.model._meta.verbose_name)
        counts = {self.model._meta.verbose_name_plural: len(objs)}
        return [str(obj) for obj in objs], counts, perms_needed, []

    def delete_model(self, request, obj):
        obj.soft_delete()

    def delete_queryset(self, request, queryset):
        for obj in queryset:  # one by one, so signals keep pages and the API current
            obj.soft_delete()
