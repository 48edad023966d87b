from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import AliveManager, AliveQuerySet, SoftDeletable
from paragraf.meetings.models.lock import MinutesLocked, locked_meeting_ids
from paragraf.organisation.models import Committee, Person


class Location(SoftDeletable):
    """Where a meeting is held (OParl Location)."""

    description = models.CharField(_("description"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    locality = models.CharField(_("locality"), max_length=100, blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["description"]

    def __str__(self):
        return self.description


class MeetingQuerySet(AliveQuerySet):
    def published(self):
        """Meetings whose agenda the public may see."""
        return self.filter(deleted_at__isnull=True, state__in=Meeting.PUBLISHED_STATES)

    def listed(self):
        """Meetings shown in public lists: published or at least announced."""
        return self.filter(deleted_at__isnull=True).exclude(state=Meeting.State.PLANNED)

    def with_verified_minutes(self):
        return self.filter(deleted_at__isnull=True, state__in=Meeting.MINUTES_STATES)

    def upcoming(self):
        return self.filter(start__gte=timezone.now()).order_by("start")


class Meeting(SoftDeletable):
    """A meeting (sammanträde) of a committee, OParl Meeting."""

    class State(models.TextChoices):
        PLANNED = "planerat", _("planned")
        NOTICE_PUBLISHED = "kallat", _("notice published")
        HELD = "genomfort", _("held")
        MINUTES_VERIFIED = "justerat", _("minutes verified")
        NOTICE_POSTED = "anslaget", _("notice posted")
        CANCELLED = "installt", _("cancelled")

    PUBLISHED_STATES = [
        State.NOTICE_PUBLISHED,
        State.HELD,
        State.MINUTES_VERIFIED,
        State.NOTICE_POSTED,
    ]
    MINUTES_STATES = [State.MINUTES_VERIFIED, State.NOTICE_POSTED]

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("committee")
    )
    slug = models.SlugField(_("address name"), max_length=40, editable=False)
    name = models.CharField(_("name"), max_length=200, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("location"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PLANNED
    )
    notice_published_at = models.DateTimeField(_("notice published"), null=True, blank=True)
    minutes_verified_at = models.DateTimeField(_("minutes verified"), null=True, blank=True)
    notice_posted_at = models.DateTimeField(
        _("notice posted on the notice board"), null=True, blank=True
    )
    agenda_changed_at = models.DateTimeField(
        _("agenda changed after publishing"), null=True, blank=True
    )
    chair = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_meetings",
        verbose_name=_("chair"),
    )
    verifiers = models.ManyToManyField(
        Person, blank=True, related_name="verified_meetings", verbose_name=_("verifiers")
    )
    verification_place = models.CharField(_("place of verification"), max_length=200, blank=True)
    verification_time = models.DateTimeField(_("time of verification"), null=True, blank=True)
    closed_at = models.DateTimeField(_("meeting closed"), null=True, blank=True)

    objects = AliveManager.from_queryset(MeetingQuerySet)()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "slug"], name="meeting_slug_unique_per_committee"
            )
        ]
        indexes = [models.Index(fields=["committee", "start"]), models.Index(fields=["start"])]

    def __str__(self):
        day = timezone.localtime(self.start).date() if self.start else "?"
        return f"{self.committee} {day}"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The meeting cannot end before it starts.")})

    # What may still change after justering: the notice board steps.
    CHANGEABLE_WHEN_LOCKED = {"state", "notice_posted_at", "modified"}

    def save(self, *args, **kwargs):
        if not self.slug and self.start:
            self.slug = self._free_slug()
        self._check_lock(kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk and locked_meeting_ids([self.pk]):
            raise MinutesLocked()
        return super().delete(*args, **kwargs)

    def _check_lock(self, update_fields):
        if self._state.adding or not self.pk or not locked_meeting_ids([self.pk]):
            return
        if update_fields is not None and set(update_fields) <= self.CHANGEABLE_WHEN_LOCKED:
            return
        stored = Meeting.all_objects.get(pk=self.pk)
        for field in self._meta.concrete_fields:
            if field.name in self.CHANGEABLE_WHEN_LOCKED:
                continue
            if getattr(stored, field.attname) != getattr(self, field.attname):
                raise MinutesLocked()

    @property
    def minutes_locked(self):
        return self.minutes_verified_at is not None

    def _free_slug(self):
        """mote-2022-12-14, or mote-2022-12-14-2 for a second meeting that day."""
        base = f"mote-{timezone.localtime(self.start).date().isoformat()}"
        taken = set(
            Meeting.all_objects.filter(committee_id=self.committee_id, slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        if base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    @property
    def local_date(self):
        return timezone.localtime(self.start).date()

    @property
    def year(self):
        return self.local_date.year

    @property
    def is_published(self):
        return self.state in self.PUBLISHED_STATES and not self.is_deleted

    @property
    def has_verified_minutes(self):
        return self.state in self.MINUTES_STATES and not self.is_deleted

    def get_absolute_url(self):
        return reverse(
            "portal:meeting", kwargs={"committee": self.committee.slug, "meeting": self.slug}
        )
