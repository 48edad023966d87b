"""Every address of the site refuses a POST without a CSRF token, back office and
public alike, except two that are exempt on purpose and take care of themselves:
the RFC 8058 one-click unsubscribe (it needs a signed link) and the read-only
PDF check, which changes and stores nothing."""

import pytest
from django.core import signing
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.base import reverse
from django.urls.exceptions import NoReverseMatch
from django.urls.resolvers import RegexPattern

from paragraf.alerts import tokens
from paragraf.alerts.models import Subscription
from paragraf.alerts.tests.conftest import subscribed

EXEMPT = {"alerts:unsubscribe", "documents:verify"}


def named_patterns(patterns=None, namespace=""):
    """(name with namespace, pattern) for every named URL, admin left out."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def address(name, pattern):
    """An address the pattern matches; the objects need not exist, since the CSRF
    check runs before the view."""
    if isinstance(pattern.pattern, RegexPattern):
        names = list(pattern.pattern.regex.groupindex)
    else:
        names = list(pattern.pattern.converters)
    for value in ("1", "x"):
        try:
            return reverse(name, kwargs=dict.fromkeys(names, value))
        except NoReverseMatch:
            continue
    raise AssertionError(f"cannot build an address for {name}")


def test_the_crawl_of_patterns_sees_the_whole_site():
    names = {name for name, _pattern in named_patterns()}
    for expected in ("portal:home", "backoffice:minutes_approve", "alerts:committee"):
        assert expected in names
    assert len(names) > 80


def test_no_post_gets_through_without_a_csrf_token(db, django_user_model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.se", "x"))
    accepted, exempt = [], set()
    for name, pattern in named_patterns():
        if getattr(pattern.callback, "csrf_exempt", False):
            exempt.add(name)
            continue
        url = address(name, pattern)
        status = client.post(url, {"title": "x", "email": "a@example.se"}).status_code
        if status != 403:
            accepted.append((url, status))
    assert accepted == []
    assert exempt == EXEMPT


@pytest.fixture
def subscription(db):
    from paragraf import factories

    return subscribed(factories.seed_committee())


@pytest.mark.parametrize(
    "forge",
    [
        lambda s: s.key,  # no signature
        lambda s: tokens.unsubscribe_token(s)[:-2] + "xx",  # an altered signature
        lambda s: tokens.confirm_token(s),  # a confirmation link's token
        lambda s: signing.Signer(salt="other").sign(s.key),  # another salt
        lambda s: "..%2F..%2Fetc%2Fpasswd",
    ],
)
def test_the_csrf_exempt_unsubscribe_needs_a_signed_link(subscription, forge):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/bevakning/avsluta/{forge(subscription)}/")
    assert response.status_code < 500
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_the_signed_unsubscribe_link_works_without_a_token(subscription):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/bevakning/avsluta/{tokens.unsubscribe_token(subscription)}/")
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
