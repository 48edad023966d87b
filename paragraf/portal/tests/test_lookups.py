"""The cached meeting page asks `public_meeting_version` instead of `public_meeting`:
the two must agree on which meetings the public may see."""

import pytest

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.portal.lookups import public_meeting, public_meeting_version
from paragraf.portal.views.errors import NotFound


def visible(committee_slug, meeting_slug):
    try:
        return public_meeting(committee_slug, meeting_slug).pk
    except NotFound:
        return None


@pytest.mark.parametrize("state", list(Meeting.State))
@pytest.mark.parametrize("deleted", ["none", "meeting", "committee"])
def test_it_agrees_with_public_meeting(db, state, deleted):
    meeting = factories.meeting(state=state)
    other = factories.meeting(meeting.committee, hour=15)  # same day: mote-…-2
    if deleted == "meeting":
        meeting.soft_delete()
    if deleted == "committee":
        meeting.committee.soft_delete()
    slugs = (meeting.committee.slug, meeting.slug)
    version = public_meeting_version(*slugs)
    assert (version[0] if version else None) == visible(*slugs)
    assert public_meeting_version(meeting.committee.slug, "mote-2022-02-30") is None
    assert public_meeting_version("annan", other.slug) is None


def test_its_version_changes_when_the_meeting_changes(db):
    meeting = factories.meeting()
    before = public_meeting_version(meeting.committee.slug, meeting.slug)
    factories.item(meeting)
    assert public_meeting_version(meeting.committee.slug, meeting.slug) != before
