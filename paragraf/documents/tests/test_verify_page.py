import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from paragraf.documents import verify as verify_module
from paragraf.documents.seal import seal_minutes, seal_pdf
from paragraf.documents.tests.sealing import signed_meeting, tiny_pdf, use_session_ca

__all__ = ["signed_meeting"]  # a fixture

URL = "/handlingar/granska/"
pytestmark = pytest.mark.urls("paragraf.documents.tests.verify_urls")


@pytest.fixture(autouse=True)
def _session_ca(settings, tmp_path_factory):
    use_session_ca(settings, tmp_path_factory)


@pytest.fixture
def sealed(signed_meeting):
    return seal_minutes(signed_meeting, tiny_pdf(), version=1)


def _check(client, data, name="protokoll.pdf"):
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    response = client.post(URL, {"dokument": upload})
    assert response.status_code == 200
    return response


def test_the_page_offers_an_upload_form_and_sets_no_cookies(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<label for="id_dokument">' in html
    assert 'enctype="multipart/form-data"' in html
    assert not response.cookies


def test_it_confirms_an_unaltered_sealed_minutes_file(client, sealed):
    response = _check(client, sealed.file.read())
    verdict = response.context["verdict"]
    assert verdict.valid and verdict.version == 1 and not verdict.replaced
    assert verdict.message == (
        "Dokumentet är en oförändrad officiell handling från Region Örebro län: "
        "protokoll från Regional tillväxtnämnd 14 december 2022, version 1."
    )
    assert verdict.message in response.content.decode()
    assert sealed.meeting.get_absolute_url() in response.content.decode()
    assert not response.cookies


def test_one_changed_byte_makes_it_not_authentic(client, sealed):
    data = bytearray(sealed.file.read())
    position = data.index(b"Hej") if b"Hej" in data else len(data) // 3
    data[position] ^= 0x01
    verdict = _check(client, bytes(data)).context["verdict"]
    assert not verdict.valid
    assert "INTE en oförändrad officiell handling" in verdict.message


def test_a_sealed_file_never_published_here_is_not_authentic(client, sealed):
    other = seal_pdf(tiny_pdf(), reason="Justerat", location="Annan", signer_name="Annan")
    verdict = _check(client, other).context["verdict"]
    assert not verdict.valid and "INTE" in verdict.message


def test_an_unsealed_pdf_is_told_it_has_no_seal(client, db):
    verdict = _check(client, tiny_pdf()).context["verdict"]
    assert not verdict.valid
    assert "saknar elektroniskt sigill" in verdict.message


def test_random_bytes_are_not_a_pdf(client, db):
    verdict = _check(client, b"\x00\x01 inte en pdf " * 50, "bild.png").context["verdict"]
    assert not verdict.valid and "inte en PDF" in verdict.message


def test_a_damaged_pdf_gets_a_message_not_an_error(client, db):
    verdict = _check(client, b"%PDF-1.7\n" + b"\xff" * 500).context["verdict"]
    assert not verdict.valid


def test_posting_without_a_file_asks_for_one(client, db):
    response = client.post(URL, {})
    assert response.status_code == 200
    assert "Välj en PDF-fil" in response.context["verdict"].message


def test_a_too_large_file_is_refused(client, db, monkeypatch):
    monkeypatch.setattr(verify_module, "MAX_UPLOAD_SIZE", 1000)
    verdict = _check(client, b"%PDF-1.7\n" + b"x" * 200_000).context["verdict"]
    assert not verdict.valid and "för stor" in verdict.message


def test_a_replaced_version_is_authentic_but_says_it_was_replaced(client, sealed):
    newer = seal_minutes(sealed.meeting, tiny_pdf(), version=2)
    sealed.refresh_from_db()
    verdict = _check(client, sealed.file.read()).context["verdict"]
    assert verdict.valid and verdict.replaced and verdict.replaced_by == 2
    assert "ersatts" in verdict.message and "version 2" in verdict.message
    assert _check(client, newer.file.read()).context["verdict"].replaced is False


def test_a_published_file_whose_seal_is_no_longer_trusted_is_not_authentic(
    client, sealed, settings, tmp_path
):
    settings.VAR_DIR = tmp_path  # another certificate authority than the one that sealed
    verdict = _check(client, sealed.file.read()).context["verdict"]
    assert not verdict.valid and "INTE" in verdict.message


def test_checking_needs_no_csrf_cookie_and_stores_nothing(db, settings):
    from django.test import Client

    from paragraf.documents.models import Rendition

    client = Client(enforce_csrf_checks=True)
    upload = SimpleUploadedFile("protokoll.pdf", tiny_pdf(), content_type="application/pdf")
    response = client.post(URL, {"dokument": upload})
    assert response.status_code == 200 and not response.cookies
    assert not Rendition.objects.exists()
    assert not (settings.MEDIA_ROOT).exists() or not any(settings.MEDIA_ROOT.rglob("*.pdf"))


def test_the_page_works_in_english_too(client, db):
    response = client.get("/en" + URL)
    assert response.status_code == 200
    assert "Check a document" in response.content.decode()
