from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import AliveManager, AliveQuerySet, SoftDeletable
from paragraf.meetings.models.agenda import AgendaItem
from paragraf.meetings.models.lock import LockedQuerySet, LockedWithMinutes
from paragraf.meetings.models.meeting import Meeting
from paragraf.organisation.models import Person


class AttendanceQuerySet(LockedQuerySet, AliveQuerySet):
    pass


class Attendance(LockedWithMinutes, SoftDeletable):
    """Who was at a meeting, and which substitute served for whom from which item."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="attendances", verbose_name=_("meeting")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="attendances", verbose_name=_("person")
    )
    present = models.BooleanField(_("present"), default=True)
    serving_for = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("serving for"),
        help_text=_("For a substitute: the member whose seat they take."),
    )
    serving_from = models.ForeignKey(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("serving from item"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = AliveManager.from_queryset(AttendanceQuerySet)()
    all_objects = models.Manager.from_queryset(AttendanceQuerySet)()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="attendance_once_per_meeting",
                violation_error_message=_("This person is already listed for the meeting."),
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.meeting})"

    def clean(self):
        if self.serving_for_id and self.serving_for_id == self.person_id:
            raise ValidationError({"serving_for": _("A person cannot serve for themselves.")})
        if self.serving_from_id and self.serving_from.meeting_id != self.meeting_id:
            raise ValidationError({"serving_from": _("The item belongs to another meeting.")})
