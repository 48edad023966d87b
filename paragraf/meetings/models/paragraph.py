from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import AliveManager, AliveQuerySet, SoftDeletable, TimeStamped
from paragraf.meetings.models.agenda import AgendaItem
from paragraf.meetings.models.lock import LockedQuerySet, LockedWithMinutes
from paragraf.organisation.models import Committee


class NumberChangeError(ValidationError):
    """Raised when code tries to renumber a paragraph that already has its §."""


class ParagraphCounter(TimeStamped):
    """The last § given in a committee's calendar year.

    Allocation locks this row, so two allocations for the same committee and
    year queue behind each other instead of handing out the same number.
    """

    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="paragraph_counters",
        verbose_name=_("committee"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("paragraph counter")
        verbose_name_plural = _("paragraph counters")
        constraints = [
            models.UniqueConstraint(fields=["committee", "year"], name="one_counter_per_year")
        ]

    def __str__(self):
        return f"{self.committee} {self.year}: § {self.last_number}"


class ParagraphQuerySet(LockedQuerySet, AliveQuerySet):
    pass


class Paragraph(LockedWithMinutes, SoftDeletable):
    """A paragraph (§) of the minutes: one handled agenda item and its decision."""

    lock_path = "agenda_item__meeting"

    agenda_item = models.OneToOneField(
        AgendaItem,
        on_delete=models.PROTECT,
        related_name="paragraph",
        verbose_name=_("agenda item"),
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="paragraphs",
        editable=False,
        verbose_name=_("committee"),
    )
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("paragraph number"))
    title = models.CharField(
        _("title in the minutes"),
        max_length=300,
        blank=True,
        help_text=_("Empty: the agenda item's title."),
    )
    summary = models.TextField(
        _("summary in the minutes"),
        blank=True,
        help_text=_("The minutes' own text; it may differ from the agenda's."),
    )
    decision = models.TextField(_("decision"), blank=True)
    sent_to = models.TextField(_("the decision is sent to"), blank=True)

    objects = AliveManager.from_queryset(ParagraphQuerySet)()
    all_objects = models.Manager.from_queryset(ParagraphQuerySet)()

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["committee", "year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "year", "number"],
                name="paragraph_number_unique_per_committee_year",
                violation_error_message=_(
                    "This § number is already used by the committee this year."
                ),
            )
        ]

    def __str__(self):
        return f"§ {self.number} {self.display_title}"

    @property
    def display_title(self):
        return self.title or self.agenda_item.title

    def _fill_from_item(self):
        meeting = self.agenda_item.meeting
        self.committee_id = meeting.committee_id
        self.year = meeting.year

    def _stored_number(self):
        if self._state.adding or not self.pk:
            return None
        return Paragraph.all_objects.filter(pk=self.pk).values_list("number", flat=True).first()

    def clean(self):
        if self.agenda_item_id:
            self._fill_from_item()
        stored = self._stored_number()
        if stored is not None and stored != self.number:
            raise ValidationError(
                {
                    "number": _("A paragraph keeps the number it was given (§ %(n)s).")
                    % {"n": stored}
                }
            )
        clash = Paragraph.all_objects.filter(
            committee_id=self.committee_id, year=self.year, number=self.number
        ).exclude(pk=self.pk)
        if self.committee_id and clash.exists():
            raise ValidationError(
                {
                    "number": _("§ %(n)s is already used by the committee in %(y)s.")
                    % {"n": self.number, "y": self.year}
                }
            )

    def save(self, *args, **kwargs):
        self._fill_from_item()
        stored = self._stored_number()
        if stored is not None and stored != self.number:
            raise NumberChangeError(_("A paragraph keeps the number it was given."))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        meeting = self.agenda_item.meeting
        return reverse(
            "portal:paragraph",
            kwargs={
                "committee": meeting.committee.slug,
                "meeting": meeting.slug,
                "number": self.number,
            },
        )
