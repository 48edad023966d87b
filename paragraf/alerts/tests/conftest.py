import re

import pytest

from paragraf import factories
from paragraf.alerts.models import Subscription

SITE = "https://moten.example.se"


@pytest.fixture(autouse=True)
def _alert_settings(settings, tmp_path):
    settings.SITE_URL = SITE
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.VAR_DIR = tmp_path / "var"  # each test its own search index


@pytest.fixture
def committee(db):
    return factories.seed_committee()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a call and then what it left for the commit (the e-mails), as a
    request would."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


@pytest.fixture
def subscribe(client, committed):
    def post(committee, email="besokare@example.se", client=client, **extra):
        url = f"/bevakning/namnd/{committee.slug}/"
        return committed(client.post, url, {"email": email}, **extra)

    return post


def link(message, name):
    """The path of the first link to /bevakning/<name>/… in a message's text."""
    found = re.search(rf"{re.escape(SITE)}(/bevakning/{name}/[^/\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def subscribed(committee=None, email="besokare@example.se", **fields):
    """A confirmed subscription, made directly."""
    from django.utils import timezone

    fields.setdefault(
        "kind", Subscription.Kind.COMMITTEE if committee else Subscription.Kind.SEARCH
    )
    fields.setdefault("confirmed_at", timezone.now())
    return Subscription.objects.create(email=email, committee=committee, **fields)
