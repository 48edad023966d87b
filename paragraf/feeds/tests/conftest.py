"""A committee like the seed's, with something of every kind, and non-public
content carrying the marker HEMLIG so a test can check it never leaks."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.noticeboard.services import post_notice

MARKER = "HEMLIG"
# Records are made before the seed meeting; `verified_meeting` then moves the
# clock through its verification to a day when its notice is on the board.
START = datetime.datetime(2022, 11, 28, 10, tzinfo=factories.STOCKHOLM)
TODAY = datetime.datetime(2022, 12, 20, 12, tzinfo=factories.STOCKHOLM)


@pytest.fixture
def today():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def committee(db, today):
    return factories.seed_committee()


@pytest.fixture
def verified_meeting(committee, today):
    """The seed-like meeting (§ 1 public, § 2 not public, § 3 added), its minutes
    verified on 16 December and the notice posted the next day; the public item's case is not
    public, and a non-public document hangs on the public item."""
    meeting = factories.verified_meeting(committee)
    public_item = meeting.items.get(position=1)
    public_item.case = factories.case(committee.body, reference=f"{MARKER}-DNR", is_public=False)
    public_item.save()
    factories.attach(public_item, factories.document(title=f"{MARKER}-DOK", is_public=False), 5)
    today.move_to(datetime.datetime(2022, 12, 16, 15, tzinfo=factories.STOCKHOLM))
    Meeting.objects.filter(pk=meeting.pk).update(
        notice_published_at=datetime.datetime(2022, 11, 30, 9, tzinfo=factories.STOCKHOLM),
        minutes_verified_at=timezone.now(),
    )
    meeting.refresh_from_db()
    today.move_to(datetime.datetime(2022, 12, 17, 10, tzinfo=factories.STOCKHOLM))
    post_notice(meeting)
    today.move_to(TODAY)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def planned_meeting(committee):
    """Never public: planned meetings are the secretary's draft."""
    return factories.meeting(
        committee,
        day=datetime.date(2023, 1, 18),
        state=Meeting.State.PLANNED,
        name=f"{MARKER}-PLANERAT",
    )


@pytest.fixture
def upcoming_meeting(committee):
    meeting = factories.meeting(
        committee, day=datetime.date(2023, 1, 25), state=Meeting.State.NOTICE_PUBLISHED
    )
    factories.item(meeting, title="Budget 2023", state="pa_listan")
    return meeting


@pytest.fixture
def cancelled_meeting(committee):
    return factories.meeting(
        committee, day=datetime.date(2023, 2, 1), state=Meeting.State.CANCELLED
    )


@pytest.fixture
def everything(verified_meeting, planned_meeting, upcoming_meeting, cancelled_meeting):
    return {
        "verified": verified_meeting,
        "planned": planned_meeting,
        "upcoming": upcoming_meeting,
        "cancelled": cancelled_meeting,
    }


def assert_no_secret(text):
    assert MARKER not in text


def parse_xml(content):
    """Our own response, never outside input: the standard parser is enough."""
    import xml.etree.ElementTree as ET

    return ET.fromstring(content)  # noqa: S314 - parses this site's own output
