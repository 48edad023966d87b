"""The official notice board (anslagstavla, KL 8:9–12)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import AliveManager, AliveQuerySet, SoftDeletable


class NoticeQuerySet(AliveQuerySet):
    def current(self, day=None):
        day = day or timezone.localdate()
        return self.filter(posted_on__lte=day, removed_on__gte=day)

    def archived(self, day=None):
        day = day or timezone.localdate()
        return self.filter(removed_on__lt=day)

    def shown(self):
        """Notices the public may see: their meeting and committee still exist."""
        return self.filter(
            meeting__deleted_at__isnull=True, committee__deleted_at__isnull=True
        ).select_related("committee", "meeting")


class Notice(SoftDeletable):
    """A notice that minutes were verified (or delegated decisions reported)."""

    class Kind(models.TextChoices):
        MINUTES = "protokoll", _("verified minutes")
        DELEGATED = "delegationsbeslut", _("delegated decisions")
        CORRECTION = "rattelse", _("corrected minutes")

    committee = models.ForeignKey(
        "organisation.Committee",
        on_delete=models.PROTECT,
        related_name="notices",
        verbose_name=_("committee"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        related_name="notices",
        verbose_name=_("meeting"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MINUTES)
    verified_on = models.DateField(_("minutes verified"))
    posted_on = models.DateField(_("posted"))
    appeal_until = models.DateField(_("last day to appeal"))
    removed_on = models.DateField(_("taken down"))
    minutes_kept_at = models.CharField(_("where the minutes are kept"), max_length=200)

    objects = AliveManager.from_queryset(NoticeQuerySet)()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-posted_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "posted_on"], name="one_notice_per_meeting_kind_day"
            )
        ]

    def __str__(self):
        return f"{self.committee} {self.meeting.local_date} ({self.get_kind_display()})"
