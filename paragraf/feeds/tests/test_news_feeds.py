import datetime

import pytest

from paragraf import factories
from paragraf.feeds.tests.conftest import assert_no_secret, parse_xml

ATOM = "{http://www.w3.org/2005/Atom}"
COMMITTEE = "/oppna-data/namnder/regional-tillvaxtnamnd/"


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = parse_xml(response.content).find("channel")
    return [{child.tag: child.text for child in item} for item in channel.findall("item")]


def atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = parse_xml(response.content)
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Region Örebro län"
    entries = []
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id").text
        assert entry.find(f"{ATOM}updated").text
        entries.append(
            {
                "title": entry.find(f"{ATOM}title").text,
                "link": entry.find(f"{ATOM}link").get("href"),
            }
        )
    return entries


@pytest.mark.parametrize("url", [COMMITTEE + "flode.rss", "/oppna-data/flode.rss"])
def test_the_rss_feed_has_notices_minutes_and_board_postings(client, everything, url):
    response = client.get(url)
    items = rss_items(response)
    titles = [item["title"] for item in items]
    assert titles == [
        "Kallelse: Regional tillväxtnämnd, 25 januari 2023",
        "Anslag: Regional tillväxtnämnd, justerat protokoll från 14 december 2022",
        "Protokoll: Regional tillväxtnämnd, 14 december 2022",
        "Kallelse: Regional tillväxtnämnd, 14 december 2022",
    ]
    links = [item["link"] for item in items]
    assert links == [
        "http://testserver/namnder/regional-tillvaxtnamnd/mote-2023-01-25/",
        "http://testserver/anslagstavla/",
        "http://testserver/namnder/regional-tillvaxtnamnd/mote-2022-12-14/#protokoll",
        "http://testserver/namnder/regional-tillvaxtnamnd/mote-2022-12-14/",
    ]
    assert len({item["guid"] for item in items}) == 4
    # Posted 17 December: three weeks end on Saturday 7 January, so Monday counts.
    assert "överklagas till och med 9 januari 2023" in items[1]["description"]
    assert_no_secret(response.content.decode())


@pytest.mark.parametrize("url", [COMMITTEE + "flode.atom", "/oppna-data/flode.atom"])
def test_the_atom_feed_has_the_same_entries(client, everything, url):
    response = client.get(url)
    entries = atom_entries(response)
    assert [entry["title"] for entry in entries] == [
        item["title"] for item in rss_items(client.get(url.replace(".atom", ".rss")))
    ]
    assert_no_secret(response.content.decode())


def test_titles_are_escaped_and_read_back_as_written(client, committee, upcoming_meeting):
    committee.name = 'Bygg- & miljönämnd <b>"fet"</b>'
    committee.save()
    for url in (COMMITTEE + "flode.rss", COMMITTEE + "flode.atom"):
        response = client.get(url)
        assert b"<b>" not in response.content
        titles = [
            element.text
            for element in parse_xml(response.content).iter()
            if element.tag in ("title", f"{ATOM}title")
        ]
        assert 'Kallelse: Bygg- & miljönämnd <b>"fet"</b>, 25 januari 2023' in titles


def test_a_planned_or_cancelled_meeting_has_no_notice_in_the_feed(
    client, planned_meeting, cancelled_meeting
):
    response = client.get(COMMITTEE + "flode.rss")
    assert rss_items(response) == []
    assert_no_secret(response.content.decode())


def test_held_but_unverified_minutes_are_not_announced(client, committee):
    factories.meeting(committee, day=datetime.date(2022, 12, 1), state="genomfort")
    titles = [item["title"] for item in rss_items(client.get(COMMITTEE + "flode.rss"))]
    assert titles == ["Kallelse: Regional tillväxtnämnd, 1 december 2022"]


def test_the_committee_feed_has_only_its_own_committee(client, everything):
    other = factories.committee(name="Annan nämnd")
    factories.meeting(other, day=datetime.date(2023, 1, 3), state="kallat")
    own = [item["title"] for item in rss_items(client.get(COMMITTEE + "flode.rss"))]
    every = [item["title"] for item in rss_items(client.get("/oppna-data/flode.rss"))]
    assert not any("Annan nämnd" in title for title in own)
    assert "Kallelse: Annan nämnd, 3 januari 2023" in every


def test_a_deleted_meeting_leaves_the_feed(client, upcoming_meeting):
    upcoming_meeting.soft_delete()
    assert rss_items(client.get(COMMITTEE + "flode.rss")) == []


def test_the_english_feed_is_in_english(client, everything):
    titles = [item["title"] for item in rss_items(client.get("/en" + COMMITTEE + "flode.rss"))]
    assert "Minutes: Regional tillväxtnämnd, 14 December 2022" in titles


def test_an_unknown_committee_gets_the_swedish_404(client, db):
    response = client.get("/oppna-data/namnder/finns-inte/flode.atom")
    assert response.status_code == 404
    assert "Det finns ingen nämnd på den här adressen." in response.content.decode()
