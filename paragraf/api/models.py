"""What the OParl import remembers: which source object became which record here.

The API itself has no models; these belong to the importer
(paragraf.api.importer), which reads other OParl servers into this one.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObject(models.Model):
    """One object of an OParl source (its `id` URL) and the record it became.

    `source_modified` is the source's own `modified`, as written there: an
    object whose `modified` is unchanged is not read again. It is empty when
    the last import of the object was incomplete, so the next run tries again.
    """

    key = models.CharField(max_length=64, unique=True, editable=False)
    source = models.TextField(_("source address"))
    kind = models.CharField(_("OParl type"), max_length=30)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    source_modified = models.CharField(_("modified at the source"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported object")
        verbose_name_plural = _("imported objects")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.source


class ImportRun(models.Model):
    """One run of `manage.py import_oparl`; a clean run is where the next one starts.

    `latest_modified` is the latest `modified` the source gave in the run, by
    the source's own clock: the next run asks for changes since then, so the
    two servers' clocks need not agree.
    """

    source = models.TextField(_("source"))
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    since = models.DateTimeField(_("changes since"), null=True, blank=True)
    latest_modified = models.DateTimeField(_("latest change at the source"), null=True, blank=True)
    clean = models.BooleanField(_("without problems"), default=False)
    counts = models.JSONField(_("counts"), default=dict)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"
