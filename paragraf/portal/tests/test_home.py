import datetime

import time_machine

from paragraf import factories
from paragraf.meetings.models import Meeting


@time_machine.travel(datetime.datetime(2022, 12, 1, 12, tzinfo=factories.STOCKHOLM))
def test_it_lists_upcoming_meetings_and_latest_minutes(client, verified_meeting, committee):
    earlier = factories.meeting(committee, day=datetime.date(2022, 11, 9))
    hidden = factories.meeting(committee, day=datetime.date(2022, 12, 20))
    hidden.state = Meeting.State.PLANNED
    hidden.save()
    html = client.get("/").content.decode()
    upcoming, latest = html.split("Senaste protokollen")
    assert "14 december 2022" in upcoming  # the seed meeting is still ahead
    assert "20 december 2022" not in html  # planned, not yet announced
    assert "9 november 2022" in latest
    assert earlier.get_absolute_url() in latest


def test_it_says_so_when_there_is_nothing_to_show(client, db):
    html = client.get("/").content.decode()
    assert "Inga sammanträden är utlysta." in html
    assert "Inga protokoll är publicerade ännu." in html


def test_a_visitor_sees_a_change_at_once_though_the_page_is_cached(
    client, committee, django_assert_max_num_queries, time_machine
):
    time_machine.move_to(datetime.datetime(2022, 12, 1, 12, tzinfo=factories.STOCKHOLM))
    meeting = factories.meeting(committee, day=datetime.date(2022, 12, 14))
    assert "14 december 2022" in client.get("/").content.decode()
    with django_assert_max_num_queries(1):  # from the cache: only the version is read
        assert "14 december 2022" in client.get("/").content.decode()

    time_machine.shift(datetime.timedelta(minutes=1))
    meeting.start += datetime.timedelta(days=1)
    meeting.save()
    html = client.get("/").content.decode()
    assert "15 december 2022" in html and "14 december 2022" not in html


def test_a_meeting_leaves_the_upcoming_list_when_it_starts(client, committee, time_machine):
    time_machine.move_to(datetime.datetime(2022, 12, 14, 8, 58, tzinfo=factories.STOCKHOLM))
    factories.meeting(committee, day=datetime.date(2022, 12, 14), hour=9)
    upcoming = client.get("/").content.decode().split("Senaste protokollen")[0]
    assert "14 december 2022" in upcoming
    time_machine.shift(datetime.timedelta(minutes=3))
    upcoming = client.get("/").content.decode().split("Senaste protokollen")[0]
    assert "14 december 2022" not in upcoming
