"""Sending an alert once: the record of it is written in the same transaction
as the sending, so a failed send is tried again and a sent one never is."""

import logging

from django.db import IntegrityError, transaction

from paragraf.alerts.models import Delivery

logger = logging.getLogger(__name__)


def deliver(subscription, keys, build):
    """Send the message `build()` makes, unless any of `keys` was sent before
    (or is being sent by another worker). Returns whether it was sent."""
    try:
        with transaction.atomic():
            if Delivery.objects.filter(subscription=subscription, key__in=keys).exists():
                return False
            Delivery.objects.bulk_create(
                [Delivery(subscription=subscription, key=key) for key in keys]
            )
            build().send()
    except IntegrityError:
        return False  # another worker recorded it first
    except Exception:
        # Nothing is recorded, so a later run may try again; the others still get theirs.
        logger.exception("Alert %s to subscription %s failed", keys[0], subscription.pk)
        return False
    return True


def record_unsent(subscription, keys):
    """Note keys the subscriber should never be sent (they were not new)."""
    Delivery.objects.bulk_create(
        [Delivery(subscription=subscription, key=key, mailed=False) for key in keys],
        ignore_conflicts=True,
    )
