"""Ask for a search index update when something that search shows changes.

Each save or delete notes what changed in a batch that runs once the
transaction commits, so a service that saves a meeting and twenty items asks
for one update of that meeting. A rolled-back transaction drops its batch with
its other on-commit callbacks.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from paragraf.cases.models import Case, Document
from paragraf.meetings.models import AgendaItem, AgendaItemDocument, Meeting, Paragraph
from paragraf.organisation.models import Committee
from paragraf.search import index

KINDS = ("meetings", "items", "documents", "cases", "committees")


class Batch:
    """What one transaction changed, by kind: enqueued as one task on commit."""

    def __init__(self):
        self.changed = {kind: set() for kind in KINDS}

    def __call__(self):
        from paragraf.search.tasks import update_search_index

        if not index.folder().is_dir():
            return  # no index yet: the rebuild command reads everything when it makes one
        update_search_index.enqueue(**{kind: sorted(pks) for kind, pks in self.changed.items()})


def _open_batch(connection):
    """The batch waiting for this transaction's commit, if there is one."""
    if not connection.in_atomic_block:
        return None
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, Batch):
            return callback
    return None


def note(**changed):
    """Remember these pks (meetings=[…], items=[…] …) for the update after commit."""
    connection = transaction.get_connection()
    batch = _open_batch(connection)
    fresh = batch is None
    if fresh:
        batch = Batch()
    for kind, pks in changed.items():
        batch.changed[kind].update(pk for pk in pks if pk is not None)
    if fresh:
        transaction.on_commit(batch, robust=True)  # outside a transaction: at once


@receiver([post_save, post_delete], sender=Meeting)
def _meeting_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        note(meetings=[instance.pk])


@receiver([post_save, post_delete], sender=AgendaItem)
def _item_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        note(meetings=[instance.meeting_id])


@receiver([post_save, post_delete], sender=Paragraph)
def _paragraph_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        note(items=[instance.agenda_item_id])


@receiver([post_save, post_delete], sender=AgendaItemDocument)
def _attachment_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        note(items=[instance.agenda_item_id], documents=[instance.document_id])


@receiver([post_save, post_delete], sender=Document)
def _document_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        note(documents=[instance.pk])


@receiver([post_save, post_delete], sender=Case)
def _case_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        note(cases=[instance.pk])


@receiver(post_save, sender=Committee)
def _committee_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        note(committees=[instance.pk])
