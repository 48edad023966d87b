"""What every public page promises: landmarks, one h1, Swedish, no cookies, nothing external."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from paragraf.cases.models import Document
from paragraf.factories import MINIMAL_PDF

MEETING = "/namnder/regional-tillvaxtnamnd/mote-2022-12-14/"
PAGES = [
    "/",
    "/namnder/",
    "/namnder/regional-tillvaxtnamnd/",
    MEETING,
    MEETING + "punkt-1/",
    MEETING + "paragraf-1/",
    MEETING + "punkt-2/",
    "/om-webbplatsen/",
    "/finns-inte/",
]


@pytest.fixture(params=PAGES)
def page(request, client, verified_meeting):
    response = client.get(request.param)
    assert response.status_code in (200, 404)
    return response


def test_it_has_a_skip_link_to_the_main_landmark(page):
    html = page.content.decode()
    body = html.split("<body>", 1)[1]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'class="skip-link" href="#main"' in first_link
    assert '<main id="main"' in html
    assert "<header" in html and "<nav" in html and "<footer" in html


def test_it_has_exactly_one_h1(page):
    assert page.content.decode().count("<h1") == 1


def test_it_is_in_swedish(page):
    html = page.content.decode()
    assert '<html lang="sv">' in html
    assert "Hoppa till huvudinnehållet" in html


def test_it_sets_no_cookie_for_an_anonymous_visitor(page):
    assert not page.cookies
    assert "Set-Cookie" not in page.headers


def test_it_loads_nothing_from_other_hosts(page):
    html = page.content.decode()
    loaded = re.findall(r'(?:src|href)="([^"]+)"', html)
    loaded += re.findall(r'<link [^>]*href="([^"]+)"', html)
    assert loaded
    for address in loaded:
        assert not re.match(r"^(https?:)?//", address), address
    assert "<script" not in html  # works without JavaScript; no inline script either


def test_it_forbids_framing_and_foreign_content(page):
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "same-origin"


def test_it_has_print_styles(page):
    stylesheet = re.search(r'<link rel="stylesheet" href="/static/([^"]+)"', page.content.decode())
    css = Path(finders.find(stylesheet.group(1))).read_text()
    assert "@media print" in css


def test_english_is_offered_and_served_under_en(client, verified_meeting):
    html = client.get(MEETING).content.decode()
    assert f'href="/en{MEETING}"' in html
    english = client.get("/en" + MEETING).content.decode()
    assert '<html lang="en">' in english
    assert "Minutes" in english and "Agenda" in english


def test_a_browser_asking_for_english_still_gets_the_swedish_address_in_swedish(
    client, verified_meeting
):
    html = client.get(MEETING, headers={"Accept-Language": "en"}).content.decode()
    assert '<html lang="sv">' in html


def test_attachment_links_show_name_type_and_size(client, verified_meeting):
    document = Document.objects.get(title="Ansökan Hopajola")
    html = client.get(MEETING).content.decode()
    assert f'href="/handlingar/{document.pk}/ansokan.pdf"' in html
    size = f"{len(MINIMAL_PDF)}\xa0byte"
    assert f'Ansökan Hopajola</a> <span class="file-meta">(PDF, {size})</span>' in html
