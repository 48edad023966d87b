"""Edits in Django's admin that would break the rules are refused with a clear message."""

import datetime

from paragraf import factories
from paragraf.cases.models import Case
from paragraf.meetings.models import Paragraph
from paragraf.meetings.services import number_paragraphs


def test_it_refuses_a_paragraph_number_the_committee_already_used_that_year(admin_client, db):
    committee = factories.committee()
    earlier = factories.meeting(committee, day=datetime.date(2022, 3, 1))
    factories.item(earlier)
    number_paragraphs(earlier)
    later = factories.meeting(committee, day=datetime.date(2022, 4, 1))
    item = factories.item(later)
    response = admin_client.post(
        "/admin/meetings/paragraph/add/",
        {"agenda_item": item.pk, "number": 1, "title": "", "summary": "", "decision": "x"},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "§ 1 används redan av nämnden 2022." in response.content.decode()
    assert not Paragraph.objects.filter(agenda_item=item).exists()


def test_it_accepts_the_same_number_in_another_year(admin_client, db):
    committee = factories.committee()
    earlier = factories.meeting(committee, day=datetime.date(2022, 3, 1))
    factories.item(earlier)
    number_paragraphs(earlier)
    item = factories.item(factories.meeting(committee, day=datetime.date(2023, 2, 1)))
    response = admin_client.post(
        "/admin/meetings/paragraph/add/",
        {"agenda_item": item.pk, "number": 1, "title": "", "summary": "", "decision": "x"},
    )
    assert response.status_code == 302
    assert Paragraph.objects.get(agenda_item=item).year == 2023


def test_the_number_of_an_existing_paragraph_cannot_be_edited(admin_client, db):
    meeting = factories.meeting()
    factories.item(meeting)
    paragraph = number_paragraphs(meeting)[0]
    response = admin_client.post(
        f"/admin/meetings/paragraph/{paragraph.pk}/change/",
        {"agenda_item": paragraph.agenda_item_id, "number": 9, "decision": "Nytt beslut"},
    )
    assert response.status_code == 302
    paragraph.refresh_from_db()
    assert (paragraph.number, paragraph.decision) == (1, "Nytt beslut")


def test_it_refuses_a_case_number_used_twice_in_a_body(admin_client, db):
    body = factories.body()
    factories.case(body, reference="RS 2022/123")
    response = admin_client.post(
        "/admin/cases/case/add/",
        {
            "body": body.pk,
            "reference": "RS 2022/123",
            "title": "Dubblett",
            "status": "oppet",
            "is_public": "on",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Diarienumret används redan av ett annat ärende." in response.content.decode()
    assert Case.objects.filter(reference="RS 2022/123").count() == 1
