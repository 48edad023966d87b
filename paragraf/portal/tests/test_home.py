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
