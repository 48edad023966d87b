"""Keep a meeting's `modified` in step with everything shown on its page.

The public meeting page is cached by the meeting's `modified`, and API
harvesters rely on a parent's `modified` changing when an embedded object does.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from paragraf.cases.models import Case, Document
from paragraf.meetings.models import (
    AgendaItem,
    AgendaItemDocument,
    Attendance,
    Meeting,
    Paragraph,
)
from paragraf.meetings.models.meeting import Location
from paragraf.organisation.models import Body, Committee


def touch_meetings(queryset):
    queryset.update(modified=timezone.now())


@receiver([post_save, post_delete], sender=AgendaItem)
@receiver([post_save, post_delete], sender=Attendance)
def _item_changed(sender, instance, **kwargs):
    touch_meetings(Meeting.all_objects.filter(pk=instance.meeting_id))


@receiver([post_save, post_delete], sender=Paragraph)
def _paragraph_changed(sender, instance, **kwargs):
    touch_meetings(Meeting.all_objects.filter(items__pk=instance.agenda_item_id))


@receiver([post_save, post_delete], sender=AgendaItemDocument)
def _attachment_changed(sender, instance, **kwargs):
    touch_meetings(Meeting.all_objects.filter(items__pk=instance.agenda_item_id))


@receiver(post_save, sender=Document)
def _document_changed(sender, instance, **kwargs):
    touch_meetings(Meeting.all_objects.filter(items__document_links__document=instance))


@receiver(post_save, sender=Case)
def _case_changed(sender, instance, **kwargs):
    touch_meetings(Meeting.all_objects.filter(items__case=instance))


@receiver(post_save, sender=Committee)
def _committee_changed(sender, instance, **kwargs):
    touch_meetings(Meeting.all_objects.filter(committee=instance))


@receiver(post_save, sender=Location)
def _location_changed(sender, instance, **kwargs):
    touch_meetings(Meeting.all_objects.filter(location=instance))


@receiver(post_save, sender=Body)
def _body_changed(sender, instance, **kwargs):
    # The body's name is in every page's header.
    touch_meetings(Meeting.all_objects.filter(committee__body=instance))
