"""Encrypted and damaged PDFs are refused, and a failed upload leaves nothing behind."""

import io

import pikepdf
import pytest
import typst
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from paragraf import factories
from paragraf.cases import services
from paragraf.cases.models import Document


@pytest.fixture(scope="module")
def pdf_bytes():
    return typst.compile(b"Beslut om skogsprogram", format="pdf", ignore_system_fonts=True)


@pytest.fixture
def case(db):
    body = factories.body()
    return factories.case(body, committee=factories.committee(body))


def upload(case, name, content):
    return services.add_document(case, SimpleUploadedFile(name, content), "Bilaga", False, by=None)


def refusal(case, content):
    with pytest.raises(ValidationError) as error:
        upload(case, "beslut.pdf", content)
    assert Document.objects.count() == 0
    return " ".join(error.value.messages)


def stored_files(settings):
    return [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]


def encrypted(pdf_bytes, **passwords):
    buffer = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        pdf.save(buffer, encryption=pikepdf.Encryption(**passwords))
    return buffer.getvalue()


def test_a_pdf_made_by_a_real_program_is_stored(case, pdf_bytes):
    assert upload(case, "beslut.pdf", pdf_bytes).media_type == "application/pdf"


@pytest.mark.parametrize("passwords", [{"owner": "o", "user": "u"}, {"owner": "o", "user": ""}])
def test_it_refuses_an_encrypted_pdf(case, pdf_bytes, passwords, settings):
    message = refusal(case, encrypted(pdf_bytes, **passwords))
    assert "PDF-filen är krypterad eller lösenordsskyddad" in message
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    "content", [b"%PDF-1.7 garbage", b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n"]
)
def test_it_refuses_a_damaged_pdf(case, content):
    assert "PDF-filen är skadad och kan inte läsas" in refusal(case, content)


def test_a_pdf_with_a_wrong_cross_reference_offset_is_repaired_and_stored(case, pdf_bytes):
    # Scanners often write wrong offsets; qpdf repairs them, so the file is not refused.
    start = pdf_bytes.rindex(b"startxref")
    damaged = pdf_bytes[:start] + b"startxref\n12\n%%EOF\n"
    assert upload(case, "skannad.pdf", damaged).size == len(damaged)


def test_nothing_is_left_when_storing_the_document_fails(case, pdf_bytes, settings, monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(Document, "save", broken_save)
    with pytest.raises(RuntimeError):
        upload(case, "beslut.pdf", pdf_bytes)
    monkeypatch.undo()
    assert Document.all_objects.count() == 0
    assert stored_files(settings) == []


def test_a_stored_upload_keeps_its_file(case, pdf_bytes, settings):
    document = upload(case, "beslut.pdf", pdf_bytes)
    assert stored_files(settings) == [settings.MEDIA_ROOT / document.file.name]


def test_the_upload_page_shows_why_an_encrypted_pdf_is_refused(db, client, pdf_bytes, settings):
    from django.contrib.auth.models import User
    from django.urls import reverse

    from paragraf.accounts.models import CommitteeRole

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    committee = factories.seed_committee()
    secretary = User.objects.create_user("sekreterare", password="lösenord-för-test")
    CommitteeRole.objects.create(
        user=secretary, committee=committee, role=CommitteeRole.Role.SECRETARY
    )
    case = factories.case(committee.body, committee=committee)
    client.force_login(secretary)
    response = client.post(
        reverse("backoffice:cases_upload", kwargs={"case": case.pk}),
        {
            "document-title": "Tjänsteskrivelse",
            "document-file": SimpleUploadedFile("beslut.pdf", encrypted(pdf_bytes, owner="o")),
        },
    )
    assert response.status_code == 400
    assert "PDF-filen är krypterad eller lösenordsskyddad" in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(settings) == []
