"""Who may do what in the back office: roles per committee."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import TimeStamped
from paragraf.organisation.models import Committee


class CommitteeRole(TimeStamped):
    class Role(models.TextChoices):
        SECRETARY = "sekreterare", _("secretary")
        CASE_OFFICER = "handlaggare", _("case officer")
        MEMBER = "ledamot", _("member or substitute")
        REGISTRAR = "registrator", _("registrar")
        ADMINISTRATOR = "administrator", _("administrator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="committee_roles",
        verbose_name=_("user"),
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="roles", verbose_name=_("committee")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("committee role")
        verbose_name_plural = _("committee roles")
        ordering = ["committee", "role", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "committee", "role"],
                name="role_once_per_user_and_committee",
                violation_error_message=_("The user already has this role in the committee."),
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.committee}"


class LoginAttempt(models.Model):
    """A failed log-in, kept briefly to slow down password guessing."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, db_index=True)
    when = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("failed log-in")
        verbose_name_plural = _("failed log-ins")

    def __str__(self):
        return f"{self.username} {self.when:%Y-%m-%d %H:%M}"
