"""What happens to an item at the meeting: motions, votes, reservations, notes, conflicts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import TimeStamped
from paragraf.meetings.models.agenda import AgendaItem
from paragraf.meetings.models.lock import LockedQuerySet, LockedWithMinutes
from paragraf.organisation.models import Person


class ItemPart(LockedWithMinutes, TimeStamped):
    """Belongs to one agenda item and is locked with its minutes."""

    lock_path = "item__meeting"

    objects = LockedQuerySet.as_manager()

    class Meta:
        abstract = True


class Motion(ItemPart):
    """A proposal (yrkande) put to the committee, in the order it is put."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="motions", verbose_name=_("item")
    )
    movers = models.ManyToManyField(Person, related_name="motions", verbose_name=_("moved by"))
    text = models.TextField(_("motion"))
    position = models.PositiveSmallIntegerField(_("order put"), default=1)
    adopted = models.BooleanField(_("adopted"), null=True, blank=True)

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        ordering = ["item", "position", "pk"]

    def __str__(self):
        return self.text[:80]


class Vote(ItemPart):
    """An open vote (votering) between two answers to one question."""

    class Result(models.TextChoices):
        YES = "ja", _("yes")
        NO = "nej", _("no")

    item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="votes", verbose_name=_("item")
    )
    question = models.CharField(_("question"), max_length=500)
    yes_means = models.CharField(_("yes means"), max_length=300, blank=True)
    no_means = models.CharField(_("no means"), max_length=300, blank=True)
    result = models.CharField(_("result"), max_length=5, choices=Result.choices, blank=True)
    decided_by_chair = models.BooleanField(_("the chair's vote decided"), default=False)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["item", "pk"]

    def __str__(self):
        return self.question


class Ballot(LockedWithMinutes, TimeStamped):
    class Choice(models.TextChoices):
        YES = "ja", _("yes")
        NO = "nej", _("no")
        ABSTAIN = "avstar", _("abstains")

    lock_path = "vote__item__meeting"

    vote = models.ForeignKey(
        Vote, on_delete=models.PROTECT, related_name="ballots", verbose_name=_("vote")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="ballots", verbose_name=_("person")
    )
    choice = models.CharField(_("vote"), max_length=6, choices=Choice.choices)

    objects = LockedQuerySet.as_manager()

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "person"],
                name="one_ballot_per_person",
                violation_error_message=_("This person has already voted."),
            )
        ]

    def __str__(self):
        return f"{self.person}: {self.get_choice_display()}"


class Reservation(ItemPart):
    """A member's dissent (reservation) against the decision."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="reservations", verbose_name=_("item")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="reservations", verbose_name=_("member")
    )
    against = models.CharField(_("against"), max_length=300, blank=True)
    grounds = models.TextField(_("written grounds"), blank=True)

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")

    def __str__(self):
        return str(self.person)


class RecordedNote(ItemPart):
    """A note (protokollsanteckning) a member asks to have in the minutes."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="notes", verbose_name=_("item")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="recorded_notes", verbose_name=_("member")
    )
    text = models.TextField(_("note"))

    class Meta:
        verbose_name = _("recorded note")
        verbose_name_plural = _("recorded notes")

    def __str__(self):
        return str(self.person)


class Conflict(ItemPart):
    """A conflict of interest (jäv): the member leaves the item and takes no part."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, related_name="conflicts", verbose_name=_("item")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="conflicts", verbose_name=_("member")
    )
    substitute = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("substitute serving instead"),
    )

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="one_conflict_per_person")
        ]

    def __str__(self):
        return str(self.person)

    def clean(self):
        if self.substitute_id and self.substitute_id == self.person_id:
            raise ValidationError({"substitute": _("A member cannot substitute for themselves.")})
