"""Once the meeting is closed the minutes are written from what was recorded:
recording is shut, so nothing unapproved can slip into the minutes."""

import pytest
from django.core.exceptions import ValidationError

from paragraf.meetings.services import recording
from paragraf.meetings.services.minutes import close_meeting
from paragraf.meetings.tests.recording_setup import held_meeting


@pytest.fixture
def closed(db):
    meeting, items, people = held_meeting()
    recording.save_item_decision(items[0], "Beslut 1", "bifall", items[0].version)
    close_meeting(meeting, by=None)
    items[0].refresh_from_db()
    return meeting, items, people


def test_a_vote_cannot_be_added_after_closing(closed):
    meeting, items, people = closed
    with pytest.raises(ValidationError, match="avslutat"):
        recording.record_vote(items[0], "Bifall?", {people.anna: "ja", people.bo: "nej"})


def test_a_reservation_cannot_be_added_after_closing(closed):
    meeting, items, people = closed
    with pytest.raises(ValidationError, match="avslutat"):
        recording.add_reservation(items[0], people.bo, grounds="Sent påkommet")


def test_the_decision_cannot_be_changed_after_closing(closed):
    meeting, items, people = closed
    with pytest.raises(ValidationError, match="avslutat"):
        recording.save_item_decision(items[0], "Ändrat", "avslag", items[0].version)
