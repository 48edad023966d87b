"""Documents Paragraf generates: notice, minutes, extracts and bundles, as PDF files."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import TimeStamped


class RenditionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(replaced_at__isnull=True)

    def public(self):
        return self.filter(audience=Rendition.Audience.PUBLIC)


class Rendition(TimeStamped):
    """One generated PDF of a meeting. Kept forever: a new version replaces an old
    one by marking it replaced, never by deleting it."""

    class Kind(models.TextChoices):
        NOTICE = "kallelse", _("notice")
        MINUTES = "protokoll", _("minutes")
        EXTRACT = "utdrag", _("certified extract")
        BUNDLE = "handlingar", _("notice with documents")

    class Audience(models.TextChoices):
        PUBLIC = "allman", _("the public")
        MEMBERS = "ledamoter", _("members")

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        related_name="renditions",
        verbose_name=_("meeting"),
    )
    paragraph = models.ForeignKey(
        "meetings.Paragraph",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renditions",
        verbose_name=_("paragraph"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    file = models.FileField(_("file"), upload_to="renditions/", max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    sha512 = models.CharField(_("SHA-512"), max_length=128, db_index=True)
    sealed_at = models.DateTimeField(_("sealed"), null=True, blank=True)
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)

    objects = RenditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        ordering = ["meeting", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "audience", "paragraph", "version"],
                name="one_rendition_per_version",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.meeting} v{self.version}"
