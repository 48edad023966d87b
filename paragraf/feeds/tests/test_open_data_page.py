import re

import pytest

from paragraf import factories
from paragraf.feeds.tests.conftest import assert_no_secret

PAGE = "/oppna-data/"


def headings(html):
    return [
        (int(level), re.sub(r"<[^>]+>", "", text))
        for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    ]


def test_the_page_is_in_swedish_with_one_h1_and_ordered_headings(client, verified_meeting):
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Öppna data – Region Örebro län</title>" in html
    found = headings(html)
    assert [text for level, text in found if level == 1] == ["Öppna data"]
    levels = [level for level, _text in found]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    assert '<main id="main"' in html
    assert "Programmeringsgränssnitt (OParl)" in html
    assert 'href="/oparl/v1/"' in html
    assert not response.cookies


def test_it_lists_each_committee_with_its_feeds_and_years(client, verified_meeting):
    factories.committee(name="Kulturnämnd", slug="kulturnamnd")
    html = client.get(PAGE).content.decode()
    base = "/oppna-data/namnder/regional-tillvaxtnamnd/"
    for link in ("kalender.ics", "flode.rss", "flode.atom", "beslut-2022.csv", "beslut-2022.json"):
        assert f'href="{base}{link}"' in html
    assert 'href="/oppna-data/namnder/kulturnamnd/kalender.ics"' in html
    assert "/oppna-data/namnder/kulturnamnd/beslut-" not in html  # no minutes yet


def test_every_link_on_the_page_works_and_leaks_nothing(client, verified_meeting):
    html = client.get(PAGE).content.decode()
    links = set(re.findall(r'href="(/[^"#]*)', html))
    assert len(links) > 15
    for link in links:
        if link.startswith("/static/"):
            continue
        response = client.get(link)
        assert response.status_code == 200, link
        assert_no_secret(response.content.decode("utf-8", "replace"))


def test_every_page_links_to_it_in_the_footer(client, verified_meeting):
    for path in ("/", "/namnder/", "/namnder/regional-tillvaxtnamnd/", "/anslagstavla/"):
        footer = client.get(path).content.decode().split('<footer class="site-footer">')[1]
        assert 'href="/oppna-data/">Öppna data</a>' in footer


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/", "/oppna-data/flode"),
        ("/namnder/regional-tillvaxtnamnd/", "/oppna-data/namnder/regional-tillvaxtnamnd/flode"),
        (PAGE, "/oppna-data/flode"),
    ],
)
def test_pages_announce_their_feeds_for_autodiscovery(client, verified_meeting, page, feed):
    head = client.get(page).content.decode().split("</head>")[0]
    for kind, extension in (("rss", "rss"), ("atom", "atom")):
        link = re.search(
            rf'<link rel="alternate" type="application/{kind}\+xml" title="[^"]+" href="([^"]+)">',
            head,
        )
        assert link is not None, kind
        assert link.group(1) == f"{feed}.{extension}"
        assert client.get(link.group(1)).status_code == 200


def test_the_committee_page_links_its_calendar(client, verified_meeting):
    html = client.get("/namnder/regional-tillvaxtnamnd/").content.decode()
    assert 'href="/oppna-data/namnder/regional-tillvaxtnamnd/kalender.ics"' in html


def test_the_english_page_is_in_english(client, db):
    html = client.get("/en" + PAGE).content.decode()
    assert "<h1>Open data</h1>" in html
