import datetime
from contextlib import contextmanager

import pytest
from django.db import connection

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.search import index
from paragraf.search.signals import Batch


@pytest.fixture(autouse=True)
def _own_index_folder(settings, tmp_path):
    """Each test builds its index in its own folder."""
    settings.VAR_DIR = tmp_path / "var"


@pytest.fixture
def committee():
    return factories.seed_committee()


@pytest.fixture
def published(committee):
    """A published agenda (no minutes yet) whose items each test fills in."""
    return factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED)


@pytest.fixture
def indexed():
    """Call after creating the data: rebuilds the public index, returns the count."""
    return index.rebuild


def add_item(meeting, title, summary="", **fields):
    return factories.item(meeting, title=title, summary=summary, **fields)


def other_meeting(day, name="Kulturnämnden", slug="kulturnamnden"):
    committee = factories.committee(factories.body(name="Annan region"), name=name, slug=slug)
    return factories.meeting(committee, day=day, state=Meeting.State.NOTICE_PUBLISHED)


DAY = datetime.date


@pytest.fixture
def immediate_tasks(settings):
    """Tasks run when enqueued, as with TASKS_BACKEND=immediate."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def committed(immediate_tasks):
    """`with committed():` then runs the search update that waits for the commit.

    A test runs in one transaction that never commits: what its fixtures changed
    counts as committed before the block, and only the block's changes are run."""

    def batches():
        found = [callback for _s, callback, _r in connection.run_on_commit]
        return [callback for callback in found if isinstance(callback, Batch)]

    @contextmanager
    def block():
        for batch in batches():
            batch.changed = {kind: set() for kind in batch.changed}
        yield
        for batch in batches():
            batch()

    return block


def hit_urls(client, text, **params):
    response = client.get("/sok/", {"q": text, **params})
    assert response.status_code == 200
    return [hit.url for hit in response.context["results"].hits]
