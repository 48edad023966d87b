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


class AuditEntry(models.Model):
    """One change to a record: who, when, which object, before and after."""

    class Action(models.TextChoices):
        CREATE = "skapad", _("created")
        UPDATE = "andrad", _("changed")
        DELETE = "borttagen", _("deleted")

    when = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    user_name = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, verbose_name=_("kind")
    )
    object_id = models.CharField(_("object"), max_length=40)
    object_repr = models.CharField(_("object"), max_length=300)
    meeting_id = models.BigIntegerField(_("meeting"), null=True, blank=True, db_index=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("history of changes")
        ordering = ["-when", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        action = self.get_action_display()
        return f"{self.when:%Y-%m-%d %H:%M} {self.user_name} {action} {self.object_repr}"

    @property
    def changes(self):
        """[(field, before, after)] for the fields that changed."""
        before, after = self.before or {}, self.after or {}
        keys = [k for k in {**before, **after} if k not in ("modified",)]
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]

    @property
    def labelled_changes(self):
        """Like `changes`, with each field's name as users know it."""
        model = self.content_type.model_class()
        labels = {}
        if model is not None:
            labels = {f.attname: f.verbose_name for f in model._meta.concrete_fields}
        return [(labels.get(k, k), b, a) for k, b, a in self.changes]
