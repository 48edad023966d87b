"""A committee's meetings, and creating a new one."""

import pytest
from django.urls import reverse

from paragraf import factories
from paragraf.meetings.models import Location, Meeting


@pytest.fixture
def url(committee):
    return reverse("backoffice:agenda_meeting_new", kwargs={"committee": committee.slug})


def test_the_list_shows_the_committees_meetings(client, users, committee):
    factories.meeting(committee, name="Budgetmöte")
    client.force_login(users["ledamot"])
    page = client.get(reverse("backoffice:agenda_meetings", kwargs={"committee": committee.slug}))
    assert page.status_code == 200
    assert "Budgetmöte" in page.content.decode()
    # Members see the list, not the form.
    assert "Skapa sammanträdet" not in page.content.decode()


def test_a_secretary_creates_a_planned_meeting_at_a_new_place(client, secretary, committee, url):
    client.force_login(secretary)
    data = {"start": "2026-12-10T09:00", "end": "2026-12-10T12:00", "new_location": "Sal A"}
    response = client.post(url, data)
    meeting = Meeting.objects.get(committee=committee)
    assert response.status_code == 302
    assert response.url == reverse("backoffice:agenda_builder", kwargs={"meeting": meeting.pk})
    assert meeting.state == Meeting.State.PLANNED
    assert meeting.location.description == "Sal A"
    client.post(url, data)  # double submit
    assert Meeting.objects.filter(committee=committee).count() == 1
    assert Location.objects.filter(description="Sal A").count() == 1


def test_it_refuses_an_end_before_the_start(client, secretary, committee, url):
    client.force_login(secretary)
    page = client.post(url, {"start": "2026-12-10T09:00", "end": "2026-12-10T08:00"})
    assert "Sammanträdet kan inte sluta innan det börjar." in page.content.decode()
    assert not Meeting.objects.filter(committee=committee).exists()


def test_it_asks_for_the_start_and_one_place(client, secretary, url):
    place = Location.objects.create(description="Regionhuset")
    client.force_login(secretary)
    page = client.post(url, {"location": place.pk, "new_location": "Sal B"}).content.decode()
    assert "Detta fält måste fyllas i." in page
    assert "Välj en plats eller skriv en ny, inte båda." in page


def test_it_refuses_a_date_that_is_not_a_date(client, secretary, url):
    client.force_login(secretary)
    page = client.post(url, {"start": "tisdag"}).content.decode()
    assert "Fyll i ett giltigt datum/tid." in page
