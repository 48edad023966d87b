"""Verification (justering) of the minutes, and corrections after it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from paragraf.core.models import TimeStamped
from paragraf.meetings.models.meeting import Meeting
from paragraf.organisation.models import Person


class Approval(TimeStamped):
    """One signatory's answer on the minutes: the chair's or a verifier's."""

    class Role(models.TextChoices):
        CHAIR = "ordforande", _("chair")
        VERIFIER = "justerare", _("verifier")

    class Answer(models.TextChoices):
        PENDING = "vantar", _("waiting")
        APPROVED = "godkant", pgettext_lazy("approval answer", "approved")
        COMMENTED = "kommentar", _("sent back with a comment")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="approvals", verbose_name=_("meeting")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="approvals", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    answer = models.CharField(
        _("answer"), max_length=20, choices=Answer.choices, default=Answer.PENDING
    )
    comment = models.TextField(_("comment"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    round = models.PositiveSmallIntegerField(
        _("round"), default=1, help_text=_("Raised each time the minutes are sent again.")
    )

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["meeting", "-round", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person", "round"], name="one_approval_per_round"
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}): {self.get_answer_display()}"


class MinutesVersion(TimeStamped):
    """A version of verified minutes. Version 1 is the verification itself;
    every later one is a correction with its reason."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="minutes_versions",
        verbose_name=_("meeting"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    reason = models.TextField(_("reason"), blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("made by"),
    )

    class Meta:
        verbose_name = _("minutes version")
        verbose_name_plural = _("minutes versions")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.meeting} v{self.number}"
