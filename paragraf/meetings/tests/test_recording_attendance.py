import pytest
from django.core.exceptions import ValidationError

from paragraf.meetings.models import Attendance, Meeting
from paragraf.meetings.services import recording
from paragraf.meetings.tests.recording_setup import held_meeting


@pytest.fixture
def held(db):
    return held_meeting()


def test_starting_lists_members_present_and_substitutes_not_serving(held):
    meeting, _items, p = held
    assert meeting.state == Meeting.State.HELD
    assert meeting.chair == p.chair
    rows = {row.person: row for row in Attendance.objects.filter(meeting=meeting)}
    assert rows[p.anna].present and not rows[p.sub1].present
    assert rows[p.sub1].serving_for is None


def test_starting_twice_changes_nothing(held):
    meeting, _items, _p = held
    recording.start_meeting(meeting)
    assert Attendance.objects.filter(meeting=meeting).count() == 6


def test_it_refuses_a_substitute_for_a_present_member(held):
    meeting, _items, p = held
    with pytest.raises(ValidationError, match="är närvarande"):
        recording.set_attendance(meeting, p.sub1, True, serving_for=p.anna)


def test_a_substitute_serves_only_from_the_item_given(held):
    meeting, items, p = held
    recording.set_attendance(meeting, p.anna, False)
    recording.set_attendance(meeting, p.sub1, True, serving_for=p.anna, serving_from=items[1])
    assert p.sub1 not in recording.serving_members(meeting, items[0])
    assert p.sub1 in recording.serving_members(meeting, items[1])
    assert p.sub1 in recording.serving_members(meeting, items[2])
    assert p.anna not in recording.serving_members(meeting, items[1])


def test_an_absent_substitute_cannot_serve(held):
    meeting, _items, p = held
    recording.set_attendance(meeting, p.anna, False)
    with pytest.raises(ValidationError, match="närvarande"):
        recording.set_attendance(meeting, p.sub1, False, serving_for=p.anna)


def test_two_substitutes_cannot_take_the_same_seat(held):
    meeting, _items, p = held
    recording.set_attendance(meeting, p.anna, False)
    recording.set_attendance(meeting, p.sub1, True, serving_for=p.anna)
    with pytest.raises(ValidationError, match="redan"):
        recording.set_attendance(meeting, p.sub2, True, serving_for=p.anna)


def test_the_serving_list_leaves_out_a_conflicted_member_and_takes_their_substitute(held):
    meeting, items, p = held
    recording.set_attendance(meeting, p.sub2, True)
    recording.declare_conflict(items[0], p.bo, substitute=p.sub2)
    serving = recording.serving_members(meeting, items[0])
    assert p.bo not in serving and p.sub2 in serving
    assert p.bo in recording.serving_members(meeting, items[1])


def test_it_refuses_a_conflict_after_the_member_voted(held):
    meeting, items, p = held
    recording.record_vote(items[0], "Bifall?", {p.bo: "ja", p.anna: "ja"})
    with pytest.raises(ValidationError, match="redan röstat"):
        recording.declare_conflict(items[0], p.bo)


def test_verifiers_are_two_serving_members_but_not_the_chair(held):
    meeting, _items, p = held
    with pytest.raises(ValidationError, match="exakt två"):
        recording.choose_verifiers(meeting, [p.anna], "Kansliet", None)
    with pytest.raises(ValidationError, match="Ordföranden"):
        recording.choose_verifiers(meeting, [p.anna, p.chair], "Kansliet", None)
    with pytest.raises(ValidationError, match="tjänstgör inte"):
        recording.choose_verifiers(meeting, [p.anna, p.sub1], "Kansliet", None)
    recording.choose_verifiers(meeting, [p.anna, p.bo], "Kansliet", None)
    assert set(meeting.verifiers.all()) == {p.anna, p.bo}
