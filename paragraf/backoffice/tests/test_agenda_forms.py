"""Every agenda form tells the secretary in Swedish what is wrong, next to the field
or as a message, and changes nothing."""

import pytest
from django.urls import reverse

from paragraf import factories
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.meetings.services import agenda


@pytest.fixture
def meeting(committee):
    return factories.meeting(committee, state=Meeting.State.PLANNED)


@pytest.fixture
def item(meeting):
    return agenda.add_item(meeting, title="A")


@pytest.fixture
def staff(client, secretary):
    client.force_login(secretary)
    return client


def post(client, name, meeting, data, **kwargs):
    url = reverse(f"backoffice:{name}", kwargs={"meeting": meeting.pk, **kwargs})
    return client.post(url, data, follow=True).content.decode()


def test_the_edit_form_needs_a_title(staff, meeting, item):
    page = post(staff, "agenda_item_edit", meeting, {"title": ""}, item=item.pk)
    assert "Detta fält måste fyllas i." in page
    item.refresh_from_db()
    assert item.title == "A"


def test_an_unknown_standard_item_is_refused(staff, meeting, item):
    page = post(staff, "agenda_add_standard", meeting, {"key": "kaffe"})
    assert "Det finns ingen sådan standardpunkt." in page
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_a_move_needs_up_or_down(staff, meeting, item):
    page = post(staff, "agenda_item_move", meeting, {"direction": "sidled"}, item=item.pk)
    assert "Välj upp eller ned." in page


def test_an_order_that_is_not_a_list_of_items_is_refused(staff, meeting, item):
    page = post(staff, "agenda_order", meeting, {"order": "ett,två"})
    assert "Ordningen är inte en lista med punkter." in page


def test_a_public_flag_must_be_yes_or_no(staff, meeting, item):
    page = post(staff, "agenda_item_public", meeting, {"is_public": "kanske"}, item=item.pk)
    assert "Välj offentlig eller inte offentlig." in page


def test_a_document_of_another_committee_cannot_be_attached(staff, meeting, item):
    other = factories.committee(meeting.committee.body)
    case = factories.case(meeting.committee.body, committee=other)
    document = factories.document(case=case)
    page = post(
        staff, "agenda_item_attach", meeting, {f"a{item.pk}-document": document.pk}, item=item.pk
    )
    assert "Välj en handling i nämndens ärenden som inte redan är bifogad." in page
    assert not item.documents.exists()
