from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from paragraf.cases.models import Case, Document
from paragraf.core.models import AliveManager, AliveQuerySet, SoftDeletable, TimeStamped
from paragraf.meetings.models.lock import LockedQuerySet, LockedWithMinutes
from paragraf.meetings.models.meeting import Meeting


class AgendaItemQuerySet(LockedQuerySet, AliveQuerySet):
    def public(self):
        """Items whose title, text and documents the public may see."""
        return self.filter(
            deleted_at__isnull=True,
            is_public=True,
            meeting__deleted_at__isnull=True,
            meeting__state__in=Meeting.PUBLISHED_STATES,
        )

    def numbered(self):
        """Items that become paragraphs of the minutes (withdrawn items do not)."""
        return self.filter(state__in=AgendaItem.NUMBERED_STATES)


class AgendaItem(LockedWithMinutes, SoftDeletable):
    """One item on a meeting's agenda (OParl AgendaItem)."""

    class State(models.TextChoices):
        ON_AGENDA = "pa_listan", _("on the agenda")
        HANDLED = "behandlat", _("handled")
        WITHDRAWN = "utgar", _("withdrawn")
        ADDED = "tillkommet", _("added at the meeting")

    class Outcome(models.TextChoices):
        APPROVED = "bifall", _("approved")
        REJECTED = "avslag", _("rejected")
        SENT_BACK = "aterremiss", _("sent back")
        POSTPONED = "bordlaggning", _("postponed")
        WITHDRAWN = "utgar", _("withdrawn")

    NUMBERED_STATES = [State.HANDLED, State.ADDED]

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="items", verbose_name=_("meeting")
    )
    position = models.PositiveIntegerField(_("order"))
    number = models.CharField(
        _("agenda number"),
        max_length=20,
        blank=True,
        help_text=_(
            "The number shown on the agenda, e.g. 3 or 3a. Empty for items added at the meeting."
        ),
    )
    title = models.CharField(_("title"), max_length=300)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("case"),
    )
    presenter = models.CharField(_("presenter"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    proposed_decision = models.TextField(_("proposed decision"), blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.ON_AGENDA
    )
    documents = models.ManyToManyField(
        Document,
        through="AgendaItemDocument",
        related_name="agenda_items",
        blank=True,
        verbose_name=_("attachments"),
    )

    decision = models.TextField(
        _("decision"),
        blank=True,
        help_text=_("Written at the meeting, from the proposed decision."),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    verified_immediately_at = models.DateTimeField(_("verified immediately"), null=True, blank=True)
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised by every saved edit.")
    )

    objects = AliveManager.from_queryset(AgendaItemQuerySet)()
    all_objects = models.Manager.from_queryset(AgendaItemQuerySet)()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="agenda_item_position_unique",
                violation_error_message=_("Two items of a meeting cannot have the same place."),
            )
        ]

    def __str__(self):
        return f"{self.number or '–'}. {self.title}"

    @property
    def is_withdrawn(self):
        return self.state == self.State.WITHDRAWN

    @property
    def was_added(self):
        return self.state == self.State.ADDED

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "portal:agenda_item",
            kwargs={
                "committee": self.meeting.committee.slug,
                "meeting": self.meeting.slug,
                "position": self.position,
            },
        )


class AgendaItemDocument(LockedWithMinutes, TimeStamped):
    """An attachment (bilaga) of an agenda item, in the order it is listed."""

    lock_path = "agenda_item__meeting"

    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.PROTECT,
        related_name="document_links",
        verbose_name=_("agenda item"),
    )
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        related_name="agenda_links",
        verbose_name=_("document"),
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    objects = LockedQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "document"], name="attachment_once_per_item"
            )
        ]

    def __str__(self):
        return str(self.document)
