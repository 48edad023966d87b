"""Cases (ärenden, OParl Paper) and the documents attached to them (OParl File)."""

import hashlib
import mimetypes
import uuid
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from paragraf.core.models import AliveManager, AliveQuerySet, SoftDeletable
from paragraf.organisation.models import Body


class Case(SoftDeletable):
    class Status(models.TextChoices):
        OPEN = "oppet", _("open")
        DECIDED = "beslutat", _("decided")
        CLOSED = "avslutat", _("closed")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="cases", verbose_name=_("body")
    )
    committee = models.ForeignKey(
        "organisation.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("committee"),
        help_text=_("The committee that handles the case."),
    )
    reference = models.CharField(_("case number"), max_length=50)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    proposed_decision = models.TextField(_("proposed decision"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("case officer"),
    )
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick for cases that concern the exercise of authority over individuals."),
    )

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "reference"],
                name="case_reference_unique_per_body",
                violation_error_message=_("This case number is already used in this body."),
            )
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"


def document_path(instance, filename):
    # The stored name never comes from the user: no traversal, no clashes.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"documents/{uuid.uuid4().hex}{suffix}"


class DocumentQuerySet(AliveQuerySet):
    def public(self):
        """Documents a member of the public may download.

        A document is public only when it is marked public *and* it is attached
        to a public item of a meeting whose agenda is published, so a public file
        on a non-public item never leaks through its URL.
        """
        from paragraf.meetings.models import AgendaItem

        visible_items = AgendaItem.objects.public()
        return self.filter(
            deleted_at__isnull=True,
            is_public=True,
            agenda_links__agenda_item__in=visible_items,
        ).distinct()


class Document(SoftDeletable):
    """A stored file. Records are kept: nothing that refers to one may delete it."""

    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    filename = models.CharField(_("file name"), max_length=200)
    media_type = models.CharField(_("media type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False)
    sha512 = models.CharField(_("SHA-512"), max_length=128, editable=False)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("case"),
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Only tick after the document has been reviewed for personal data."),
    )

    class TextStatus(models.TextChoices):
        PENDING = "vantar", _("waiting for extraction")
        DONE = "klar", _("extracted")
        NONE = "ingen", _("no text to extract")
        FAILED = "fel", _("extraction failed")

    text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_status = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=TextStatus.choices,
        default=TextStatus.PENDING,
        editable=False,
    )

    objects = AliveManager.from_queryset(DocumentQuerySet)()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.file and self.file.size > settings.FILE_UPLOAD_MAX_SIZE:
            raise ValidationError({"file": _("The file is too large.")})

    def save(self, *args, **kwargs):
        if self.file and not self.sha512:
            self._describe_file()
        super().save(*args, **kwargs)

    def _describe_file(self):
        digest = hashlib.sha512()
        size = 0
        self.file.open("rb")
        self.file.seek(0)
        head = self.file.read(8192)
        self.file.seek(0)
        for chunk in self.file.chunks():
            digest.update(chunk)
            size += len(chunk)
        self.file.seek(0)
        self.sha512 = digest.hexdigest()
        self.size = size
        if not self.filename:
            self.filename = get_valid_filename(PurePath(self.file.name).name)
        kind = filetype.guess(head)
        guessed, _encoding = mimetypes.guess_type(self.filename)
        self.media_type = (kind.mime if kind else guessed) or "application/octet-stream"

    @property
    def extension(self):
        return PurePath(self.filename).suffix.lstrip(".").upper()


class CaseSequence(models.Model):
    """The last case number given in a body's year; locked while a number is taken."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="case_sequences")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "year"], name="one_case_sequence_per_year")
        ]

    def __str__(self):
        return f"{self.body} {self.year}: {self.last}"


class DelegatedDecision(SoftDeletable):
    """A decision taken under delegation (delegationsbeslut), to be reported to the committee."""

    committee = models.ForeignKey(
        "organisation.Committee",
        on_delete=models.PROTECT,
        related_name="delegated_decisions",
        verbose_name=_("committee"),
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegated_decisions",
        verbose_name=_("case"),
    )
    title = models.CharField(_("what was decided"), max_length=300)
    decided_by = models.CharField(_("decided by"), max_length=200)
    decided_on = models.DateField(_("decided on"))
    rule = models.CharField(
        _("delegation rule"),
        max_length=50,
        help_text=_("The number in the committee's delegation order, e.g. 3.3."),
    )
    reported_at = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reported_decisions",
        verbose_name=_("reported at"),
    )
    is_public = models.BooleanField(_("public"), default=True)

    class Meta:
        verbose_name = _("delegated decision")
        verbose_name_plural = _("delegated decisions")
        ordering = ["-decided_on", "pk"]

    def __str__(self):
        return self.title
