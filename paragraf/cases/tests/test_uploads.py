"""Documents are checked by their content before they are stored."""

import io
import struct
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from paragraf import factories
from paragraf.cases import services, uploads
from paragraf.cases.models import Document
from paragraf.factories import MINIMAL_PDF

PNG = (
    b"\x89PNG\r\n\x1a\n"
    + b"\x00\x00\x00\rIHDR"
    + struct.pack(">II", 1, 1)
    + b"\x08\x02\x00\x00\x00"
)


def office_zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            # ODF keeps its "mimetype" first and uncompressed, as real files do.
            stored = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=stored)
    return buffer.getvalue()


DOCX = office_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = office_zip(
    {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}
)


@pytest.fixture
def case(db):
    body = factories.body()
    return factories.case(body, committee=factories.committee(body))


def upload(case, name, content):
    return services.add_document(case, SimpleUploadedFile(name, content), "Bilaga", False, by=None)


def refusal(case, name, content):
    with pytest.raises(ValidationError) as error:
        upload(case, name, content)
    assert Document.objects.count() == 0
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("name", "content", "media_type"),
    [
        ("beslut.pdf", MINIMAL_PDF, "application/pdf"),
        ("karta.png", PNG, "image/png"),
        ("yttrande.docx", DOCX, uploads.ALLOWED_TYPES["docx"]),
        ("yttrande.odt", ODT, uploads.ALLOWED_TYPES["odt"]),
        ("anteckning.txt", "Överenskommelse om företagsstöd\n".encode(), "text/plain"),
    ],
)
def test_it_stores_allowed_files(case, name, content, media_type):
    document = upload(case, name, content)
    assert document.case == case
    assert document.filename == name
    assert document.media_type == media_type
    assert document.is_public is False


def test_it_refuses_a_file_over_the_size_limit(case, settings):
    settings.FILE_UPLOAD_MAX_SIZE = 100
    message = refusal(case, "stor.pdf", MINIMAL_PDF + b" " * 200)
    assert "Filen är för stor: högst 100" in message


def test_it_refuses_a_type_that_is_not_allowed(case):
    message = refusal(case, "sida.html", b"<html><script>alert(1)</script></html>")
    assert "Filer av den här typen kan inte laddas upp" in message


def test_it_refuses_a_pdf_named_docx(case):
    message = refusal(case, "yttrande.docx", MINIMAL_PDF)
    assert "slutar på .docx men innehållet är något annat" in message


def test_it_refuses_a_png_named_pdf(case):
    message = refusal(case, "beslut.pdf", PNG)
    assert "slutar på .pdf" in message


def test_it_refuses_html_named_txt(case):
    # An executable or HTML renamed .txt: filetype finds an EXE; a NUL byte betrays binaries.
    assert "slutar på .txt" in refusal(case, "a.txt", b"MZ\x90\x00" + b"\x00" * 100)
    assert "inte ren text" in refusal(case, "b.txt", b"text\x00\x01binary")


def test_it_refuses_a_zip_bomb_disguised_as_docx(case, monkeypatch):
    monkeypatch.setattr(uploads, "ZIP_MAX_UNCOMPRESSED", 1024 * 1024)
    bomb = office_zip(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": "<w:document/>",
            "word/media/zeros.bin": b"\x00" * (2 * 1024 * 1024),
        }
    )
    assert len(bomb) < 10_000
    message = refusal(case, "yttrande.docx", bomb)
    assert "packas upp till mer än" in message


def test_it_refuses_a_zip_bomb_whose_directory_lies_about_sizes(case, monkeypatch):
    monkeypatch.setattr(uploads, "ZIP_MAX_UNCOMPRESSED", 1024 * 1024)
    bomb = bytearray(
        office_zip(
            {
                "[Content_Types].xml": "<Types/>",
                "word/document.xml": "<w:document/>" + " " * (2 * 1024 * 1024),
            }
        )
    )
    # Rewrite the central directory's uncompressed size of the big member to 10 bytes.
    directory = bomb.rfind(b"PK\x01\x02")
    struct.pack_into("<I", bomb, directory + 24, 10)
    message = refusal(case, "yttrande.docx", bytes(bomb))
    assert "packas upp till mer än" in message or "inte en giltig DOCX-fil" in message


def test_it_refuses_a_zip_without_the_word_document(case):
    fake = office_zip({"[Content_Types].xml": "<Types/>", "word/other.xml": "<x/>"})
    message = refusal(case, "yttrande.docx", fake)
    assert "inte en giltig" in message


@pytest.mark.parametrize(
    "action",
    [
        b"/OpenAction<</S/JavaScript/JS(app.alert(1))>>",
        b"/AA<</O<</S/Launch/F(cmd.exe)>>>>",
        b"/J#61vaScript",
    ],
)
def test_it_refuses_a_pdf_with_javascript_or_launch(case, action):
    pdf = MINIMAL_PDF.replace(b"/Type/Catalog", b"/Type/Catalog" + action)
    message = refusal(case, "beslut.pdf", pdf)
    assert "PDF-filen innehåller aktivt innehåll" in message


def test_it_refuses_an_empty_file(case):
    assert "Filen är tom" in refusal(case, "tom.txt", b"")


def test_it_refuses_javascript_hidden_in_a_compressed_object_stream(case):
    import zlib

    hidden = zlib.compress(b"<</S/JavaScript/JS(app.alert(1))>>")
    pdf = MINIMAL_PDF.replace(
        b"trailer",
        b"3 0 obj<</Type/ObjStm/Filter/FlateDecode/Length %d>>stream\n%s\nendstream endobj\ntrailer"
        % (len(hidden), hidden),
    )
    assert b"JavaScript" not in pdf
    message = refusal(case, "beslut.pdf", pdf)
    assert "PDF-filen innehåller aktivt innehåll (/JavaScript)" in message


def test_the_same_file_sent_twice_is_stored_once(case):
    first = upload(case, "beslut.pdf", MINIMAL_PDF)
    again = upload(case, "beslut.pdf", MINIMAL_PDF)
    assert again == first
    assert Document.objects.count() == 1
