import datetime
from urllib.parse import urlsplit

import pytest

from paragraf import factories
from paragraf.feeds.tests.conftest import assert_no_secret, parse_xml
from paragraf.meetings.services import number_paragraphs

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SEED = "/namnder/regional-tillvaxtnamnd/mote-2022-12-14/"


def xml(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return parse_xml(response.content)


def sitemap_paths(client):
    """Every address in every section of the sitemap, as a path, with its alternates."""
    index = xml(client.get("/sitemap.xml"))
    paths = {}
    for section in index.iter(f"{NS}loc"):
        urlset = xml(client.get(urlsplit(section.text).path))
        for url in urlset.findall(f"{NS}url"):
            alternates = {
                link.get("hreflang"): urlsplit(link.get("href")).path
                for link in url.findall(f"{XHTML}link")
            }
            paths[urlsplit(url.find(f"{NS}loc").text).path] = alternates
    return paths


def test_the_sitemap_lists_every_public_page(client, everything):
    paths = sitemap_paths(client)
    for path in (
        "/",
        "/namnder/",
        "/namnder/regional-tillvaxtnamnd/",
        "/anslagstavla/",
        "/om-webbplatsen/",
        "/oppna-data/",
        SEED,
        SEED + "punkt-1/",
        SEED + "punkt-3/",  # withdrawn, still on the published agenda
        SEED + "paragraf-1/",
        SEED + "paragraf-3/",  # added at the meeting
        "/namnder/regional-tillvaxtnamnd/mote-2023-01-25/",
        "/namnder/regional-tillvaxtnamnd/mote-2023-01-25/punkt-1/",
        "/namnder/regional-tillvaxtnamnd/mote-2023-02-01/",  # cancelled: its page says so
    ):
        assert path in paths, path
        assert "/en" + path in paths, path
        assert paths[path] == {"sv": path, "en": "/en" + path, "x-default": path}


def test_it_never_lists_a_non_public_item_or_paragraph_or_planned_meeting(client, everything):
    paths = sitemap_paths(client)
    for path in (SEED + "punkt-2/", SEED + "paragraf-2/", "/en" + SEED + "paragraf-2/"):
        assert path not in paths
    assert not any("2023-01-18" in path for path in paths)  # the planned meeting
    assert not any(path.endswith("punkt-4/") for path in paths)  # added: no agenda page


def test_every_listed_page_exists_and_leaks_nothing(client, everything):
    paths = sitemap_paths(client)
    assert len(paths) > 20
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_no_secret(response.content.decode())


def test_unverified_minutes_have_no_paragraphs_in_the_sitemap(client, committee, today):
    held = factories.meeting(committee, day=datetime.date(2022, 12, 19), state="genomfort")
    factories.item(held)
    number_paragraphs(held)
    paths = sitemap_paths(client)
    assert "/namnder/regional-tillvaxtnamnd/mote-2022-12-19/punkt-1/" in paths
    assert "/namnder/regional-tillvaxtnamnd/mote-2022-12-19/paragraf-1/" not in paths


def test_a_deleted_committee_is_left_out(client, everything):
    gone = factories.committee(slug="nedlagd")
    factories.meeting(gone, day=datetime.date(2022, 10, 10), state="kallat")
    gone.soft_delete()
    assert not any("nedlagd" in path for path in sitemap_paths(client))


@pytest.mark.parametrize("path", ["/sitemap-finns-inte.xml", "/sitemap-sidor.xml?p=9"])
def test_an_unknown_section_or_page_is_not_found(client, db, path):
    assert client.get(path).status_code == 404
