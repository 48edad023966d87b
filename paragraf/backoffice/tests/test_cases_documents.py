"""Documents of a case: upload with a checked type, the public toggle, and the
staff download through which members read non-public documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from paragraf import factories
from paragraf.cases.models import Document
from paragraf.factories import MINIMAL_PDF
from paragraf.meetings.models import Meeting


@pytest.fixture
def case(committee):
    return factories.case(committee.body, committee=committee)


def upload(client, case, name, content):
    url = reverse("backoffice:cases_upload", kwargs={"case": case.pk})
    return client.post(
        url,
        {
            "document-title": "Tjänsteskrivelse",
            "document-file": SimpleUploadedFile(name, content),
            "document-is_public": "",
        },
    )


def test_an_uploaded_pdf_is_listed_on_the_case(client, secretary, case):
    client.force_login(secretary)
    response = upload(client, case, "tjansteskrivelse.pdf", MINIMAL_PDF)
    assert response.status_code == 302
    document = Document.objects.get(case=case)
    page = client.get(response.url).content.decode()
    assert "Tjänsteskrivelse" in page
    assert "Inte offentlig" in page
    assert document.is_public is False


def test_a_renamed_file_is_refused_next_to_the_field(client, secretary, case):
    client.force_login(secretary)
    response = upload(client, case, "tjansteskrivelse.docx", MINIMAL_PDF)
    assert response.status_code == 400
    assert "slutar på .docx men innehållet är något annat" in response.content.decode()
    assert not Document.objects.exists()


def test_toggling_makes_a_document_public_and_back(client, secretary, case):
    document = factories.document(case=case, is_public=False)
    client.force_login(secretary)
    url = reverse("backoffice:cases_document_public", kwargs={"document": document.pk})
    response = client.post(url, {"is_public": "1"}, follow=True)
    document.refresh_from_db()
    assert document.is_public is True
    assert "”Tjänsteskrivelse” är nu offentlig." in response.content.decode()
    client.post(url, {"is_public": "0"})
    document.refresh_from_db()
    assert document.is_public is False


def test_a_member_may_not_toggle(client, users, case):
    document = factories.document(case=case, is_public=False)
    client.force_login(users["ledamot"])
    url = reverse("backoffice:cases_document_public", kwargs={"document": document.pk})
    assert client.post(url, {"is_public": "1"}).status_code == 403
    document.refresh_from_db()
    assert document.is_public is False


def test_a_member_reads_a_non_public_document_of_their_committee(client, users, committee):
    meeting = factories.meeting(committee, state=Meeting.State.NOTICE_PUBLISHED)
    document = factories.attach(factories.item(meeting), factories.document(is_public=False))
    client.force_login(users["ledamot"])
    response = client.get(reverse("backoffice:cases_document", kwargs={"document": document.pk}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "application/pdf"


def test_a_member_may_not_read_another_committees_document(client, users, committee):
    other = factories.committee(committee.body)
    case = factories.case(committee.body, committee=other)
    document = factories.document(case=case, is_public=False)
    client.force_login(users["ledamot"])
    response = client.get(reverse("backoffice:cases_document", kwargs={"document": document.pk}))
    assert response.status_code == 403


def test_types_a_browser_could_run_are_downloaded_not_shown(client, users, case):
    document = factories.document(
        case=case, content=b"PK\x03\x04", filename="yttrande.docx", is_public=False
    )
    client.force_login(users["ledamot"])
    response = client.get(reverse("backoffice:cases_document", kwargs={"document": document.pk}))
    assert response["Content-Disposition"].startswith("attachment;")
