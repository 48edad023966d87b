"""Keep a parent's `modified` in step with the objects the API embeds in it.

OParl harvesters ask for `modified_since` and trust that a change to an embedded
object changes its parent. Meetings are kept in step by paragraf.meetings.signals;
these do the same for the API's other parents: a Paper embeds its files and
consultations, a Person its memberships, a Body its terms.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from paragraf.cases.models import Case, Document
from paragraf.meetings.models import AgendaItem, AgendaItemDocument, Meeting
from paragraf.organisation.models import Body, Membership, Person, Term


def touch(queryset):
    queryset.update(modified=timezone.now())


@receiver(post_save, sender=Document, dispatch_uid="oparl-document")
def _document_changed(sender, instance, **kwargs):
    if instance.case_id:
        touch(Case.all_objects.filter(pk=instance.case_id))


@receiver([post_save, post_delete], sender=AgendaItemDocument, dispatch_uid="oparl-attachment")
def _attachment_changed(sender, instance, **kwargs):
    # Whether a case's file is public depends on the items it is attached to.
    touch(Case.all_objects.filter(documents__pk=instance.document_id))


@receiver([post_save, post_delete], sender=AgendaItem, dispatch_uid="oparl-item")
def _item_changed(sender, instance, **kwargs):
    if instance.case_id:
        touch(Case.all_objects.filter(pk=instance.case_id))


@receiver(post_save, sender=Meeting, dispatch_uid="oparl-meeting")
def _meeting_changed(sender, instance, **kwargs):
    # Publishing or deleting a meeting shows or hides its consultations.
    touch(Case.all_objects.filter(agenda_items__meeting=instance))


@receiver([post_save, post_delete], sender=Membership, dispatch_uid="oparl-membership")
def _membership_changed(sender, instance, **kwargs):
    touch(Person.all_objects.filter(pk=instance.person_id))


@receiver([post_save, post_delete], sender=Term, dispatch_uid="oparl-term")
def _term_changed(sender, instance, **kwargs):
    touch(Body.all_objects.filter(pk=instance.body_id))
