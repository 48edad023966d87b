import datetime

import icalendar
import pytest

from paragraf import factories
from paragraf.feeds.tests.conftest import assert_no_secret
from paragraf.meetings import notify
from paragraf.meetings.models import Location, Meeting

COMMITTEE_CALENDAR = "/oppna-data/namnder/regional-tillvaxtnamnd/kalender.ics"
ALL_CALENDAR = "/oppna-data/kalender.ics"


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(meeting):
    return f"meeting-{meeting.pk}@127.0.0.1"


@pytest.mark.parametrize("url", [COMMITTEE_CALENDAR, ALL_CALENDAR])
def test_it_lists_the_public_meetings_and_never_a_planned_one(client, everything, url):
    response = client.get(url)
    found = events(response)
    assert set(found) == {
        uid(everything["verified"]),
        uid(everything["upcoming"]),
        uid(everything["cancelled"]),
    }
    assert_no_secret(response.content.decode())


def test_a_meeting_has_its_time_in_stockholm_place_and_page(client, upcoming_meeting):
    location = Location.objects.create(
        description="Regionhuset", room="Kilsbergen", locality="Örebro"
    )
    upcoming_meeting.location = location
    upcoming_meeting.save()
    response = client.get(COMMITTEE_CALENDAR)
    event = events(response)[uid(upcoming_meeting)]
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Stockholm"
    assert start == upcoming_meeting.start
    assert event.decoded("DTEND") - start == datetime.timedelta(hours=2)
    assert str(event["LOCATION"]) == "Regionhuset, Kilsbergen, Örebro"
    assert str(event["URL"]) == (
        "http://testserver/namnder/regional-tillvaxtnamnd/mote-2023-01-25/"
    )
    assert str(event["SUMMARY"]) == "Regional tillväxtnämnd sammanträde"
    assert str(event["STATUS"]) == "CONFIRMED"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]


def test_a_cancelled_meeting_is_marked_cancelled(client, cancelled_meeting):
    event = events(client.get(COMMITTEE_CALENDAR))[uid(cancelled_meeting)]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("Inställt: ")


def test_the_uid_is_the_one_members_got_with_the_notice(client, upcoming_meeting):
    invitation = icalendar.Calendar.from_ical(notify.calendar(upcoming_meeting))
    invited = next(iter(invitation.walk("VEVENT")))
    event = events(client.get(COMMITTEE_CALENDAR))[uid(upcoming_meeting)]
    assert event["UID"] == invited["UID"]
    assert event.decoded("SEQUENCE") >= invited.decoded("SEQUENCE")


def test_a_moved_meeting_keeps_its_uid_and_announces_the_change(client, upcoming_meeting, today):
    before = events(client.get(COMMITTEE_CALENDAR))[uid(upcoming_meeting)]
    again = events(client.get(COMMITTEE_CALENDAR))[uid(upcoming_meeting)]
    assert again.to_ical() == before.to_ical()  # stable between requests

    today.shift(datetime.timedelta(minutes=5))
    upcoming_meeting.start += datetime.timedelta(days=1, hours=4)
    upcoming_meeting.save()
    after = events(client.get(COMMITTEE_CALENDAR))[uid(upcoming_meeting)]

    assert after["UID"] == before["UID"]
    assert after.decoded("SEQUENCE") > before.decoded("SEQUENCE")
    assert after.decoded("DTSTAMP") > before.decoded("DTSTAMP")
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert after.decoded("DTSTART") == datetime.datetime(
        2023, 1, 26, 13, tzinfo=factories.STOCKHOLM
    )


def test_a_change_gives_a_new_etag(client, upcoming_meeting, today):
    first = client.get(COMMITTEE_CALENDAR)
    today.shift(datetime.timedelta(minutes=1))
    upcoming_meeting.start += datetime.timedelta(hours=1)
    upcoming_meeting.save()
    second = client.get(COMMITTEE_CALENDAR, headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]


def test_the_all_committees_calendar_has_every_committee_but_a_deleted_one(
    client, upcoming_meeting, today
):
    other = factories.meeting(factories.committee(), day=datetime.date(2023, 1, 10), state="kallat")
    gone = factories.committee()
    hidden = factories.meeting(gone, day=datetime.date(2023, 1, 11), state="kallat")
    gone.soft_delete()
    found = events(client.get(ALL_CALENDAR))
    assert uid(upcoming_meeting) in found
    assert uid(other) in found
    assert uid(hidden) not in found
    assert uid(other) not in events(client.get(COMMITTEE_CALENDAR))


def test_meetings_before_last_year_are_left_out(client, committee, today):
    old = factories.meeting(committee, day=datetime.date(2020, 5, 5))
    recent = factories.meeting(committee, day=datetime.date(2021, 1, 1), hour=10)
    found = events(client.get(COMMITTEE_CALENDAR))
    assert uid(old) not in found
    assert uid(recent) in found


def test_a_deleted_meeting_leaves_the_calendar(client, upcoming_meeting):
    upcoming_meeting.soft_delete()
    assert uid(upcoming_meeting) not in events(client.get(COMMITTEE_CALENDAR))


def test_an_unknown_committee_gets_the_swedish_404(client, db):
    response = client.get("/oppna-data/namnder/finns-inte/kalender.ics")
    assert response.status_code == 404
    assert "Det finns ingen nämnd på den här adressen." in response.content.decode()


def test_planned_state_is_the_only_one_left_out(client, committee, today):
    shown = {state for state in Meeting.State if state != Meeting.State.PLANNED}
    meetings = {
        state: factories.meeting(committee, day=datetime.date(2023, 3, n + 1), state=state)
        for n, state in enumerate(Meeting.State)
    }
    found = events(client.get(COMMITTEE_CALENDAR))
    assert {state for state, m in meetings.items() if uid(m) in found} == shown


def test_one_meeting_can_be_added_from_its_page(client, upcoming_meeting):
    page = client.get("/namnder/regional-tillvaxtnamnd/mote-2023-01-25/").content.decode()
    url = "/oppna-data/namnder/regional-tillvaxtnamnd/mote-2023-01-25.ics"
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response["Content-Disposition"] == (
        'inline; filename="regional-tillvaxtnamnd-mote-2023-01-25.ics"'
    )
    found = events(response)
    assert list(found) == [uid(upcoming_meeting)]
    assert found[uid(upcoming_meeting)].to_ical() == (
        events(client.get(COMMITTEE_CALENDAR))[uid(upcoming_meeting)].to_ical()
    )


def test_a_planned_meeting_has_no_calendar_file(client, planned_meeting):
    response = client.get("/oppna-data/namnder/regional-tillvaxtnamnd/mote-2023-01-18.ics")
    assert response.status_code == 404
    assert "Nämnden har inget publicerat sammanträde den dagen." in response.content.decode()
    assert_no_secret(response.content.decode())


def test_a_cancelled_meeting_page_offers_no_calendar_file(client, cancelled_meeting):
    page = client.get("/namnder/regional-tillvaxtnamnd/mote-2023-02-01/").content.decode()
    assert ".ics" not in page
