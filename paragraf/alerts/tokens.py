"""The links in alert e-mails: signed with the site's secret key, so the
database stores no token. The confirmation link expires; the unsubscribe link
works as long as the subscription exists."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from paragraf.alerts.models import Subscription

CONFIRM_SALT = "paragraf.alerts.confirm"
UNSUBSCRIBE_SALT = "paragraf.alerts.unsubscribe"
CONFIRM_DAYS = 7
CONFIRM_MAX_AGE = datetime.timedelta(days=CONFIRM_DAYS)


class BadLink(Exception):
    """The link is unknown, altered, expired or its subscription is gone."""


def confirm_token(subscription):
    return signing.dumps(subscription.key, salt=CONFIRM_SALT)


def unsubscribe_token(subscription):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscription.key)


def from_confirm_token(token):
    try:
        key = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one
        raise BadLink() from None
    return _subscription(key)


def unsubscribe_key(token):
    """The key an unsubscribe link names; its subscription may be gone already."""
    try:
        return signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        raise BadLink() from None


def _subscription(key):
    subscription = Subscription.objects.filter(key=key).select_related("committee").first()
    if subscription is None:
        raise BadLink()
    return subscription


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def confirm_url(subscription):
    with translation.override(subscription.language):
        path = reverse("alerts:confirm", kwargs={"token": confirm_token(subscription)})
    return absolute(path)


def unsubscribe_url(subscription):
    with translation.override(subscription.language):
        path = reverse("alerts:unsubscribe", kwargs={"token": unsubscribe_token(subscription)})
    return absolute(path)
