"""Cases: registering them with a case number, attaching checked documents,
and reporting delegated decisions to the committee."""

import datetime
import hashlib
import re
import zipfile
import zlib
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from paragraf.cases.models import Case, CaseSequence, Document
from paragraf.core.audit import acting_as
from paragraf.meetings.models import AgendaItem
from paragraf.meetings.models.lock import MinutesLocked

REPORTED_ITEM_TITLE = "Anmälningsärenden"
DOUBLE_SUBMIT_WINDOW = datetime.timedelta(minutes=1)

# Extension -> the media type its content must have.
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
PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n(.*?)endstream", re.DOTALL)


def _locked_sequence(body_id, year):
    """The body's case sequence for the year, locked until the transaction ends."""
    try:
        # A savepoint, so losing the race for a year's first row does not break
        # the caller's transaction.
        with transaction.atomic():
            CaseSequence.objects.get_or_create(body_id=body_id, year=year)
    except IntegrityError:
        pass  # another registration created it first; lock theirs below
    return CaseSequence.objects.select_for_update().get(body_id=body_id, year=year)


def register_case(body, committee, title, *, by, description="", proposed_decision="",
                  case_officer=None, is_public=True, year=None):  # fmt: skip
    """Register a case with the next case number of the body's year.

    The number comes from the body's format (Body.case_number_format) and the
    year's sequence, taken while its row is locked, so two registrations never
    share a number. The same case registered again within a minute (a form
    sent twice) returns the first one. A number already used (typed in by hand earlier) is a
    ValidationError, never silently skipped.
    """
    year = year or timezone.localdate().year
    with transaction.atomic(), acting_as(by):
        sequence = _locked_sequence(body.pk, year)
        # A form sent twice (a double click) registers one case, not two.
        twin = Case.objects.filter(
            body=body,
            committee=committee,
            title=title,
            description=description,
            created__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
        ).first()
        if twin is not None:
            return twin
        sequence.last += 1
        reference = body.format_case_number(year, sequence.last)
        if Case.all_objects.filter(body=body, reference=reference).exists():
            raise ValidationError(
                _("The case number %(reference)s is already used. Ask an administrator.")
                % {"reference": reference}
            )
        sequence.save(update_fields=["last"])
        return Case.objects.create(
            body=body,
            committee=committee,
            reference=reference,
            title=title,
            description=description,
            proposed_decision=proposed_decision,
            case_officer=case_officer,
            is_public=is_public,
        )


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


def _check_text(uploaded_file):
    data = _read_all(uploaded_file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _refuse(_("A text file must be saved as UTF-8."))
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
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


def add_document(case, uploaded_file, title, is_public, *, by):
    """Check an uploaded file by its content and store it as a document of the case.

    The same file under the same title on the same case is stored once: a form
    sent twice returns the document already stored.
    """
    check_upload(uploaded_file)
    filename = get_valid_filename(PurePath(uploaded_file.name).name)[:200]
    digest = hashlib.sha512()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    with transaction.atomic(), acting_as(by):
        twin = Document.objects.filter(case=case, title=title, sha512=digest.hexdigest()).first()
        if twin is not None:
            return twin
        document = Document(title=title, filename=filename, case=case, is_public=is_public)
        document.file.save(filename, uploaded_file, save=False)
        document.save()
    return document


def set_document_public(document, is_public, *, by):
    """Mark a document public or not public (after its review for personal data)."""
    with transaction.atomic(), acting_as(by):
        document.is_public = is_public
        document.save(update_fields=["is_public", "modified"])
    return document


def reported_decisions_text(decisions):
    """The Anmälningsärenden list in the seed's style, one numbered line per decision."""
    lines = []
    for n, decision in enumerate(decisions, start=1):
        line = (
            f"{n}. Beslut av {decision.decided_by} enligt punkt {decision.rule} "
            f"i nämndens delegationsordning – {decision.title}"
        )
        if decision.case_id:
            line += f" diarienummer {decision.case.reference}"
        lines.append(line)
    return "Anmälningsärenden:\n\n" + "\n".join(lines)


def report_delegated_decisions(meeting, decisions, *, by):
    """Report delegated decisions at a meeting: fill its "Anmälningsärenden" item.

    The item is found by its title or created after the last item. Decisions
    already reported at this item are kept in the list; a decision reported at
    another item, or of another committee, is refused; so is a meeting whose
    minutes are verified (MinutesLocked). Reporting the same decisions again
    changes nothing.
    """
    from paragraf.cases.models import DelegatedDecision

    with transaction.atomic(), acting_as(by):
        if meeting.minutes_locked:
            raise MinutesLocked()
        pks = [decision.pk for decision in decisions]
        chosen = list(
            DelegatedDecision.objects.select_for_update().filter(pk__in=pks).order_by("pk")
        )
        if not chosen:
            raise ValidationError(_("Choose at least one decision to report."))
        item = meeting.items.filter(title=REPORTED_ITEM_TITLE).order_by("position").first()
        for decision in chosen:
            if decision.committee_id != meeting.committee_id:
                raise ValidationError(
                    _("“%(title)s” was not decided under this committee's delegation.")
                    % {"title": decision.title}
                )
            if decision.reported_at_id and (item is None or decision.reported_at_id != item.pk):
                raise ValidationError(
                    _("“%(title)s” has already been reported at another meeting.")
                    % {"title": decision.title}
                )
        if item is None:
            last = AgendaItem.all_objects.filter(meeting=meeting).aggregate(Max("position"))
            position = (last["position__max"] or 0) + 1
            item = AgendaItem.objects.create(
                meeting=meeting,
                position=position,
                number=str(position),
                title=REPORTED_ITEM_TITLE,
                state=AgendaItem.State.ON_AGENDA,
            )
        for decision in chosen:
            decision.reported_at = item
            decision.save(update_fields=["reported_at", "modified"])
        rewrite_reported_item(item)
    return item


def rewrite_reported_item(item):
    """Write the item's summary again from the decisions reported at it
    (after one of them was edited). Refused once the minutes are verified."""
    from paragraf.cases.models import DelegatedDecision

    with transaction.atomic():
        listed = (
            DelegatedDecision.objects.filter(reported_at=item)
            .select_related("case")
            .order_by("decided_on", "pk")
        )
        item.summary = reported_decisions_text(listed)
        item.save()
    return item
