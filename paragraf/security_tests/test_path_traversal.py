"""Download addresses name a document by its number; nothing in the address is a
path on disk. Dots, encoded slashes, absolute paths and NUL bytes give 404 (or a
redirect to the document's own address), never a file from elsewhere."""

import pytest
from django.test import Client

from paragraf import factories
from paragraf.backoffice.tests.conftest import Role

# Text found in files outside the storage, if one were served.
OUTSIDE = [b"SECRET_KEY", b"root:x:", b"[tool.pytest", b"DJANGO_SETTINGS_MODULE", b"import "]

TRICKS = [
    "../../../../etc/passwd",
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2fconfig%2fsettings.py",
    "%2e%2e/%2e%2e/pyproject.toml",
    "..%5c..%5cconfig%5csettings.py",
    "%252e%252e%252fconfig%252fsettings.py",
    "/etc/passwd",
    "%2Fetc%2Fpasswd",
    "ansokan.pdf%00.html",
    "%00../../manage.py",
    "....//....//manage.py",
]


@pytest.fixture
def documents(committee, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    meeting = factories.verified_meeting(committee)
    public = meeting.items.get(position=1).documents.get()
    secret = factories.document(title="Hemlig", filename="hemlig.pdf", is_public=False)
    factories.attach(meeting.items.get(position=1), secret, position=3)
    return {"public": public, "secret": secret, "committee": committee}


def assert_nothing_from_outside(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    for text in OUTSIDE:
        assert text not in body


def public_tricks(documents):
    pk = documents["public"].pk
    for trick in TRICKS:
        yield from (
            f"/handlingar/{pk}/{trick}",
            f"/handlingar/{trick}",
            f"/handlingar/{pk}/../{trick}",
            f"/static/{trick}",
            f"/media/{trick}",
            f"/oparl/v1/file/{trick}",
            f"/namnder/{documents['committee'].slug}/{trick}",
        )


def test_public_download_addresses_serve_no_other_file(client, documents):
    pk = documents["public"].pk
    for url in public_tricks(documents):
        response = client.get(url)
        assert response.status_code in (301, 302, 400, 404), (url, response.status_code)
        assert_nothing_from_outside(response)
        if response.status_code in (301, 302):
            # Only ever to the public document's own address.
            assert response["Location"] == f"/handlingar/{pk}/{documents['public'].filename}", url


def test_back_office_download_addresses_serve_no_other_file(documents, users):
    client = Client()
    client.force_login(users[Role.SECRETARY])
    urls = [f"/kansli/handlingar/{trick}" for trick in TRICKS]
    for url in urls + [f"/kansli/handlingar/1/{trick}" for trick in TRICKS]:
        response = client.get(url)
        assert response.status_code in (400, 404), (url, response.status_code)
        assert_nothing_from_outside(response)


def test_a_non_public_document_is_not_served_by_its_storage_path(client, documents):
    secret = documents["secret"]
    for url in (f"/media/{secret.file.name}", f"/handlingar/{secret.pk}/{secret.filename}"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert_nothing_from_outside(response)


def test_the_public_document_is_served_by_its_own_address(client, documents):
    public = documents["public"]
    response = client.get(f"/handlingar/{public.pk}/{public.filename}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
