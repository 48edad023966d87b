"""Kallelse med handlingar: the notice, then each item's attachments, with bookmarks."""

import io

import pikepdf
import pypdf
import pytest

from paragraf import factories
from paragraf.cases.models import Document
from paragraf.demo.pdfs import attachment_pdf
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
