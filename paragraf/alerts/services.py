"""Subscribing, confirming and unsubscribing, each in one transaction.

Asking to subscribe always looks the same from outside: whether the address
already has this alert, is asking too often, or is new, the visitor is told
that a confirmation is on its way if the address can receive it.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from paragraf.alerts import tokens
from paragraf.alerts.models import SubscribeAttempt, Subscription

# Requests from one IP address per hour, before it is refused for a while
# (settings.ALERTS_IP_LIMIT overrides it, e.g. for many visitors behind one address).
IP_LIMIT = 10
IP_WINDOW = datetime.timedelta(hours=1)
# Confirmation e-mails to one address per day; further requests send nothing.
ADDRESS_LIMIT = 3
ADDRESS_WINDOW = datetime.timedelta(days=1)


class TooManyRequests(Exception):
    """This IP address has asked too often; try again later."""


def email_hash(email):
    return salted_hmac("paragraf.alerts.address", email.strip().lower()).hexdigest()


def too_many_from(ip):
    if not ip:
        return False
    since = timezone.now() - IP_WINDOW
    limit = getattr(settings, "ALERTS_IP_LIMIT", IP_LIMIT)
    return SubscribeAttempt.objects.filter(ip_address=ip, when__gte=since).count() >= limit


def _recent_to(email):
    since = timezone.now() - ADDRESS_WINDOW
    return SubscribeAttempt.objects.filter(email_hash=email_hash(email), when__gte=since).count()


def _same(email, kind, committee, query, filters):
    found = Subscription.objects.filter(email=email, kind=kind)
    if kind == Subscription.Kind.COMMITTEE:
        return found.filter(committee=committee).first()
    return next((s for s in found.filter(query=query) if s.filters == filters), None)


def request_subscription(email, *, committee=None, query="", filters=None, ip=None, language="sv"):
    """Record a request to subscribe and, unless the address has this alert
    already or has been sent enough confirmations today, send (once the
    transaction commits) a confirmation e-mail. Returns nothing that would tell
    the caller which; raises TooManyRequests when the IP address asks too often."""
    from paragraf.alerts.tasks import send_confirmation

    email = email.strip().lower()
    kind = Subscription.Kind.COMMITTEE if committee is not None else Subscription.Kind.SEARCH
    filters = dict(sorted((filters or {}).items()))
    with transaction.atomic():
        if too_many_from(ip):
            raise TooManyRequests()
        earlier = _recent_to(email)
        SubscribeAttempt.objects.create(email_hash=email_hash(email), ip_address=ip)
        subscription = _same(email, kind, committee, query, filters)
        if subscription is not None and subscription.is_confirmed:
            return
        if earlier >= ADDRESS_LIMIT:
            return
        if subscription is None:
            subscription = Subscription(
                email=email,
                kind=kind,
                committee=committee,
                query=query,
                filters=filters,
                language=language,
            )
        subscription.confirmation_sent_at = timezone.now()
        subscription.save()
        pk = subscription.pk
        transaction.on_commit(lambda: send_confirmation.enqueue(pk))


def confirm(subscription):
    """Confirm the subscription (again is harmless). A saved search first notes
    the hits there are now, so only later ones are sent."""
    from paragraf.alerts.search_alerts import baseline

    with transaction.atomic():
        fresh = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if fresh.confirmed_at is None:
            fresh.confirmed_at = timezone.now()
            fresh.save(update_fields=["confirmed_at", "modified"])
            if fresh.kind == Subscription.Kind.SEARCH:
                baseline(fresh)
    subscription.refresh_from_db()
    return subscription


def unsubscribe(subscription):
    """Delete the subscription and what was sent under it: the address is not kept."""
    Subscription.objects.filter(pk=subscription.pk).delete()


def expire(now=None):
    """Delete subscriptions not confirmed in time and old subscription requests.
    Returns how many subscriptions went."""
    now = now or timezone.now()
    stale = now - tokens.CONFIRM_MAX_AGE
    with transaction.atomic():
        _total, deleted = (
            Subscription.objects.unconfirmed()
            .filter(Q(confirmation_sent_at__lt=stale) | Q(confirmation_sent_at__isnull=True))
            .filter(created__lt=stale)
            .delete()
        )
        keep_attempts = now - max(IP_WINDOW, ADDRESS_WINDOW)
        SubscribeAttempt.objects.filter(when__lt=keep_attempts).delete()
    return deleted.get(Subscription._meta.label, 0)
