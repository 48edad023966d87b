"""Uploads are checked by their content, not by their name: only the kinds of file a
committee works with, no active content, no archives that unpack to more than they say."""

import io
import re
import zipfile
import zlib
from pathlib import PurePath

import filetype
import pikepdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "txt": "text/plain",
}
# Office files are ZIP archives; each must hold the member that makes it one.
ZIP_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "odt": "mimetype",
    "ods": "mimetype",
}
# A ZIP that unpacks to more than this is refused (a zip bomb).
ZIP_MAX_UNCOMPRESSED = 200 * 1024 * 1024
ZIP_MAX_MEMBERS = 10_000
# PDF actions that run code or programs when the file is opened.
PDF_FORBIDDEN_NAMES = {"JavaScript", "JS", "Launch"}
PDF_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
MARKUP_START = re.compile(r"<(!doctype|html|head|body|script|svg|\?xml|iframe)\b", re.I)
PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n(.*?)endstream", re.DOTALL)


def _refuse(message, **params):
    raise ValidationError(message % params if params else message, code="refused_file")


def _read_all(uploaded_file):
    uploaded_file.seek(0)
    data = b"".join(uploaded_file.chunks())
    uploaded_file.seek(0)
    return data


def _check_zip(uploaded_file, extension):
    try:
        archive = zipfile.ZipFile(uploaded_file)
    except (zipfile.BadZipFile, OSError, ValueError):
        _refuse(_("The file is not a valid %(ext)s file."), ext=extension.upper())
    with archive:
        members = archive.infolist()
        names = {member.filename for member in members}
        if len(members) > ZIP_MAX_MEMBERS or ZIP_MEMBERS[extension] not in names:
            _refuse(_("The file is not a valid %(ext)s file."), ext=extension.upper())
        too_big = _("The file unpacks to more than %(max)s and is refused.")
        if sum(member.file_size for member in members) > ZIP_MAX_UNCOMPRESSED:
            _refuse(too_big, max=filesizeformat(ZIP_MAX_UNCOMPRESSED))
        # The sizes in the directory can lie: count what really comes out.
        total = 0
        try:
            for member in members:
                with archive.open(member) as stream:
                    while chunk := stream.read(1024 * 1024):
                        total += len(chunk)
                        if total > ZIP_MAX_UNCOMPRESSED:
                            _refuse(too_big, max=filesizeformat(ZIP_MAX_UNCOMPRESSED))
            if extension in ("odt", "ods"):
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                if declared != ALLOWED_TYPES[extension]:
                    _refuse(_("The file is not a valid %(ext)s file."), ext=extension.upper())
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
            _refuse(_("The file is not a valid %(ext)s file."), ext=extension.upper())
    uploaded_file.seek(0)


def _pdf_streams(data):
    """The unpacked content of the PDF's deflated streams, bounded like a ZIP's.

    Object streams (/ObjStm) can hide actions from a scan of the raw bytes.
    """
    budget = ZIP_MAX_UNCOMPRESSED
    for match in PDF_STREAM.finditer(data):
        unpacker = zlib.decompressobj()
        try:
            content = unpacker.decompress(match.group(1), budget + 1)
        except zlib.error:
            continue  # not deflated, or damaged: its raw bytes were scanned already
        budget -= len(content)
        if budget < 0:
            _refuse(
                _("The file unpacks to more than %(max)s and is refused."),
                max=filesizeformat(ZIP_MAX_UNCOMPRESSED),
            )
        yield content


def _refuse_active_pdf_names(data):
    for match in PDF_NAME.finditer(data):
        # Names may hide letters as #xx escapes (/J#61vaScript).
        name = PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group(1))
        if name.decode("latin-1") in PDF_FORBIDDEN_NAMES:
            _refuse(
                _("The PDF contains active content (%(name)s) and is refused."),
                name="/" + name.decode("latin-1"),
            )


def _check_pdf(uploaded_file):
    data = _read_all(uploaded_file)
    if not data.startswith(b"%PDF"):
        _refuse(_("The file is not a valid %(ext)s file."), ext="PDF")
    _refuse_active_pdf_names(data)
    for content in _pdf_streams(data):
        _refuse_active_pdf_names(content)
    _refuse_unreadable_pdf(data)


def _refuse_unreadable_pdf(data):
    """Refuse a PDF that is encrypted or that qpdf cannot read even after repair.

    A damaged cross-reference table, which qpdf repairs silently, is common in
    files from scanners and is accepted; a file with no readable document is not.
    Encryption keeps the text from search and the file from being merged into
    the meeting's documents, so it is refused even without a user password.
    """
    encrypted = _(
        "The PDF is encrypted or password-protected and is refused. "
        "Save it again without a password and upload it again."
    )
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                _refuse(encrypted)
            if len(pdf.pages) == 0:
                raise pikepdf.PdfError("no pages")
            _refuse_active_pdf_objects(pdf)
    except pikepdf.PasswordError:
        _refuse(encrypted)
    except (pikepdf.PdfError, ValueError, RecursionError):
        _refuse(
            _(
                "The PDF is damaged and cannot be read. "
                "Save or export it again and upload the new file."
            )
        )


def _refuse_active_pdf_objects(pdf):
    """Every object as a reader sees it: object streams with filters the byte scan
    does not unpack (hex, ASCII85, deflated twice) can hide an action there."""
    containers = (pikepdf.ObjectType.dictionary, pikepdf.ObjectType.stream)
    for obj in pdf.objects:
        if obj._type_code not in containers:
            continue
        names = set(obj.keys()) | {str(obj.get("/S", ""))}
        for name in sorted(names & {"/" + name for name in PDF_FORBIDDEN_NAMES}):
            _refuse(_("The PDF contains active content (%(name)s) and is refused."), name=name)


def _check_text(uploaded_file):
    data = _read_all(uploaded_file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _refuse(_("A text file must be saved as UTF-8."))
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        _refuse(_("The file is not plain text."))
    # HTML, SVG or XML renamed .txt: a browser that sniffs could run it.
    if MARKUP_START.match(text.lstrip("\ufeff \t\r\n")):
        _refuse(_("The file is not plain text."))


def check_upload(uploaded_file):
    """Refuse a file unless its content is an allowed type matching its name.

    Returns the file's extension. Raises ValidationError with a Swedish reason.
    """
    if uploaded_file.size > settings.FILE_UPLOAD_MAX_SIZE:
        _refuse(
            _("The file is too large: at most %(max)s is allowed."),
            max=filesizeformat(settings.FILE_UPLOAD_MAX_SIZE),
        )
    if not uploaded_file.size:
        _refuse(_("The file is empty."))
    extension = PurePath(uploaded_file.name or "").suffix.lower().lstrip(".")
    if extension not in ALLOWED_TYPES:
        _refuse(
            _(
                "Files of this type cannot be uploaded. Allowed: PDF, DOCX, XLSX, ODT, ODS, "
                "PNG, JPEG and plain text."
            )
        )
    uploaded_file.seek(0)
    kind = filetype.guess(uploaded_file.read(8192))
    uploaded_file.seek(0)
    detected = kind.mime if kind else "text/plain"
    if detected != ALLOWED_TYPES[extension]:
        _refuse(
            _(
                "The file's name ends in .%(ext)s but its content is something else. "
                "Upload the right file or give it the right name."
            ),
            ext=extension,
        )
    if extension in ZIP_MEMBERS:
        _check_zip(uploaded_file, extension)
    elif extension == "pdf":
        _check_pdf(uploaded_file)
    elif extension == "txt":
        _check_text(uploaded_file)
    return extension
