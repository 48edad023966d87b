"""The overview: what each committee's secretary must still do."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from paragraf import factories
from paragraf.meetings.models import AgendaItem, Approval, Meeting
from paragraf.noticeboard.models import Notice

TZ = factories.STOCKHOLM
TODAY = datetime.datetime(2022, 12, 20, 10, tzinfo=TZ)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def at(day, hour=12):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


@pytest.fixture
def work(committee):
    planned = factories.meeting(
        committee, day=datetime.date(2023, 1, 10), state=Meeting.State.PLANNED, name="Januari"
    )
    item = factories.item(planned, state=AgendaItem.State.ON_AGENDA)
    factories.attach(item, factories.document(title="Ogranskad", is_public=False))
    factories.attach(item, factories.document(title="Granskad", is_public=True))
    secret = factories.item(planned, state=AgendaItem.State.ON_AGENDA, is_public=False)
    factories.attach(secret, factories.document(title="Hemlig", is_public=False))
    ready = factories.meeting(
        committee,
        day=datetime.date(2023, 2, 1),
        state=Meeting.State.NOTICE_PUBLISHED,
        name="Februari",
    )
    recent = factories.meeting(
        committee, day=datetime.date(2022, 12, 14), state=Meeting.State.HELD, name="December"
    )
    Approval.objects.create(
        meeting=recent,
        person=factories.person(given_name="Anna", family_name="Justerare"),
        role=Approval.Role.VERIFIER,
    )
    late = factories.meeting(
        committee, day=datetime.date(2022, 11, 20), state=Meeting.State.HELD, name="November"
    )
    unposted = factories.meeting(
        committee,
        day=datetime.date(2022, 12, 1),
        state=Meeting.State.MINUTES_VERIFIED,
        minutes_verified_at=at(datetime.date(2022, 12, 15)),
        name="Tidig december",
    )
    fresh = factories.meeting(
        committee,
        day=datetime.date(2022, 12, 8),
        state=Meeting.State.MINUTES_VERIFIED,
        minutes_verified_at=at(datetime.date(2022, 12, 20), 9),
        name="Mitten av december",
    )
    posted = factories.meeting(
        committee,
        day=datetime.date(2022, 10, 1),
        state=Meeting.State.NOTICE_POSTED,
        minutes_verified_at=at(datetime.date(2022, 10, 5)),
        name="Oktober",
    )
    day = datetime.date(2022, 10, 6)
    Notice.objects.create(
        committee=committee,
        meeting=posted,
        verified_on=day,
        posted_on=day,
        appeal_until=day,
        removed_on=day,
        minutes_kept_at="Regionhuset",
    )
    return locals()


def section(response, committee):
    return next(s for s in response.context["sections"] if s["committee"] == committee)


def test_upcoming_meetings_show_what_is_missing(client, secretary, committee, work):
    client.force_login(secretary)
    response = client.get(reverse("backoffice:dashboard"))
    upcoming = section(response, committee)["upcoming"]
    assert [m.name for m in upcoming] == ["Januari", "Februari"]
    assert [m.unreviewed for m in upcoming] == [1, 0]
    page = response.content.decode()
    assert "Saknas: föredragningslistan är inte publicerad." in page
    assert "inte granskade): 1." in page
    assert page.count("Saknas:") == 2


def test_minutes_awaiting_verification_show_the_days_left(client, secretary, committee, work):
    client.force_login(secretary)
    response = client.get(reverse("backoffice:dashboard"))
    verifying = section(response, committee)["verifying"]
    assert [(m.name, m.days_left, m.overdue) for m in verifying] == [
        ("November", -16, True),
        ("December", 8, False),
    ]
    page = response.content.decode()
    assert "dagar kvar att justera: 8 (senast 2022-12-28)." in page
    assert "Väntar på: Anna Justerare (justerare)" in page
    assert '<li class="overdue">' in page
    assert "<strong>Försenad</strong> – skulle ha justerats senast 2022-12-04; dagar sent: 16." in (
        " ".join(page.split())
    )


def test_verified_minutes_without_a_notice_are_to_be_posted(client, secretary, committee, work):
    client.force_login(secretary)
    response = client.get(reverse("backoffice:dashboard"))
    notices = section(response, committee)["notices"]
    assert [(m.name, m.post_by, m.overdue) for m in notices] == [
        ("Tidig december", datetime.date(2022, 12, 17), True),
        ("Mitten av december", datetime.date(2022, 12, 22), False),
    ]
    page = " ".join(response.content.decode().split())
    assert "<strong>Försenad</strong> – sätt upp anslaget senast 2022-12-17." in page
    assert "sätt upp anslaget senast 2022-12-22." in page


def test_a_member_sees_only_upcoming_meetings(client, users, committee, work):
    client.force_login(users["ledamot"])
    response = client.get(reverse("backoffice:dashboard"))
    mine = section(response, committee)
    assert [m.name for m in mine["upcoming"]] == ["Januari", "Februari"]
    assert mine["verifying"] == [] and mine["notices"] == []
    page = response.content.decode()
    assert "Protokoll som väntar på justering" not in page
    assert "Saknas" not in page


def test_another_committees_secretary_sees_none_of_it(client, users, committee, work):
    client.force_login(users["utomstaende"])
    response = client.get(reverse("backoffice:dashboard"))
    assert committee not in [s["committee"] for s in response.context["sections"]]
    assert "Januari" not in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_meetings(client, secretary, committee, work):
    client.force_login(secretary)
    url = reverse("backoffice:dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        meeting = factories.meeting(
            committee, day=datetime.date(2022, 11, 1 + n), state=Meeting.State.HELD
        )
        Approval.objects.create(
            meeting=meeting, person=factories.person(), role=Approval.Role.VERIFIER
        )
        factories.meeting(committee, day=datetime.date(2023, 3, 1 + n), state=Meeting.State.PLANNED)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(section(response, committee)["verifying"]) == 7
    assert len(many) == len(few)
    assert len(few) <= 14


def test_a_member_finds_the_documents_of_a_published_meeting(client, users, committee, work):
    item = factories.item(work["ready"], title="Företagsstöd", state=AgendaItem.State.ON_AGENDA)
    document = factories.attach(item, factories.document(title="Ansökan", is_public=False))
    client.force_login(users["ledamot"])
    page = client.get(reverse("backoffice:dashboard")).content.decode()
    link = reverse("backoffice:cases_document", kwargs={"document": document.pk})
    assert f'<a href="{link}">Ansökan</a> (PDF, inte offentlig)' in page
    # The planned meeting's agenda is not published: its documents are not listed.
    assert "Ogranskad" not in page
