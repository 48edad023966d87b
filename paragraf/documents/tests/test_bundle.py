"""Kallelse med handlingar: the notice, then each item's attachments, with bookmarks."""

import io
import zipfile

import pikepdf
import pypdf
import pytest

from paragraf import factories
from paragraf.cases.models import Document
from paragraf.demo.pdfs import attachment_pdf
from paragraf.documents import office
from paragraf.documents.bundle import build_bundle

MARKERS = ["HEMLIG-TITEL", "HEMLIG-TEXT", "HEMLIG-BILAGA"]


def one_page(title):
    return attachment_pdf(title=title, body="Region Örebro län", committee="RTN", meeting="x")


@pytest.fixture
def meeting(db):
    meeting = factories.verified_meeting(factories.seed_committee())
    # Real one-page PDFs instead of the factories' empty one.
    for document in Document.objects.all():
        document.file.save(document.filename, io.BytesIO(one_page(document.title)), save=False)
        document.sha512 = ""
        document.save()
    hopajola = meeting.items.get(position=1)
    factories.attach(
        hopajola,
        factories.document(title="Budget i kalkylark", content=b"PK\x03\x04", filename="b.xlsx"),
        position=2,
    )
    return meeting


def outline(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf, pdf.open_outline() as tree:
        return [(item.title, [child.title for child in item.children]) for item in tree.root]


def text(pdf_bytes):
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)


def test_the_public_bundle_has_a_bookmark_per_item_and_attachment(meeting):
    bundle = build_bundle(meeting, one_page("Kallelse till sammanträde"))
    marks = outline(bundle)
    assert marks[0] == ("Kallelse", [])
    assert ("1. Verksamhetsbidrag 2023 till Hopajola", ["Ansökan Hopajola"]) in marks
    assert "Kallelse till sammanträde" in text(bundle)
    # notice, divider for item 1, its PDF; nothing of the non-public item 2
    assert len(pypdf.PdfReader(io.BytesIO(bundle)).pages) == 3


def test_the_public_bundle_has_nothing_of_a_non_public_item(meeting):
    bundle = build_bundle(meeting, one_page("Kallelse"))
    everything = text(bundle) + str(outline(bundle))
    for marker in MARKERS:
        assert marker not in everything


def test_the_members_bundle_holds_the_non_public_documents(meeting):
    bundle = build_bundle(meeting, one_page("Kallelse"), members=True)
    assert ("2. HEMLIG-TITEL", ["HEMLIG-BILAGA"]) in outline(bundle)
    assert "HEMLIG-BILAGA" in text(bundle)


def test_attachments_that_are_not_pdf_are_named_on_the_divider_page(meeting):
    bundle = build_bundle(meeting, one_page("Kallelse"))
    assert "Budget i kalkylark (XLSX)" in text(bundle)
    assert "ingår inte i denna fil" in text(bundle)


def test_the_bundle_is_swedish_and_titled(meeting):
    with pikepdf.open(io.BytesIO(build_bundle(meeting, one_page("Kallelse")))) as pdf:
        assert str(pdf.Root.Lang) == "sv"
        assert "kallelse med handlingar" in str(pdf.open_metadata()["dc:title"])


def docx(text_):
    buffer = io.BytesIO()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {ns}><w:body><w:p><w:r><w:t>{text_}</w:t>'
            "</w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


@pytest.fixture
def with_docx(meeting):
    item = meeting.items.get(position=1)
    factories.attach(
        item,
        factories.document(
            title="Yttrande från kommunen",
            content=docx("Kommunen tillstyrker ansökan."),
            filename="yttrande.docx",
        ),
        position=3,
    )
    return meeting


def test_office_files_are_converted_where_libreoffice_is_installed(with_docx):
    # `make test` installs Debian's libreoffice-writer-nogui, so this runs everywhere.
    assert office.available(), "LibreOffice (soffice) is missing: run `make office`"
    bundle = build_bundle(with_docx, one_page("Kallelse"))
    assert "Kommunen tillstyrker ansökan." in text(bundle)
    assert "Yttrande från kommunen (DOCX) – omvandlad till PDF" in text(bundle)
    assert (
        "1. Verksamhetsbidrag 2023 till Hopajola",
        ["Ansökan Hopajola", "Yttrande från kommunen"],
    ) in outline(bundle)


def test_without_libreoffice_office_files_are_named_with_where_to_get_them(with_docx, monkeypatch):
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    bundle = build_bundle(with_docx, one_page("Kallelse"))
    assert "Kommunen tillstyrker" not in text(bundle)
    assert "Yttrande från kommunen (DOCX) – ingår inte i denna fil" in text(bundle)
    document = Document.objects.get(title="Yttrande från kommunen")
    assert f"/handlingar/{document.pk}/yttrande.docx" in text(bundle).replace("\n", "")
