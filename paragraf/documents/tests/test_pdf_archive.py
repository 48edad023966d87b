"""Every generated PDF is archive grade (PDF/A-2a) and accessible (PDF/UA-1)."""

import hashlib
import io

import pikepdf
import pytest

from paragraf import factories
from paragraf.documents.models import Rendition
from paragraf.documents.render import (
    render_extract,
    render_minutes,
    render_notice,
    store_rendition,
)
from paragraf.documents.tests.test_minutes_pdf import (
    MEMBERS,
    PUBLIC,
    flat,
    recorded_meeting,
    scratch_database,
    text_of,
)
from paragraf.meetings.models import Paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def pdfs(django_db_setup, django_db_blocker, tmp_path_factory):
    with scratch_database(django_db_blocker, tmp_path_factory):
        meeting = recorded_meeting()
        first = Paragraph.objects.get(agenda_item__meeting=meeting, number=1)
        return {
            "notice": render_notice(meeting, PUBLIC),
            "minutes": render_minutes(meeting, PUBLIC),
            "members": render_minutes(meeting, MEMBERS),
            "extract": render_extract(first, PUBLIC),
        }


KINDS = ["notice", "minutes", "members", "extract"]


def structure_tags(pdf):
    tags, stack = set(), [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                tags.add(str(node.S))
            if "/K" in node:
                stack.append(node.K)
    return tags


def fonts(pdf):
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            yield from font.get("/DescendantFonts", [font])


@pytest.mark.parametrize("kind", KINDS)
def test_it_says_it_is_pdf_a_2a_and_pdf_ua_1_in_its_metadata(pdfs, kind):
    with pikepdf.open(io.BytesIO(pdfs[kind])) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "A"
        assert meta["pdfuaid:part"] == "1"
        assert "Regional tillväxtnämnd 14 december 2022" in meta["dc:title"]
        assert "RUN 2022/1234" in meta["pdf:Keywords"]
        assert str(pdf.Root.Lang) == "sv"


@pytest.mark.parametrize("kind", KINDS)
def test_it_is_tagged_with_every_font_embedded(pdfs, kind):
    with pikepdf.open(io.BytesIO(pdfs[kind])) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        tags = structure_tags(pdf)
        assert {"/Document", "/H1"} <= tags
        embedded = [
            any(key in font.FontDescriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            for font in fonts(pdf)
        ]
        assert embedded and all(embedded)


def test_the_minutes_have_headings_tables_lists_and_bookmarks(pdfs):
    with pikepdf.open(io.BytesIO(pdfs["minutes"])) as pdf:
        assert {"/H1", "/H2", "/H3", "/Table", "/TH", "/L", "/LI", "/TOC"} <= structure_tags(pdf)
        titles, entry = [], pdf.Root.Outlines.First
        while entry is not None:
            titles.append(str(entry.Title))
            entry = entry.get("/Next")
        assert "§ 1 Verksamhetsbidrag 2023 till Hopajola" in titles
        assert "§ 3 Tillkommet ärende" in titles


def test_the_notice_has_its_agenda_as_a_table_with_a_header_row(pdfs):
    with pikepdf.open(io.BytesIO(pdfs["notice"])) as pdf:
        assert {"/Table", "/THead", "/TH", "/TD"} <= structure_tags(pdf)


def test_the_paragraphs_are_read_in_paragraph_order(pdfs):
    text = flat(text_of(pdfs["members"]))
    # rindex: the table of contents names the § first, the body after it.
    reading = [
        "§ 1 Verksamhetsbidrag 2023 till Hopajola",
        "Hopajola ansöker om cirka 305 000 kronor.",
        "Regional tillväxtnämnd beviljar 305 000 kronor.",
        "§ 2 HEMLIG-TITEL",
        "HEMLIGT-BESLUT",
        "§ 3 Tillkommet ärende",
        "Informationen läggs till handlingarna.",
    ]
    places = [text.rindex(phrase) for phrase in reading]
    assert places == sorted(places)


def test_a_new_version_replaces_the_current_rendition_and_keeps_it():
    meeting = factories.meeting()
    first = store_rendition(meeting, Rendition.Kind.MINUTES, PUBLIC, b"%PDF-1 first")
    other = store_rendition(meeting, Rendition.Kind.MINUTES, MEMBERS, b"%PDF-1 members")
    second = store_rendition(meeting, Rendition.Kind.MINUTES, PUBLIC, b"%PDF-1 second", version=2)
    first.refresh_from_db()
    other.refresh_from_db()
    assert first.replaced_at is not None and other.replaced_at is None
    assert list(Rendition.objects.current().public()) == [second]
    assert second.size == len(b"%PDF-1 second")
    assert second.sha512 == hashlib.sha512(b"%PDF-1 second").hexdigest()
    assert second.file.read() == b"%PDF-1 second"


def outline_titles(pdf):
    titles, stack = [], [pdf.Root.Outlines.get("/First")]
    while stack:
        entry = stack.pop()
        if entry is not None:
            titles.append(str(entry.Title))
            stack += [entry.get("/Next"), entry.get("/First")]
    return titles


def everything_said(pdf_bytes):
    """The page text, the bookmarks and the XMP metadata of a PDF."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        metadata = str(pdf.Root.Metadata.read_bytes(), "utf-8")
        return " ".join([text_of(pdf_bytes), metadata, *outline_titles(pdf)])


@pytest.mark.parametrize("kind", ["notice", "minutes", "extract"])
def test_nothing_secret_is_in_a_public_pdf_not_even_its_metadata(pdfs, kind):
    assert "HEMLIG" not in everything_said(pdfs[kind])


def test_the_members_minutes_name_the_secret_case_in_the_metadata(pdfs):
    said = everything_said(pdfs["members"])
    assert "HEMLIG-DNR 9" in said and "§ 2 HEMLIG-TITEL" in said
