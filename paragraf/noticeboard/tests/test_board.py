"""The public notice board: current notices, the archive, and the appeal calculator."""

import datetime

import pytest
import time_machine

from paragraf import factories
from paragraf.noticeboard.models import Notice

pytestmark = pytest.mark.django_db

URL = "/anslagstavla/"
JSON = {"HTTP_ACCEPT": "application/json"}


def notice(meeting, posted_on, removed_on, kind=Notice.Kind.MINUTES):
    return Notice.objects.create(
        committee=meeting.committee,
        meeting=meeting,
        kind=kind,
        verified_on=posted_on,
        posted_on=posted_on,
        appeal_until=removed_on - datetime.timedelta(days=1),
        removed_on=removed_on,
        minutes_kept_at="Regionens diarium",
    )


@pytest.fixture
def notices():
    committee = factories.seed_committee()
    old = factories.meeting(committee, day=datetime.date(2022, 11, 2))
    new = factories.meeting(committee, day=datetime.date(2022, 12, 14))
    notice(old, datetime.date(2022, 11, 7), datetime.date(2022, 11, 29))
    notice(new, datetime.date(2022, 12, 16), datetime.date(2023, 1, 10))
    return old, new


def sections(html):
    current, rest = html.split('id="overklaga"')
    return current, rest.split('id="arkiv"')[1]


@time_machine.travel(datetime.datetime(2022, 12, 20, 12))
def test_it_lists_current_notices_and_the_archive_by_date(client, notices):
    old, new = notices
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Anslagstavla" in html
    current, archive = sections(html)
    assert new.get_absolute_url() in current and "2023-01-09" in current
    assert old.get_absolute_url() in archive and old.get_absolute_url() not in current
    assert "Regionens diarium" in current
    assert not response.cookies


@time_machine.travel(datetime.datetime(2023, 1, 11, 12))
def test_a_notice_moves_to_the_archive_when_it_comes_down(client, notices):
    current, archive = sections(client.get(URL).content.decode())
    assert notices[1].get_absolute_url() in archive
    assert "Det finns inga anslag" in current


def test_it_answers_until_when_one_can_appeal(client):
    response = client.get(URL, {"uppsatt": "2023-03-17"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "tisdag 11 april 2023" in html
    assert "onsdag 12 april 2023" in html


def test_it_answers_in_json_when_asked(client):
    response = client.get(URL, {"uppsatt": "2022-12-16"}, **JSON)
    assert response.status_code == 200
    assert response.json() == {
        "uppsatt": "2022-12-16",
        "sista_dag_att_overklaga": "2023-01-09",
        "nedtagning": "2023-01-10",
    }
    assert "Accept" in response["Vary"]


def test_a_browser_accepting_anything_gets_the_page(client):
    response = client.get(
        URL, {"uppsatt": "2022-12-16"}, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8"
    )
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("value", ["", "igår", "2023-02-30", "17/3/2023", "9999-12-31", "2023-3-7"])
def test_bad_dates_get_a_swedish_message(client, value):
    response = client.get(URL, {"uppsatt": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "datum" in html.lower()


@pytest.mark.parametrize("value", ["", "igår", "2023-02-30", "9999-12-31", "0000-01-01"])
def test_bad_dates_get_a_json_error(client, value):
    response = client.get(URL, {"uppsatt": value}, **JSON)
    assert response.status_code == 400
    assert "datum" in response.json()["fel"].lower()


@time_machine.travel(datetime.datetime(2022, 12, 20, 12))
def test_it_leaves_out_notices_of_deleted_meetings(client, notices):
    old, new = notices
    new.deleted_at = datetime.datetime(2022, 12, 19, tzinfo=datetime.UTC)
    new.save(update_fields=["deleted_at"])
    assert new.get_absolute_url() not in client.get(URL).content.decode()
