import pytest
from django.core.exceptions import ValidationError

from paragraf.meetings.models import Vote
from paragraf.meetings.services import recording
from paragraf.meetings.tests.recording_setup import held_meeting


@pytest.fixture
def held(db):
    return held_meeting()


def test_more_yes_than_no_carries(held):
    _meeting, items, p = held
    vote = recording.record_vote(items[0], "Bifall?", {p.anna: "ja", p.bo: "ja", p.cecilia: "nej"})
    assert vote.result == Vote.Result.YES and not vote.decided_by_chair


def test_more_no_than_yes_fails_and_abstentions_do_not_count(held):
    _meeting, items, p = held
    ballots = {p.anna: "nej", p.bo: "nej", p.cecilia: "avstar", p.chair: "ja"}
    vote = recording.record_vote(items[0], "Bifall?", ballots)
    assert vote.result == Vote.Result.NO and not vote.decided_by_chair


def test_the_chair_decides_a_tie(held):
    _meeting, items, p = held
    ballots = {p.chair: "nej", p.anna: "ja", p.bo: "nej", p.cecilia: "ja"}
    vote = recording.record_vote(items[0], "Bifall?", ballots)
    assert vote.result == Vote.Result.NO and vote.decided_by_chair
    assert vote.ballots.count() == 4


def test_a_tie_without_the_chairs_vote_is_refused_with_a_reason(held):
    meeting, items, p = held
    recording.set_attendance(meeting, p.chair, False)
    with pytest.raises(ValidationError, match="utslagsröst"):
        recording.record_vote(items[0], "Bifall?", {p.anna: "ja", p.bo: "nej"})
    assert not Vote.objects.filter(item=items[0]).exists()


def test_it_refuses_a_vote_by_someone_not_serving(held):
    _meeting, items, p = held
    with pytest.raises(ValidationError, match="tjänstgör inte"):
        recording.record_vote(items[0], "Bifall?", {p.anna: "ja", p.sub1: "nej"})
    assert not Vote.objects.exists()


def test_a_conflicted_member_cannot_vote(held):
    _meeting, items, p = held
    recording.declare_conflict(items[0], p.bo)
    with pytest.raises(ValidationError, match="tjänstgör inte"):
        recording.record_vote(items[0], "Bifall?", {p.anna: "ja", p.bo: "nej"})


def test_the_same_vote_submitted_twice_is_recorded_once(held):
    _meeting, items, p = held
    ballots = {p.anna: "ja", p.bo: "ja", p.cecilia: "nej"}
    first = recording.record_vote(items[0], "Bifall?", ballots)
    second = recording.record_vote(items[0], "Bifall?", ballots)
    assert first == second and Vote.objects.count() == 1
