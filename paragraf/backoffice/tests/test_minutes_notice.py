"""Posting the notice of verified minutes from the minutes editor, also when late."""

import datetime

import time_machine

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.noticeboard.models import Notice

VERIFIED = datetime.datetime(2023, 3, 17, 10, tzinfo=factories.STOCKHOLM)


def verified_without_notice(committee):
    meeting = factories.meeting(committee, day=datetime.date(2023, 3, 15), state=Meeting.State.HELD)
    meeting.state = Meeting.State.MINUTES_VERIFIED
    meeting.minutes_verified_at = VERIFIED
    meeting.save()
    return meeting


def test_the_editor_offers_to_post_a_missing_notice(client, secretary, committee):
    meeting = verified_without_notice(committee)
    client.force_login(secretary)
    html = client.get(f"/kansli/moten/{meeting.pk}/protokoll/").content.decode()
    assert "Anslå nu" in html


@time_machine.travel(datetime.datetime(2023, 3, 24, 9, tzinfo=factories.STOCKHOLM))
def test_a_late_notice_is_still_posted_and_the_appeal_runs_from_then(client, secretary, committee):
    meeting = verified_without_notice(committee)
    client.force_login(secretary)
    response = client.post(f"/kansli/moten/{meeting.pk}/protokoll/anslag/", follow=True)
    assert "Anslaget finns nu på anslagstavlan." in response.content.decode()
    notice = Notice.objects.get(meeting=meeting)
    assert notice.posted_on == datetime.date(2023, 3, 24)
    assert notice.appeal_until == datetime.date(2023, 4, 14)
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.NOTICE_POSTED
    # Posting twice makes no second notice.
    client.post(f"/kansli/moten/{meeting.pk}/protokoll/anslag/")
    assert Notice.objects.filter(meeting=meeting).count() == 1


def test_a_notice_cannot_be_posted_for_minutes_not_verified(client, secretary, committee):
    meeting = factories.meeting(committee, state=Meeting.State.HELD)
    client.force_login(secretary)
    response = client.post(f"/kansli/moten/{meeting.pk}/protokoll/anslag/", follow=True)
    assert "kan bara sättas upp för ett justerat protokoll" in response.content.decode()
    assert not Notice.objects.filter(meeting=meeting).exists()
