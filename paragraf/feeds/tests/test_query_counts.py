"""Feeds, calendars and the sitemap cost the same number of queries for two
meetings as for twenty."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from paragraf import factories
from paragraf.meetings.models import Location
from paragraf.meetings.services import number_paragraphs
from paragraf.noticeboard.models import Notice

COMMITTEE = "/oppna-data/namnder/regional-tillvaxtnamnd/"
URLS = [
    "/oppna-data/kalender.ics",
    COMMITTEE + "kalender.ics",
    "/oppna-data/flode.rss",
    COMMITTEE + "flode.atom",
    "/sitemap.xml",
    "/sitemap-namnder.xml",
    "/sitemap-sammantraden.xml",
    "/sitemap-punkter.xml",
    "/sitemap-paragrafer.xml",
    "/oppna-data/",
]


def add_meetings(committee, count, first_day):
    place = Location.objects.create(description="Regionhuset")
    for n in range(count):
        day = first_day + datetime.timedelta(days=7 * n)
        meeting = factories.meeting(committee, day=day, state="anslaget", location=place)
        for _ in range(3):
            factories.item(meeting, case=factories.case(committee.body))
        number_paragraphs(meeting)
        Notice.objects.create(
            committee=committee,
            meeting=meeting,
            verified_on=day,
            posted_on=day,
            appeal_until=day,
            removed_on=day,
            minutes_kept_at="Regionkansliet",
        )


@pytest.mark.parametrize("url", URLS)
def test_queries_do_not_grow_with_the_meetings(
    client, committee, today, url, django_assert_max_num_queries
):
    add_meetings(committee, 2, datetime.date(2022, 1, 5))
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_meetings(committee, 20, datetime.date(2022, 3, 2))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
