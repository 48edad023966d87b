"""The text of an attachment, for search: PDF, DOCX, ODT, XLSX, ODS and plain text.

Every reader is bounded (pages, characters, unpacked XML), so a hostile file costs
at most a few seconds. XML is parsed with the standard library's expat parser,
which never fetches external entities; documents that declare a DOCTYPE (the only
way to define entities) are refused outright, so entity expansion cannot happen
either. defusedxml is not installed and is not needed for that reason.
"""

import io
import zipfile
from xml.etree import ElementTree

MAX_PDF_PAGES = 500
MAX_CHARS = 2_000_000
# The most XML read from one office file, after unpacking.
MAX_XML_BYTES = 50 * 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
XLSX_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"


class ExtractionError(Exception):
    """The file could not be read for its text."""


def _bounded(text):
    # PostgreSQL text cannot hold NUL characters.
    return text[:MAX_CHARS].replace("\x00", "").strip()


def _read_member(archive, name):
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ExtractionError(f"{name} is missing") from None
    # The directory's size can lie: read one byte more than allowed to notice.
    with archive.open(info) as stream:
        data = stream.read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:
        raise ExtractionError(f"{name} unpacks to more than {MAX_XML_BYTES} bytes")
    return data


def _parse(xml):
    # Office files never declare a DOCTYPE; one that does may define entities.
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise ExtractionError("XML with a DOCTYPE or entities is refused")
    try:
        return ElementTree.fromstring(xml)  # noqa: S314 - no DOCTYPE, so no entities (above)
    except ElementTree.ParseError as error:
        raise ExtractionError(f"broken XML: {error}") from error


def _paragraphs(root, paragraph_tags, text_tag=None):
    """The text of each paragraph element, one per line."""
    lines = []
    for element in root.iter():
        if element.tag not in paragraph_tags:
            continue
        if text_tag:
            line = "".join(t.text or "" for t in element.iter(text_tag))
        else:
            line = "".join(element.itertext())
        if line.strip():
            lines.append(line)
    return "\n".join(lines)


def _pdf_text(data):
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ExtractionError("the PDF is encrypted")
        pages = []
        length = 0
        for page in reader.pages[:MAX_PDF_PAGES]:
            text = (page.extract_text() or "").strip()
            if text:
                pages.append(text)
                length += len(text)
            if length > MAX_CHARS:
                break
    except PyPdfError as error:
        raise ExtractionError(f"unreadable PDF: {error}") from error
    return "\n\n".join(pages)


def _office_text(data, media_type):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if media_type == DOCX:
                root = _parse(_read_member(archive, "word/document.xml"))
                return _paragraphs(root, {W + "p"}, W + "t")
            if media_type in (ODT, ODS):
                root = _parse(_read_member(archive, "content.xml"))
                return _paragraphs(root, {ODF_TEXT + "p", ODF_TEXT + "h"})
            # XLSX: the workbook's text lives in its shared strings.
            if "xl/sharedStrings.xml" not in archive.namelist():
                return ""
            root = _parse(_read_member(archive, "xl/sharedStrings.xml"))
            return _paragraphs(root, {XLSX_MAIN + "si"}, XLSX_MAIN + "t")
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        raise ExtractionError(f"unreadable archive: {error}") from error


def extract_text(data: bytes, media_type: str) -> str:
    """The readable text of a file's content, or "" for a file without text (images).

    Raises ExtractionError when a file of a type with text cannot be read.
    """
    if media_type == "application/pdf":
        return _bounded(_pdf_text(data))
    if media_type in (DOCX, XLSX, ODT, ODS):
        return _bounded(_office_text(data, media_type))
    if media_type == "text/plain":
        return _bounded(data[: MAX_CHARS * 4].decode("utf-8", "replace"))
    return ""
