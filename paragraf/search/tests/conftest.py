import datetime

import pytest

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.search import index


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
