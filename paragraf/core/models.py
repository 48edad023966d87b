"""Base models shared by every record that the public API will expose."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        abstract = True


class AliveQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class AliveManager(models.Manager):
    """The default manager: soft-deleted rows are invisible unless asked for.

    Use `AliveManager.from_queryset(SomeQuerySet)()` for a model's own queryset.
    """

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeletable(TimeStamped):
    """A record that is never removed, only marked deleted.

    The API reports deletions to harvesters (`deleted: true`), so the row has to
    stay. `objects` hides deleted rows; `all_objects` sees them.
    """

    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)

    objects = AliveManager.from_queryset(AliveQuerySet)()
    all_objects = models.Manager.from_queryset(AliveQuerySet)()

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    def soft_delete(self):
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at", "modified"])

    def restore(self):
        self.deleted_at = None
        self.save(update_fields=["deleted_at", "modified"])
