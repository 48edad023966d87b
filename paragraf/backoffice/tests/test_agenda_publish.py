"""Publishing the agenda from the builder sends the notice once."""

import pytest
from django.urls import reverse

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import agenda


@pytest.fixture
def meeting(committee):
    factories.membership(committee, person=factories.person(email="ledamot@example.se"))
    factories.membership(committee, person=factories.person(email=""))
    meeting = factories.meeting(committee, state=Meeting.State.PLANNED)
    agenda.add_item(meeting, title="Ett ärende")
    return meeting


def test_publishing_sends_the_notice_once_even_when_submitted_twice(
    client, secretary, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    url = reverse("backoffice:agenda_publish", kwargs={"meeting": meeting.pk})
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, follow=True).content.decode()
        again = client.post(url, follow=True).content.decode()
    assert len(mailoutbox) == 1
    assert "Antal som fick kallelsen: 1." in page
    assert "utan e-postadress, som inte fick kallelsen: 1." in page
    assert "Föredragningslistan är redan publicerad." in again
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.NOTICE_PUBLISHED


def test_an_empty_agenda_is_not_published(client, secretary, committee, mailoutbox):
    meeting = factories.meeting(committee, state=Meeting.State.PLANNED)
    client.force_login(secretary)
    url = reverse("backoffice:agenda_publish", kwargs={"meeting": meeting.pk})
    page = client.post(url, follow=True).content.decode()
    assert "Lägg till minst en punkt innan du publicerar." in page
    assert client.get(url).status_code == 405


def test_a_change_in_the_builder_after_publishing_notifies_again(
    client, secretary, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        agenda.publish_agenda(meeting)
        client.post(
            reverse("backoffice:agenda_add_standard", kwargs={"meeting": meeting.pk}),
            {"key": "ovriga-fragor"},
        )
    meeting.refresh_from_db()
    assert meeting.agenda_changed_at is not None
    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject.startswith("Ändrad kallelse")
