"""The archive copy of Kallelse med handlingar: PDF/A-3a and PDF/UA-1, with the
attachments embedded as files in agenda order, public ones only for the public."""

import io

import pikepdf
import pytest

from paragraf import factories
from paragraf.documents.archive import archive_bundle


@pytest.fixture
def meeting(db):
    return factories.verified_meeting(factories.seed_committee())


def opened(pdf_bytes):
    return pikepdf.open(io.BytesIO(pdf_bytes))


def test_it_is_pdf_a_3a_and_pdf_ua(meeting):
    with opened(archive_bundle(meeting)) as pdf:
        meta = pdf.open_metadata()
        assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("3", "A")
        assert meta.get("pdfuaid:part") == "1"
        assert str(pdf.Root.Lang) == "sv"
        assert pdf.Root.MarkInfo.Marked


def test_the_public_copy_embeds_only_public_documents(meeting):
    with opened(archive_bundle(meeting)) as pdf:
        names = list(pdf.attachments.keys())
        descriptions = [pdf.attachments[n].description for n in names]
        assert names == ["bilagor/01-01-ansokan.pdf"]
        assert descriptions == ["Ansökan Hopajola"]
        embedded = pdf.attachments[names[0]].get_file().read_bytes()
        assert embedded == factories.MINIMAL_PDF


def test_the_members_copy_embeds_the_non_public_ones_too(meeting):
    with opened(archive_bundle(meeting, members=True)) as pdf:
        descriptions = [a.description for a in pdf.attachments.values()]
        assert "HEMLIG-BILAGA" in descriptions


def test_the_portal_links_and_serves_it(client, meeting):
    url = meeting.get_absolute_url()
    assert f'href="{url}kallelse-med-handlingar-arkiv.pdf"' in client.get(url).content.decode()
    response = client.get(url + "kallelse-med-handlingar-arkiv.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"HEMLIG" not in response.content
