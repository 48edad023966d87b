"""The text of attachments is extracted for search, in the background."""

import io
import zipfile

import pytest
import typst
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from paragraf import factories
from paragraf.cases import services
from paragraf.cases.extraction import ExtractionError, extract_text
from paragraf.cases.models import Document
from paragraf.cases.uploads import ALLOWED_TYPES

SENTENCE = "Örebro läns skogsprogram"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 17
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMMEDIATE_BACKEND = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="module")
def pdf_bytes():
    source = f"#set page(width: 12cm, height: auto)\n{SENTENCE}\n\nAndra sidan av ärendet.\n"
    return typst.compile(source.encode(), format="pdf", ignore_system_fonts=True)


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            # ODF keeps its "mimetype" first and uncompressed.
            stored = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=stored)
    return buffer.getvalue()


def docx(document_xml):
    return zipped(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/word/document.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                "</Types>"
            ),
            "word/document.xml": document_xml,
        }
    )


DOCX = docx(
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Örebro läns </w:t></w:r><w:r><w:t>skogsprogram</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Förslag till beslut</w:t></w:r></w:p></w:body></w:document>"
)
ODT = zipped(
    {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            "<office:document-content"
            ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
            "<office:body><office:text><text:h>Yttrande</text:h>"
            f"<text:p>{SENTENCE}</text:p></office:text></office:body></office:document-content>"
        ),
        "META-INF/manifest.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            ' manifest:version="1.3"><manifest:file-entry manifest:full-path="/"'
            ' manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>"
        ),
    }
)


def test_the_text_of_a_pdf_is_extracted(pdf_bytes):
    text = extract_text(pdf_bytes, "application/pdf")
    assert SENTENCE in text
    assert "Andra sidan av ärendet." in text


def test_the_paragraphs_of_a_word_document_are_extracted():
    text = extract_text(DOCX, ALLOWED_TYPES["docx"])
    assert text.splitlines() == [SENTENCE, "Förslag till beslut"]


def test_the_headings_and_paragraphs_of_an_odt_are_extracted():
    assert extract_text(ODT, ALLOWED_TYPES["odt"]).splitlines() == ["Yttrande", SENTENCE]


def test_images_have_no_text():
    assert extract_text(b"\x89PNG\r\n\x1a\n", "image/png") == ""


def test_xml_declaring_entities_is_not_expanded():
    bomb = docx(
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(ExtractionError):
        extract_text(bomb, ALLOWED_TYPES["docx"])


def test_an_office_file_unpacking_to_too_much_xml_is_not_read(monkeypatch):
    monkeypatch.setattr("paragraf.cases.extraction.MAX_XML_BYTES", 100)
    with pytest.raises(ExtractionError, match="unpacks to more than"):
        extract_text(DOCX, ALLOWED_TYPES["docx"])


@pytest.fixture
def case(db):
    body = factories.body()
    return factories.case(body, committee=factories.committee(body))


def upload(case, name, content):
    return services.add_document(case, SimpleUploadedFile(name, content), "Bilaga", False, by=None)


# Real commits: the task is enqueued on commit, and the worker closes connections
# that are inside a transaction (on PostgreSQL, the test's own).
@pytest.mark.django_db(transaction=True)
def test_an_upload_returns_before_its_text_is_extracted_and_the_worker_extracts_it(case, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_BACKEND
    document = upload(case, "yttrande.docx", DOCX)
    document.refresh_from_db()
    assert document.text_status == Document.TextStatus.PENDING
    assert document.text == ""
    pending = DBTaskResult.objects.get()
    assert pending.task_path == "paragraf.cases.tasks.extract_document_text"
    assert pending.args_kwargs["args"] == [document.pk]

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    document.refresh_from_db()
    assert document.text_status == Document.TextStatus.DONE
    assert SENTENCE in document.text
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("yttrande.odt", ODT, Document.TextStatus.DONE),
        ("karta.png", PNG, Document.TextStatus.NONE),
    ],
)
def test_an_upload_gets_its_text_at_once_with_the_immediate_backend(
    case, settings, django_capture_on_commit_callbacks, name, content, status
):
    settings.TASKS = IMMEDIATE_BACKEND
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(case, name, content)
    document.refresh_from_db()
    assert document.text_status == status


def test_a_file_whose_text_cannot_be_read_is_kept_and_marked_failed(
    case, settings, django_capture_on_commit_callbacks, caplog
):
    settings.TASKS = IMMEDIATE_BACKEND
    broken = docx("<w:document>not closed")
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(case, "yttrande.docx", broken)
    document.refresh_from_db()
    assert document.text_status == Document.TextStatus.FAILED
    assert document.file.read() == broken
    assert "Text extraction failed for document" in caplog.text
