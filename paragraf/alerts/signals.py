"""Alerts follow the services' own saves: publishing an agenda sets the
meeting's `notice_published_at`, and verified (or corrected) minutes create a
Notice on the notice board. The task is enqueued once the transaction commits,
so a publication that fails sends nothing."""

from django.db import transaction
from django.db.models.signals import post_init, post_save
from django.dispatch import receiver

from paragraf.alerts.committee_alerts import AGENDA, CORRECTION, MINUTES
from paragraf.meetings.models import Meeting
from paragraf.noticeboard.models import Notice

NOTICE_EVENTS = {Notice.Kind.MINUTES: MINUTES, Notice.Kind.CORRECTION: CORRECTION}


def _enqueue(*args):
    from paragraf.alerts.tasks import send_committee_alerts

    transaction.on_commit(lambda: send_committee_alerts.enqueue(*args))


@receiver(post_init, sender=Meeting)
def _remember_published_at(sender, instance, **kwargs):
    instance._alerts_published_at = instance.__dict__.get("notice_published_at")


@receiver(post_save, sender=Meeting)
def _agenda_published(sender, instance, raw=False, **kwargs):
    published_at = instance.notice_published_at
    before = getattr(instance, "_alerts_published_at", None)
    instance._alerts_published_at = published_at
    if raw or published_at is None or before is not None:
        return
    _enqueue(AGENDA, instance.pk)


@receiver(post_save, sender=Notice)
def _notice_posted(sender, instance, created, raw=False, **kwargs):
    event = NOTICE_EVENTS.get(instance.kind)
    if raw or not created or event is None:
        return
    _enqueue(event, instance.meeting_id, instance.pk)
