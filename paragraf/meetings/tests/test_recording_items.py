import pytest
from django.core.exceptions import ValidationError

from paragraf.meetings.models import AgendaItem, Motion
from paragraf.meetings.services import recording
from paragraf.meetings.tests.recording_setup import held_meeting


@pytest.fixture
def held(db):
    return held_meeting()


def test_a_second_save_from_an_old_version_is_a_conflict_and_the_first_stands(held):
    _meeting, items, _p = held
    item = items[0]
    loaded = item.version
    recording.save_item_decision(item, "Först", "bifall", loaded)
    with pytest.raises(recording.EditConflict) as conflict:
        recording.save_item_decision(item, "Sedan", "avslag", loaded)
    assert conflict.value.stored.decision == "Först"
    item.refresh_from_db()
    assert item.decision == "Först" and item.state == AgendaItem.State.HANDLED


def test_an_old_version_with_the_same_text_is_no_conflict(held):
    _meeting, items, _p = held
    loaded = items[0].version
    recording.save_item_decision(items[0], "Först", "bifall", loaded)
    stored = recording.save_item_decision(items[0], "Först", "bifall", loaded)
    assert stored.decision == "Först"


def test_outcome_withdrawn_withdraws_and_added_items_stay_added(held):
    meeting, items, _p = held
    recording.save_item_decision(items[0], "", "utgar", items[0].version)
    items[0].refresh_from_db()
    assert items[0].state == AgendaItem.State.WITHDRAWN
    added = recording.add_item_at_meeting(meeting, "Extra ärende")
    recording.save_item_decision(added, "Bifall", "bifall", added.version)
    added.refresh_from_db()
    assert added.state == AgendaItem.State.ADDED and added.position == 4


def test_adding_the_same_item_twice_gives_one(held):
    meeting, _items, _p = held
    first = recording.add_item_at_meeting(meeting, "Extra ärende")
    assert recording.add_item_at_meeting(meeting, "Extra ärende") == first


def test_withdrawing_an_item(held):
    _meeting, items, _p = held
    item = recording.withdraw_item(items[1])
    assert item.state == AgendaItem.State.WITHDRAWN and item.outcome == "utgar"


def test_immediate_verification_only_for_a_handled_item_and_then_it_is_frozen(held):
    _meeting, items, _p = held
    with pytest.raises(ValidationError, match="behandlat"):
        recording.verify_immediately(items[0])
    item = recording.save_item_decision(items[0], "Bifall", "bifall", items[0].version)
    item = recording.verify_immediately(item)
    assert item.verified_immediately_at is not None
    with pytest.raises(ValidationError, match="omedelbart justerad"):
        recording.save_item_decision(item, "Ändrat", "bifall", item.version)


def test_a_motion_submitted_twice_is_made_once_and_needs_a_serving_mover(held):
    _meeting, items, p = held
    recording.add_motion(items[0], [p.anna], "Avslag")
    recording.add_motion(items[0], [p.anna], "Avslag")
    assert Motion.objects.count() == 1
    with pytest.raises(ValidationError, match="tjänstgör inte"):
        recording.add_motion(items[0], [p.sub1], "Återremiss")


def test_nothing_is_recorded_before_the_meeting_starts(db):
    from paragraf import factories

    meeting = factories.meeting(state="kallat")
    item = factories.item(meeting)
    with pytest.raises(ValidationError, match="inte startats"):
        recording.withdraw_item(item)
