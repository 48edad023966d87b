"""The agenda builder page and its changes, with and without JavaScript."""

import pytest
from django.urls import reverse
from django.utils import timezone

from paragraf import factories
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.meetings.services import agenda


@pytest.fixture
def meeting(committee):
    return factories.meeting(committee, state=Meeting.State.PLANNED)


@pytest.fixture
def staff(client, secretary):
    client.force_login(secretary)
    return client


def url(name, meeting, **kwargs):
    return reverse(f"backoffice:{name}", kwargs={"meeting": meeting.pk, **kwargs})


def order_of(meeting):
    return [(i.number, i.title) for i in AgendaItem.objects.filter(meeting=meeting)]


def test_the_builder_lists_items_and_offers_the_standard_items(staff, meeting):
    case = factories.case(meeting.committee.body, committee=meeting.committee, reference="RS 1")
    agenda.add_case_item(meeting, case)
    page = staff.get(url("agenda_builder", meeting)).content.decode()
    assert "RS 1" in page
    for title in ("Protokollsjustering", "Fastställande av föredragningslista", "Övriga frågor"):
        assert f"Lägg till ”{title}”" in page


def test_it_adds_a_case_and_a_free_item(staff, meeting):
    case = factories.case(meeting.committee.body, committee=meeting.committee, title="Bidrag")
    assert staff.post(url("agenda_add_case", meeting), {"case": case.pk}).status_code == 302
    staff.post(url("agenda_add_free", meeting), {"free-title": "Fri punkt", "free-is_public": "on"})
    assert order_of(meeting) == [("1", "Bidrag"), ("2", "Fri punkt")]


def test_a_free_item_needs_a_title(staff, meeting):
    page = staff.post(url("agenda_add_free", meeting), {"free-title": ""})
    assert page.status_code == 422
    assert "Detta fält måste fyllas i." in page.content.decode()


def test_a_case_of_another_committee_cannot_be_chosen(staff, meeting):
    other = factories.committee(meeting.committee.body)
    case = factories.case(meeting.committee.body, committee=other)
    page = staff.post(url("agenda_add_case", meeting), {"case": case.pk}).content.decode()
    assert "Välj ett ärende i nämnden som inte redan står på föredragningslistan." in page
    assert order_of(meeting) == []


def test_it_adds_a_standard_item(staff, meeting):
    staff.post(url("agenda_add_standard", meeting), {"key": "jav"})
    assert order_of(meeting) == [("1", "Anmälan av jäv")]


def test_move_buttons_reorder_and_return_to_the_row(staff, meeting):
    agenda.add_item(meeting, title="A")
    b = agenda.add_item(meeting, title="B")
    response = staff.post(url("agenda_item_move", meeting, item=b.pk), {"direction": "up"})
    assert response.url.endswith(f"#item-{b.pk}")
    assert order_of(meeting) == [("1", "B"), ("2", "A")]


def test_the_drag_order_endpoint_saves_the_order_for_htmx(staff, meeting):
    a, b, c = (agenda.add_item(meeting, title=t) for t in "ABC")
    response = staff.post(
        url("agenda_order", meeting), {"order": f"{c.pk},{a.pk},{b.pk}"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Den nya ordningen är sparad." in response.content.decode()
    assert order_of(meeting) == [("1", "C"), ("2", "A"), ("3", "B")]


def test_the_drag_order_endpoint_refuses_ids_of_another_meeting(staff, meeting):
    a = agenda.add_item(meeting, title="A")
    other = factories.meeting(meeting.committee, state=Meeting.State.PLANNED, hour=15)
    foreign = agenda.add_item(other, title="X")
    response = staff.post(
        url("agenda_order", meeting), {"order": f"{foreign.pk},{a.pk}"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 422
    assert "exakt en gång" in response.content.decode()
    assert order_of(meeting) == [("1", "A")]
    assert order_of(other) == [("1", "X")]


def test_the_drag_order_endpoint_refuses_garbage(staff, meeting):
    agenda.add_item(meeting, title="A")
    response = staff.post(url("agenda_order", meeting), {"order": "1;DROP"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422


def test_an_item_of_another_meeting_is_not_found_here(staff, meeting):
    other = factories.meeting(meeting.committee, state=Meeting.State.PLANNED, hour=15)
    foreign = agenda.add_item(other, title="X")
    response = staff.post(url("agenda_item_remove", meeting, item=foreign.pk))
    assert response.status_code == 404
    assert order_of(other) == [("1", "X")]


def test_editing_and_removing_an_item(staff, meeting):
    item = agenda.add_item(meeting, title="Gammal")
    edit = url("agenda_item_edit", meeting, item=item.pk)
    assert staff.get(edit).status_code == 200
    staff.post(edit, {"title": "Ny", "presenter": "Eva Ek", "summary": "", "proposed_decision": ""})
    item.refresh_from_db()
    assert (item.title, item.presenter, item.is_public) == ("Ny", "Eva Ek", False)
    staff.post(url("agenda_item_remove", meeting, item=item.pk))
    staff.post(url("agenda_item_remove", meeting, item=item.pk))  # double submit
    assert order_of(meeting) == []


def test_an_item_and_a_document_are_marked_public_or_not(staff, meeting):
    case = factories.case(meeting.committee.body, committee=meeting.committee)
    item = agenda.add_case_item(meeting, case)
    document = factories.document(is_public=False, case=case)
    staff.post(
        url("agenda_item_attach", meeting, item=item.pk), {f"a{item.pk}-document": document.pk}
    )
    assert list(item.documents.all()) == [document]
    staff.post(url("agenda_document_public", meeting, document=document.pk), {"is_public": "1"})
    staff.post(url("agenda_item_public", meeting, item=item.pk), {"is_public": "0"})
    document.refresh_from_db()
    item.refresh_from_db()
    assert document.is_public and not item.is_public


def test_a_document_of_another_meeting_cannot_be_toggled_here(staff, meeting, objects):
    response = staff.post(
        url("agenda_document_public", meeting, document=objects["document"]), {"is_public": "1"}
    )
    assert response.status_code == 404


def test_a_locked_meeting_refuses_changes_with_a_swedish_message(staff, committee):
    meeting = factories.verified_meeting(committee)
    Meeting.all_objects.filter(pk=meeting.pk).update(minutes_verified_at=timezone.now())
    item = AgendaItem.objects.filter(meeting=meeting).first()
    response = staff.post(
        url("agenda_item_move", meeting, item=item.pk), {"direction": "down"}, follow=True
    )
    assert (
        "Protokollet för mötet är justerat och låst: föredragningslistan kan inte ändras."
        in response.content.decode()
    )
