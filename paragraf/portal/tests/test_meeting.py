import datetime

import pytest

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import number_paragraphs


def test_it_shows_the_minutes_once_verified(client, meeting_url):
    html = client.get(meeting_url).content.decode()
    assert "§ 1" in html
    assert "Verksamhetsbidrag 2023 till Hopajola" in html
    assert "Hopajola ansöker om cirka 305 000 kronor." in html  # the minutes' own text
    assert "Regional tillväxtnämnd beviljar 305 000 kronor." in html
    assert "Tillkommet ärende" in html  # added at the meeting: § 3


def test_it_shows_the_agenda_text_next_to_the_minutes(client, meeting_url):
    html = client.get(meeting_url).content.decode()
    assert "Hopajola ansöker om ca 305 000 kronor." in html
    assert "Ansökan Hopajola" in html


def test_it_numbers_added_items_and_skips_withdrawn_ones(client, meeting_url):
    html = client.get(meeting_url).content.decode()
    assert "§ 3" in html and "§ 4" not in html
    assert "Utgånget ärende" in html  # still on the agenda, marked withdrawn
    assert "Utgår" in html


@pytest.mark.parametrize("state", [Meeting.State.NOTICE_PUBLISHED, Meeting.State.HELD])
def test_it_never_shows_minutes_before_verification(client, verified_meeting, meeting_url, state):
    verified_meeting.state = state
    verified_meeting.save()
    html = client.get(meeting_url).content.decode()
    assert "Verksamhetsbidrag 2023 till Hopajola" in html  # the agenda is there
    assert "§ 1" not in html
    assert "beviljar 305 000" not in html
    assert "Tillkommet ärende" not in html


def test_a_planned_meeting_is_not_public(client, verified_meeting, meeting_url):
    verified_meeting.state = Meeting.State.PLANNED
    verified_meeting.save()
    response = client.get(meeting_url)
    assert response.status_code == 404


def test_a_cancelled_meeting_says_so_without_its_agenda(client, verified_meeting, meeting_url):
    verified_meeting.state = Meeting.State.CANCELLED
    verified_meeting.save()
    html = client.get(meeting_url).content.decode()
    assert "inställt" in html
    assert "Hopajola" not in html


def test_a_change_shows_at_once_despite_the_page_cache(client, verified_meeting, meeting_url):
    client.get(meeting_url)
    paragraph = verified_meeting.items.get(position=1).paragraph
    paragraph.decision = "Ett rättat beslut."
    paragraph.save()
    assert "Ett rättat beslut." in client.get(meeting_url).content.decode()


def test_a_second_meeting_on_the_same_day_gets_its_own_address(client, verified_meeting):
    second = factories.meeting(verified_meeting.committee, hour=14)
    assert second.slug == "mote-2022-12-14-2"
    response = client.get("/namnder/regional-tillvaxtnamnd/mote-2022-12-14-2/")
    assert response.status_code == 200


def _meeting_with_items(committee, count, day):
    meeting = factories.meeting(committee, day=day)
    for _ in range(count):
        item = factories.item(meeting, summary="Text")
        factories.attach(item)
        factories.attach(item, factories.document(title="Bilaga 2"), position=1)
    number_paragraphs(meeting)
    return meeting


def test_its_query_count_does_not_grow_with_the_items(client, committee, django_assert_num_queries):
    small = _meeting_with_items(committee, 5, datetime.date(2022, 3, 1))
    large = _meeting_with_items(committee, 50, datetime.date(2022, 4, 1))
    client.get("/")  # the site's body is cached across pages; leave it out of the count
    # Its cache version, the meeting (with committee and place), items, attachments,
    # what the minutes record (motions, votes, reservations, notes, conflicts; movers
    # and ballots only when there are motions and votes), corrections of the minutes.
    with django_assert_num_queries(10) as small_queries:
        assert client.get(small.get_absolute_url()).status_code == 200
    with django_assert_num_queries(len(small_queries)):
        response = client.get(large.get_absolute_url())
    assert response.content.decode().count("Bilaga 2") == 50


def test_a_cached_page_costs_one_query(client, meeting_url, django_assert_num_queries):
    first = client.get(meeting_url).content
    with django_assert_num_queries(1):
        assert client.get(meeting_url).content == first


def test_a_correction_is_shown_publicly_as_such(client, verified_meeting, meeting_url):
    from django.utils import timezone

    from paragraf.meetings.models import MinutesVersion
    from paragraf.meetings.services.minutes import correct_minutes

    verified_meeting.minutes_verified_at = timezone.now()
    verified_meeting.save()
    MinutesVersion.objects.create(meeting=verified_meeting, number=1)  # the justering
    client.get(meeting_url)  # cached before the correction
    paragraph = verified_meeting.items.get(position=1).paragraph
    correct_minutes(
        verified_meeting,
        {paragraph.pk: {"decision": "Regional tillväxtnämnd beviljar 350 000 kronor."}},
        "Fel belopp i beslutet",
        by=None,
    )
    html = client.get(meeting_url).content.decode()
    assert "Rättat" in html and "Fel belopp i beslutet" in html
    assert "beviljar 350 000 kronor" in html
