"""A non-public item shows as its number and a neutral label, and nothing else."""

import pytest

from paragraf.cases.models import Document

MARKERS = ["HEMLIG-TITEL", "HEMLIG-TEXT", "HEMLIG-BILAGA", "HEMLIGT-BESLUT", "hemlig.pdf"]
BASE = "/namnder/regional-tillvaxtnamnd/mote-2022-12-14/"


def assert_no_markers(html):
    for marker in MARKERS:
        assert marker not in html


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/namnder/",
        "/namnder/regional-tillvaxtnamnd/",
        BASE,
        BASE + "punkt-2/",
        BASE + "paragraf-2/",
        BASE + "punkt-1/",
        BASE + "paragraf-1/",
        "/en" + BASE,
    ],
)
def test_no_page_shows_anything_of_a_non_public_item(client, verified_meeting, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_no_markers(response.content.decode())


def test_the_meeting_page_shows_its_number_with_a_neutral_label(client, meeting_url):
    html = client.get(meeting_url).content.decode()
    assert "Ärendet är inte offentligt" in html
    assert 'id="punkt-2"' in html and 'id="paragraf-2"' in html


def test_its_item_and_paragraph_pages_say_only_that_it_is_not_public(client, meeting_url):
    for path in ("punkt-2/", "paragraf-2/"):
        html = client.get(meeting_url + path).content.decode()
        assert "Ärendet är inte offentligt" in html


def test_its_attachment_cannot_be_downloaded_even_if_marked_public(client, verified_meeting):
    secret = Document.objects.get(title="HEMLIG-BILAGA")
    assert secret.is_public  # the file itself is flagged public; the item is not
    response = client.get(f"/handlingar/{secret.pk}/{secret.filename}")
    assert response.status_code == 404
    assert "HEMLIG-BILAGA" not in response.content.decode()


def test_a_non_public_attachment_of_a_public_item_is_hidden(client, verified_meeting):
    document = Document.objects.get(title="Ansökan Hopajola")
    document.is_public = False
    document.save()
    assert "Ansökan Hopajola" not in client.get(BASE).content.decode()
    assert client.get(f"/handlingar/{document.pk}/{document.filename}").status_code == 404


def test_a_non_public_case_keeps_its_number_off_the_page(client, verified_meeting):
    case = verified_meeting.items.get(position=1).case
    case.is_public = False
    case.save()
    assert "RUN 2022/1234" not in client.get(BASE).content.decode()
