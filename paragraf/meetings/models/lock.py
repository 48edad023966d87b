"""Verified minutes are frozen in the model layer.

Everything the minutes consist of (items, paragraphs, attendance, motions,
votes, reservations, notes, conflicts of interest) refuses to be saved or
deleted once its meeting's minutes are verified, whether through a form, the
admin, a script or a queryset. The one way through is `correcting(meeting)`,
used by the correction service, which records a new version with a reason.
"""

import contextvars
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

_correcting = contextvars.ContextVar("paragraf_correcting_meeting", default=None)


class MinutesLocked(ValidationError):
    def __init__(self):
        super().__init__(
            _("The minutes are verified and locked. Make a correction to change them."),
            code="minutes_locked",
        )


@contextmanager
def correcting(meeting):
    """Allow changes to this meeting's minutes inside the block (corrections only)."""
    token = _correcting.set(meeting.pk)
    try:
        yield
    finally:
        _correcting.reset(token)


def locked_meeting_ids(meeting_ids):
    """Those of the given meetings whose minutes are verified and not being corrected."""
    from paragraf.meetings.models.meeting import Meeting

    ids = {pk for pk in meeting_ids if pk is not None}
    ids.discard(_correcting.get())
    if not ids:
        return set()
    return set(
        Meeting.all_objects.filter(pk__in=ids, minutes_verified_at__isnull=False).values_list(
            "pk", flat=True
        )
    )


class LockedQuerySet(models.QuerySet):
    """Bulk updates and deletes check the lock too."""

    def _check_lock(self):
        ids = self.values_list(f"{self.model.lock_path}_id", flat=True).distinct()
        if locked_meeting_ids(list(ids)):
            raise MinutesLocked()

    def update(self, **kwargs):
        self._check_lock()
        return super().update(**kwargs)

    def delete(self):
        self._check_lock()
        return super().delete()


class LockedWithMinutes(models.Model):
    """A part of the minutes. `lock_path` names the way to the meeting's id."""

    lock_path = "meeting"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_lock()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_lock()
        return super().delete(*args, **kwargs)

    def locking_meeting_id(self):
        obj = self
        parts = self.lock_path.split("__")
        for part in parts[:-1]:
            obj = getattr(obj, part)
        return getattr(obj, f"{parts[-1]}_id")

    def _check_lock(self):
        ids = [self.locking_meeting_id()]
        if self.pk and not self._state.adding:
            # Moving a record out of a locked meeting is a change to it too.
            stored = type(self)._base_manager.filter(pk=self.pk)
            ids += list(stored.values_list(f"{self.lock_path}_id", flat=True))
        if locked_meeting_ids(ids):
            raise MinutesLocked()
