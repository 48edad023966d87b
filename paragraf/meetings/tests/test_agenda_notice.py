"""Publishing the agenda sends the notice (kallelse) with a calendar invitation."""

import datetime

import icalendar
import pytest
import time_machine
from django.core.exceptions import ValidationError

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import agenda
from paragraf.organisation.models import Membership

CHANGED = datetime.datetime(2022, 12, 2, 9, tzinfo=datetime.UTC)


@pytest.fixture
def meeting(db, settings):
    settings.SITE_URL = "https://moten.example.se"
    committee = factories.committee(name="Regional tillväxtnämnd")
    factories.membership(committee, person=factories.person(email="ledamot@example.se"))
    factories.membership(
        committee,
        role=Membership.Role.SUBSTITUTE,
        person=factories.person(email="ersattare@example.se"),
    )
    factories.membership(committee, person=factories.person(email=""))
    factories.membership(
        committee,
        person=factories.person(email="gammal@example.se"),
        end_date=datetime.date(2020, 1, 1),
    )
    meeting = factories.meeting(committee, state=Meeting.State.PLANNED)
    agenda.add_item(meeting, title="Ett ärende")
    return meeting


def invitation(message):
    (name, content, mimetype) = message.attachments[0]
    assert name.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["METHOD"] == "REQUEST"
    return next(c for c in calendar.walk() if c.name == "VEVENT")


def publish(meeting, capture):
    with capture(execute=True):
        return agenda.publish_agenda(meeting)


def test_publishing_mails_each_current_member_and_substitute_once(
    meeting, mailoutbox, django_capture_on_commit_callbacks
):
    report = publish(meeting, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mailoutbox) == ["ersattare@example.se", "ledamot@example.se"]
    assert (report.sent, report.skipped) == (2, 1)
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.NOTICE_PUBLISHED
    assert meeting.notice_published_at is not None
    message = mailoutbox[0]
    url = "https://moten.example.se" + meeting.get_absolute_url()
    assert url in message.body
    assert message.subject == "Kallelse: Regional tillväxtnämnd, 14 december 2022"
    assert "kl. 09.00" in message.body
    assert url in message.alternatives[0][0]


def test_the_invitation_is_a_valid_calendar_event(
    meeting, mailoutbox, django_capture_on_commit_callbacks
):
    publish(meeting, django_capture_on_commit_callbacks)
    event = invitation(mailoutbox[0])
    assert str(event["SUMMARY"]) == "Regional tillväxtnämnd sammanträde"
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("DTSTART") == meeting.start
    assert event["DTEND"].params["TZID"] == "Europe/Stockholm"
    assert str(event["URL"]).startswith("https://moten.example.se/")
    assert event["SEQUENCE"] == 0
    assert event["UID"] == invitation(mailoutbox[1])["UID"]


def test_publishing_twice_sends_the_notice_once(
    meeting, mailoutbox, django_capture_on_commit_callbacks
):
    publish(meeting, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError) as error:
        publish(meeting, django_capture_on_commit_callbacks)
    assert error.value.messages == ["Föredragningslistan är redan publicerad."]
    assert len(mailoutbox) == 2


def test_an_empty_agenda_cannot_be_published(db, mailoutbox):
    meeting = factories.meeting(state=Meeting.State.PLANNED)
    with pytest.raises(ValidationError) as error:
        agenda.publish_agenda(meeting)
    assert error.value.messages == ["Lägg till minst en punkt innan du publicerar."]
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.PLANNED


def test_nothing_is_sent_when_the_transaction_fails(meeting, mailoutbox):
    # Without the commit callbacks running (the test transaction never commits).
    agenda.publish_agenda(meeting)
    assert mailoutbox == []


def test_a_change_after_publishing_is_marked_and_renews_the_notice(
    meeting, mailoutbox, django_capture_on_commit_callbacks
):
    with time_machine.travel(datetime.datetime(2022, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        publish(meeting, django_capture_on_commit_callbacks)
    first = invitation(mailoutbox[0])
    with (
        time_machine.travel(CHANGED, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        agenda.add_item(meeting, title="Nytt ärende")
    meeting.refresh_from_db()
    assert meeting.agenda_changed_at == CHANGED
    assert len(mailoutbox) == 4
    renewed = invitation(mailoutbox[2])
    assert "Ändrad kallelse" in mailoutbox[2].subject
    assert renewed["UID"] == first["UID"]
    assert renewed["SEQUENCE"] > first["SEQUENCE"]
    with (
        time_machine.travel(CHANGED, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        agenda.move_item(meeting.items.last(), "up")
    assert invitation(mailoutbox[4])["SEQUENCE"] > renewed["SEQUENCE"]
    assert len(mailoutbox) == 6


def test_a_change_before_publishing_sends_nothing(
    meeting, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        agenda.add_item(meeting, title="Nytt")
    meeting.refresh_from_db()
    assert meeting.agenda_changed_at is None
    assert mailoutbox == []


def test_a_repeated_change_after_publishing_notifies_once(
    meeting, mailoutbox, django_capture_on_commit_callbacks
):
    publish(meeting, django_capture_on_commit_callbacks)
    item = meeting.items.get()
    with django_capture_on_commit_callbacks(execute=True):
        agenda.set_item_public(item, False)
        agenda.set_item_public(item, False)  # double submit: nothing changes
        agenda.move_item(item, "up")  # already first: nothing moves
    assert len(mailoutbox) == 4
