"""Uploads that try to be two things at once, or hide active content where a scan
of the raw bytes does not look, are refused; what is stored is served so that a
browser cannot take it for a page of this site."""

import binascii
import io
import struct
import zlib

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from paragraf import factories
from paragraf.cases import services
from paragraf.cases.models import Document
from paragraf.factories import MINIMAL_PDF

GIF_JS = b"GIF89a/*\x01\x00\x01\x00\x00\xff\x00,*/=1;alert(document.domain)//"
HTML = b"<!DOCTYPE html><html><script>alert(document.domain)</script></html>"
JS_ACTION = b"<</S/JavaScript/JS(app.alert(1))>>"


def pdf_with_object_stream(filters, encode):
    """A valid PDF whose catalog opens with an action stored in an object stream,
    encoded with `filters`: the action's /JS never appears in the raw bytes."""
    inner = b"5 0 " + JS_ACTION
    first = len(b"5 0 ")
    data = encode(inner)
    parts = [b"%PDF-1.5\n"]
    offsets = {}
    objects = [
        b"<</Type/Catalog/Pages 2 0 R/OpenAction 5 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<<>>>>",
    ]
    for number, body in enumerate(objects, start=1):
        offsets[number] = sum(map(len, parts))
        parts.append(b"%d 0 obj%sendobj\n" % (number, body))
    offsets[4] = sum(map(len, parts))
    parts.append(
        b"4 0 obj<</Type/ObjStm/N 1/First %d/Filter%s/Length %d>>stream\n%s\nendstream endobj\n"
        % (first, filters, len(data), data)
    )
    offsets[6] = sum(map(len, parts))
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 1, offsets[n], 0) for n in (1, 2, 3, 4)]
    rows += [struct.pack(">BIH", 2, 4, 0), struct.pack(">BIH", 1, offsets[6], 0)]
    table = b"".join(rows)
    parts.append(
        b"6 0 obj<</Type/XRef/Size 7/W[1 4 2]/Root 1 0 R/Length %d>>stream\n%s\nendstream endobj\n"
        % (len(table), table)
    )
    parts.append(b"startxref\n%d\n%%%%EOF\n" % offsets[6])
    return b"".join(parts)


def hex_encode(data):
    return binascii.hexlify(data) + b">"


def twice_deflated(data):
    return zlib.compress(zlib.compress(data))


HIDDEN = {
    "hex": (b"/ASCIIHexDecode", hex_encode),
    "deflated twice": (b"[/FlateDecode/FlateDecode]", twice_deflated),
    "ascii85": (b"/ASCII85Decode", lambda d: __import__("base64").a85encode(d) + b"~>"),
}


@pytest.fixture
def case(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    body = factories.body()
    return factories.case(body, committee=factories.committee(body))


def upload(case, name, content, public=False):
    file = SimpleUploadedFile(name, content)
    return services.add_document(case, file, "Bilaga", public, by=None)


def refusal(case, name, content):
    with pytest.raises(ValidationError) as error:
        upload(case, name, content)
    assert Document.objects.count() == 0
    return " ".join(error.value.messages)


@pytest.mark.parametrize("kind", list(HIDDEN))
def test_javascript_in_an_object_stream_with_another_filter_is_refused(case, kind):
    filters, encode = HIDDEN[kind]
    pdf = pdf_with_object_stream(filters, encode)
    assert b"JavaScript" not in pdf and b"/JS" not in pdf
    with pikepdf.open(io.BytesIO(pdf)) as opened:  # a reader would run it
        assert pikepdf.Name.JavaScript == opened.Root.OpenAction.S
    assert "PDF-filen innehåller aktivt innehåll" in refusal(case, "beslut.pdf", pdf)


@pytest.mark.parametrize("name", ["bild.png", "bild.jpg", "anteckning.txt", "beslut.pdf"])
def test_a_gif_that_is_also_javascript_is_refused_under_any_name(case, name):
    refusal(case, name, GIF_JS)


@pytest.mark.parametrize("name", ["beslut.pdf", "beslut.txt", "beslut.docx", "beslut.png"])
def test_html_is_refused_whatever_its_name(case, name):
    refusal(case, name, HTML)
    refusal(case, name, b"\xef\xbb\xbf  " + HTML)  # with a byte order mark and spaces


def test_svg_and_xml_named_txt_are_refused(case):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert "inte ren text" in refusal(case, "bild.txt", svg)
    assert "inte ren text" in refusal(case, "data.txt", b'<?xml version="1.0"?>' + svg)


def test_plain_text_that_mentions_html_is_still_text(case):
    text = "Protokollet finns också som <html>-sida på webbplatsen.\n".encode()
    assert upload(case, "anteckning.txt", text).media_type == "text/plain"


def test_html_after_a_pdf_is_served_as_a_pdf_that_the_browser_may_not_sniff(case, client):
    polyglot = MINIMAL_PDF + HTML
    document = upload(case, "beslut.pdf", polyglot, public=True)
    meeting = factories.meeting(case.committee, state="kallat")
    factories.attach(factories.item(meeting, case=case), document)
    response = client.get(f"/handlingar/{document.pk}/{document.filename}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_an_oversized_upload_is_refused_before_it_is_read(case, settings):
    settings.FILE_UPLOAD_MAX_SIZE = 1024
    message = refusal(case, "stor.pdf", MINIMAL_PDF + b"%" + b" " * 2048)
    assert "Filen är för stor" in message


@pytest.mark.parametrize(
    "name", ["../../../../tmp/ond.pdf", "..\\..\\ond.pdf", "/etc/ond.pdf", "ond\x00.pdf"]
)
def test_a_file_name_cannot_place_the_file_outside_the_storage(case, settings, name):
    try:
        document = upload(case, name, MINIMAL_PDF)
    except ValidationError:
        return  # refused is fine too
    path = document.file.path
    assert path.startswith(str(settings.MEDIA_ROOT)), path
    assert ".." not in document.file.name and "/" not in document.filename
