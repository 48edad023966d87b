import hashlib

import pytest

from paragraf import factories
from paragraf.cases.models import Document
from paragraf.factories import MINIMAL_PDF


@pytest.fixture
def document(verified_meeting):
    return Document.objects.get(title="Ansökan Hopajola")


def url(document):
    return f"/handlingar/{document.pk}/{document.filename}"


def test_it_serves_the_file_with_the_right_headers(client, document):
    response = client.get(url(document))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(MINIMAL_PDF))
    assert response["Content-Disposition"] == 'inline; filename="ansokan.pdf"'
    assert response["ETag"] == f'"{hashlib.sha512(MINIMAL_PDF).hexdigest()[:64]}"'


def test_it_answers_a_matching_etag_with_not_modified(client, document):
    first = client.get(url(document))
    again = client.get(url(document), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_it_answers_head_requests(client, document):
    response = client.head(url(document))
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(MINIMAL_PDF))


def test_files_a_browser_could_run_are_offered_as_downloads(client, verified_meeting):
    item = verified_meeting.items.get(position=1)
    html_file = factories.attach(
        item,
        factories.document(title="Sida", content=b"<script>x</script>", filename="a.html"),
        position=5,
    )
    response = client.get(url(html_file))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_wrong_file_name_redirects_to_the_right_one(client, document):
    response = client.get(f"/handlingar/{document.pk}/gammalt-namn.pdf")
    assert response.status_code == 302
    assert response["Location"] == url(document)


def test_a_removed_document_is_gone(client, document):
    document.soft_delete()
    response = client.get(url(document))
    assert response.status_code == 410
    assert "har tagits bort" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/handlingar/999999/x.pdf",
        "/handlingar/1/..%2F..%2Fsettings.py",
        "/handlingar/abc/x.pdf",
        "/handlingar/1/../../config/settings.py",
    ],
)
def test_unknown_or_malformed_document_addresses_are_not_found(client, document, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "SECRET_KEY" not in response.content.decode()


def test_a_document_of_an_unpublished_meeting_is_not_served(client, verified_meeting, document):
    verified_meeting.state = verified_meeting.State.PLANNED
    verified_meeting.save()
    assert client.get(url(document)).status_code == 404
