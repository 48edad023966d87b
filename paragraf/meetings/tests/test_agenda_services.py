"""Building the agenda: adding, moving, editing and removing items."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from paragraf import factories
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.meetings.services import agenda


@pytest.fixture
def meeting(db):
    return factories.meeting(state=Meeting.State.PLANNED)


def titles_and_numbers(meeting):
    return [(i.number, i.title) for i in AgendaItem.objects.filter(meeting=meeting)]


def test_it_adds_an_item_from_a_case_with_its_texts(meeting):
    case = factories.case(
        meeting.committee.body,
        committee=meeting.committee,
        title="Bidrag till Hopajola",
        description="Hopajola ansöker om 305 000 kronor.",
        proposed_decision="Nämnden beviljar bidraget.",
    )
    item = agenda.add_case_item(meeting, case)
    assert (item.title, item.case, item.number) == ("Bidrag till Hopajola", case, "1")
    assert item.summary == "Hopajola ansöker om 305 000 kronor."
    assert item.proposed_decision == "Nämnden beviljar bidraget."
    assert item.state == AgendaItem.State.ON_AGENDA


def test_it_refuses_a_case_of_another_committee(meeting):
    other = factories.committee(meeting.committee.body)
    case = factories.case(meeting.committee.body, committee=other)
    with pytest.raises(ValidationError):
        agenda.add_case_item(meeting, case)
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


def test_it_adds_free_items_numbered_in_order(meeting):
    agenda.add_item(meeting, title="Första")
    agenda.add_item(meeting, title="Andra", is_public=False)
    assert titles_and_numbers(meeting) == [("1", "Första"), ("2", "Andra")]


def test_opening_standard_items_go_first_and_closing_ones_last(meeting):
    agenda.add_item(meeting, title="Ett ärende")
    agenda.add_standard_item(meeting, "ovriga-fragor")
    agenda.add_standard_item(meeting, "protokollsjustering")
    agenda.add_standard_item(meeting, "jav")
    assert titles_and_numbers(meeting) == [
        ("1", "Protokollsjustering"),
        ("2", "Anmälan av jäv"),
        ("3", "Ett ärende"),
        ("4", "Övriga frågor"),
    ]


def test_every_standard_item_has_its_swedish_title(meeting):
    for key in agenda.STANDARD_ITEMS:
        agenda.add_standard_item(meeting, key)
    assert {title for _n, title in titles_and_numbers(meeting)} == {
        "Protokollsjustering",
        "Fastställande av föredragningslista",
        "Anmälan av jäv",
        "Anmälningsärenden",
        "Informationsärenden",
        "Övriga frågor",
    }


def test_moving_up_and_down_renumbers_the_items(meeting):
    first = agenda.add_item(meeting, title="A")
    agenda.add_item(meeting, title="B")
    third = agenda.add_item(meeting, title="C")
    agenda.move_item(third, "up")
    assert titles_and_numbers(meeting) == [("1", "A"), ("2", "C"), ("3", "B")]
    agenda.move_item(first, "down")
    assert titles_and_numbers(meeting) == [("1", "C"), ("2", "A"), ("3", "B")]


def test_moving_the_first_item_up_changes_nothing(meeting):
    first = agenda.add_item(meeting, title="A")
    agenda.add_item(meeting, title="B")
    agenda.move_item(first, "up")
    assert titles_and_numbers(meeting) == [("1", "A"), ("2", "B")]


def test_reordering_puts_the_items_in_the_given_order(meeting):
    a, b, c = (agenda.add_item(meeting, title=t) for t in "ABC")
    agenda.reorder_items(meeting, [c.pk, a.pk, b.pk])
    assert titles_and_numbers(meeting) == [("1", "C"), ("2", "A"), ("3", "B")]


def test_reordering_refuses_an_item_of_another_meeting(meeting):
    a = agenda.add_item(meeting, title="A")
    other = factories.meeting(meeting.committee, state=Meeting.State.PLANNED, hour=14)
    foreign = agenda.add_item(other, title="X")
    with pytest.raises(ValidationError) as error:
        agenda.reorder_items(meeting, [foreign.pk, a.pk])
    assert "varje punkt" in error.value.messages[0]
    assert titles_and_numbers(meeting) == [("1", "A")]


def test_items_added_at_the_meeting_keep_an_empty_number(meeting):
    agenda.add_item(meeting, title="A")
    factories.item(meeting, title="Tillkommet", number="", state=AgendaItem.State.ADDED)
    b = agenda.add_item(meeting, title="B")
    agenda.move_item(b, "up")
    assert titles_and_numbers(meeting) == [("1", "A"), ("2", "B"), ("", "Tillkommet")]


def test_removing_an_item_hides_it_and_renumbers(meeting):
    a = agenda.add_item(meeting, title="A")
    agenda.add_item(meeting, title="B")
    agenda.remove_item(a)
    assert titles_and_numbers(meeting) == [("1", "B")]
    assert AgendaItem.all_objects.get(pk=a.pk).is_deleted
    agenda.add_item(meeting, title="C")
    assert titles_and_numbers(meeting) == [("1", "B"), ("2", "C")]


def test_a_handled_item_cannot_be_removed(meeting):
    item = factories.item(meeting, state=AgendaItem.State.HANDLED)
    with pytest.raises(ValidationError):
        agenda.remove_item(item)


def test_editing_an_item_changes_its_texts(meeting):
    item = agenda.add_item(meeting, title="Gammal")
    agenda.update_item(item, title="Ny", presenter="Eva Ek", is_public=False)
    item.refresh_from_db()
    assert (item.title, item.presenter, item.is_public) == ("Ny", "Eva Ek", False)


def test_a_document_can_be_made_public_and_attached(meeting):
    case = factories.case(meeting.committee.body, committee=meeting.committee)
    item = agenda.add_case_item(meeting, case)
    document = factories.document(is_public=False, case=case)
    agenda.attach_document(item, document)
    agenda.attach_document(item, document)  # twice: still once
    assert list(item.documents.all()) == [document]
    agenda.set_document_public(meeting, document, True)
    document.refresh_from_db()
    assert document.is_public


def test_a_locked_meeting_refuses_changes_in_swedish(db):
    meeting = factories.verified_meeting(factories.committee())
    meeting.minutes_verified_at = timezone.now()
    Meeting.all_objects.filter(pk=meeting.pk).update(minutes_verified_at=timezone.now())
    item = AgendaItem.objects.filter(meeting=meeting).first()
    for change in (
        lambda: agenda.add_item(meeting, title="Ny"),
        lambda: agenda.move_item(item, "down"),
        lambda: agenda.update_item(item, title="Ny"),
    ):
        with pytest.raises(ValidationError) as error:
            change()
        assert error.value.messages == [
            "Protokollet för mötet är justerat och låst: föredragningslistan kan inte ändras."
        ]


def test_reordering_is_in_the_audit_log_with_before_and_after(db):
    from paragraf.core.models import AuditEntry

    meeting = factories.meeting(state="planerat")
    first = agenda.add_item(meeting, title="Först")
    second = agenda.add_item(meeting, title="Sedan")
    AuditEntry.objects.all().delete()
    agenda.move_item(second, "up")
    moved = AuditEntry.objects.get(object_id=str(second.pk), action="andrad")
    assert (moved.before["position"], moved.after["position"]) == (2, 1)
    assert (moved.before["number"], moved.after["number"]) == ("2", "1")
    assert moved.meeting_id == meeting.pk
    assert AuditEntry.objects.filter(object_id=str(first.pk), action="andrad").exists()
