"""Render the notice, the minutes and certified extracts as PDF/A-2a + PDF/UA-1.

Each document is a Typst template in paragraf/documents/typst/ that reads its
data as JSON from `sys.inputs`; Python only assembles that data (data.py), so
no text from users is ever parsed as markup.
"""

import hashlib
import json
import re
import threading
from pathlib import Path

import typst
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from paragraf.documents import data
from paragraf.documents.models import Rendition

TEMPLATES = Path(__file__).with_name("typst")
# Archive grade (PDF/A-2a) and accessible (PDF/UA-1) at once.
PDF_STANDARDS = ["a-2a", "ua-1"]
_local = threading.local()
# Characters no font of Typst's own has (emoji, rare scripts): PDF/A forbids a
# missing glyph, so they are shown as U+FFFD. Learnt from Typst's error, once.
REPLACEMENT = "\ufffd"
_MISSING_GLYPHS = re.compile(r'the text `"(.*?)"` could not be displayed')
_unrenderable = set()


def _compiler(template):
    """One Typst compiler per template and thread: fonts and parsed templates are
    kept between renders, which makes a second render several times faster."""
    compilers = getattr(_local, "compilers", None)
    if compilers is None:
        compilers = _local.compilers = {}
    if template not in compilers:
        compilers[template] = typst.Compiler(
            str(TEMPLATES / template), root=str(TEMPLATES), ignore_system_fonts=True
        )
    return compilers[template]


def _missing_characters(error):
    found = set()
    for text in _MISSING_GLYPHS.findall(str(error)):
        text = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), text)
        found |= {char for char in text if not char.isascii()}
    return found


def _scrub(value, table):
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, dict):
        return {key: _scrub(item, table) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, table) for item in value]
    return value


def compile_pdf(template, values, when=None):
    """The PDF bytes of `template` given `values` (JSON-ready data).

    Text with a character no font can show is rendered with U+FFFD in its place
    rather than failing: a title with an emoji must not stop the minutes.
    """
    while True:
        if _unrenderable:
            values = _scrub(values, {ord(char): REPLACEMENT for char in _unrenderable})
        try:
            return _compiler(template).compile(
                format="pdf",
                sys_inputs={"data": json.dumps(values, ensure_ascii=False)},
                pdf_standards=PDF_STANDARDS,
                timestamp=int(when.timestamp()) if when else None,
            )
        except typst.TypstError as error:
            missing = _missing_characters(error) - _unrenderable
            if not missing:
                raise
            _unrenderable.update(missing)


def render_notice(meeting, audience=Rendition.Audience.PUBLIC) -> bytes:
    """The notice (kallelse) with the numbered agenda."""
    values = data.notice_data(meeting, audience)
    return compile_pdf("notice.typ", values, meeting.notice_published_at)


def render_minutes(meeting, audience=Rendition.Audience.PUBLIC) -> bytes:
    """The minutes (protokoll); the public version leaves non-public § as numbers."""
    values = data.minutes_data(meeting, audience)
    return compile_pdf("minutes.typ", values, meeting.minutes_verified_at)


def render_extract(paragraph, audience=Rendition.Audience.PUBLIC) -> bytes:
    """A certified extract (protokollsutdrag) of one paragraph.

    Raises data.NotPublic for a non-public paragraph unless for members.
    """
    values = data.extract_data(paragraph, audience)
    return compile_pdf("extract.typ", values, paragraph.agenda_item.meeting.minutes_verified_at)


def _filename(meeting, kind, audience, paragraph, version):
    number = f"-p{paragraph.number}" if paragraph else ""
    return f"{meeting.committee.slug}-{meeting.slug}-{kind}{number}-{audience}-v{version}.pdf"


def store_rendition(meeting, kind, audience, pdf_bytes, paragraph=None, version=1):
    """Save a generated PDF as a Rendition with its size and SHA-512.

    A current rendition of the same meeting, kind, audience and paragraph with a
    lower version is marked replaced; it is kept, never deleted.
    """
    with transaction.atomic():
        older = list(
            Rendition.objects.select_for_update()
            .current()
            .filter(
                meeting=meeting,
                kind=kind,
                audience=audience,
                paragraph=paragraph,
                version__lt=version,
            )
            .values_list("pk", flat=True)
        )
        rendition = Rendition(
            meeting=meeting,
            kind=kind,
            audience=audience,
            paragraph=paragraph,
            version=version,
            size=len(pdf_bytes),
            sha512=hashlib.sha512(pdf_bytes).hexdigest(),
        )
        name = _filename(meeting, kind, audience, paragraph, version)
        rendition.file.save(name, ContentFile(pdf_bytes), save=False)
        rendition.save()
        Rendition.objects.filter(pk__in=older).update(replaced_at=timezone.now())
    return rendition
