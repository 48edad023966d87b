"""Every feed and download: its Content-Type, an ETag and Last-Modified that
answer a repeated request with 304, HEAD, no cookies, and nothing but GET."""

import datetime

import pytest
from django.utils.http import http_date

COMMITTEE = "/oppna-data/namnder/regional-tillvaxtnamnd/"
URLS = {
    "/oppna-data/kalender.ics": "text/calendar; charset=utf-8",
    COMMITTEE + "kalender.ics": "text/calendar; charset=utf-8",
    COMMITTEE + "mote-2022-12-14.ics": "text/calendar; charset=utf-8",
    "/oppna-data/flode.rss": "application/rss+xml; charset=utf-8",
    "/oppna-data/flode.atom": "application/atom+xml; charset=utf-8",
    COMMITTEE + "flode.rss": "application/rss+xml; charset=utf-8",
    COMMITTEE + "flode.atom": "application/atom+xml; charset=utf-8",
    COMMITTEE + "beslut-2022.csv": "text/csv; charset=utf-8",
    COMMITTEE + "beslut-2022.json": "application/json; charset=utf-8",
    "/sitemap.xml": "application/xml; charset=utf-8",
    "/sitemap-paragrafer.xml": "application/xml; charset=utf-8",
    "/oppna-data/": "text/html; charset=utf-8",
}
DATA_URLS = [url for url in URLS if url != "/oppna-data/"]


@pytest.mark.parametrize(("url", "content_type"), URLS.items())
def test_a_second_request_with_the_etag_gets_304(client, verified_meeting, url, content_type):
    first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == content_type
    assert "public" in first["Cache-Control"]
    assert not first.cookies
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize("url", DATA_URLS)
def test_last_modified_is_when_the_data_last_changed(client, verified_meeting, url):
    response = client.get(url)
    assert response["Last-Modified"] == http_date(verified_meeting.modified.timestamp())
    again = client.get(url, headers={"If-Modified-Since": response["Last-Modified"]})
    assert again.status_code == 304


@pytest.mark.parametrize("url", DATA_URLS)
def test_a_change_to_a_meeting_makes_the_old_copy_stale(client, verified_meeting, today, url):
    first = client.get(url)
    today.shift(datetime.timedelta(minutes=10))
    # The committee's name is in every feed, export and page.
    verified_meeting.committee.name = "Regional utvecklingsnämnd"
    verified_meeting.committee.save()
    again = client.get(
        url,
        headers={
            "If-None-Match": first["ETag"],
            "If-Modified-Since": first["Last-Modified"],
        },
    )
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


@pytest.mark.parametrize(("url", "content_type"), URLS.items())
def test_head_answers_like_get_without_a_body(client, verified_meeting, url, content_type):
    response = client.head(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["ETag"] == client.get(url)["ETag"]
    assert response.content == b""


@pytest.mark.parametrize("url", URLS)
def test_other_methods_are_refused(client, verified_meeting, url):
    assert client.post(url).status_code == 405


def test_etags_differ_between_feeds_of_the_same_data(client, verified_meeting):
    etags = {client.get(url)["ETag"] for url in DATA_URLS}
    assert len(etags) == len(DATA_URLS)


def test_pages_of_one_address_have_their_own_etag(client, verified_meeting):
    first = client.get("/sitemap-sidor.xml")
    also_first = client.get("/sitemap-sidor.xml?p=1")
    assert first.content == also_first.content
    assert first["ETag"] != also_first["ETag"]
