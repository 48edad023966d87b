"""Paper and File: our Case and Document.

A file is downloaded, checked by its content as an upload is
(paragraf.cases.uploads), stored, and its text extracted for search.
"""

import hashlib
import logging
from pathlib import PurePath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.text import get_valid_filename

from paragraf.api.importer.values import Malformed
from paragraf.cases.extraction import ExtractionError, extract_text
from paragraf.cases.models import Case, Document
from paragraf.cases.uploads import ALLOWED_TYPES, check_upload
from paragraf.meetings.models import AgendaItem, correcting

logger = logging.getLogger("paragraf.api.importer")


def paper(runner, reader):
    body = runner.current_body()
    record = runner.index.find(reader.id, Case) or Case(body=body)
    reference = reader.text("reference", 50)
    if not reference:
        reference = f"OParl {hashlib.sha256(reader.id.encode()).hexdigest()[:10]}"
    clash = Case.all_objects.filter(body=record.body, reference=reference).exclude(pk=record.pk)
    if clash.exists():
        raise Malformed(f"the reference {reference} is used by another case")
    record.reference = reference
    record.title = reader.text("name", 300) or reference
    status = reader.text("paragraf:status", 100)
    if status in Case.Status.values:
        record.status = status
    record.is_public = True
    created = reader.moment("created") or reader.moment("date")
    if created is not None:
        record.created = created
    record.deleted_at = None
    record.save()
    for data in files_of(reader, "mainFile", "auxiliaryFile"):
        runner.one("File", data, lambda r, f: file(r, f, case=record))
    for data in reader.objects("consultation"):
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            runner.index.remember(data["id"], "Consultation", record, "")
            _consulted(runner, data.get("agendaItem"), record)
    return record


def files_of(reader, single, many):
    """The File objects of `single` (one File) and `many` (a list of them)."""
    first = reader.get(single)
    return ([first] if isinstance(first, dict) else []) + reader.objects(many)


def _consulted(runner, url, case):
    """The item that consults the paper, when it was imported before it."""
    if not isinstance(url, str):
        return
    item = runner.index.find(url, AgendaItem)
    if item is not None and item.case_id != case.pk:
        with correcting(item.meeting):
            item.case = case
            item.save()


def _filename(reader, url):
    name = reader.text("fileName", 10_000)
    if not name:
        name = unquote(PurePath(urlsplit(url).path).name)
    name = get_valid_filename(name.replace("/", "_")) if name.strip(" ._") else ""
    if not name:
        raise Malformed("no file name")
    if len(name) > 200:
        stem, suffix = PurePath(name).stem, PurePath(name).suffix[:20]
        name = stem[: 200 - len(suffix)] + suffix
    return name


def file(runner, reader, case=None):
    url = reader.url("accessUrl") or reader.url("downloadUrl")
    if not url:
        raise Malformed("no accessUrl")
    filename = _filename(reader, url)
    record = runner.index.find(reader.id, Document)
    checksum = reader.text("sha512Checksum", 128).lower()
    if record is None or not checksum or checksum != record.sha512:
        content = runner.fetcher.download(url, settings.FILE_UPLOAD_MAX_SIZE)
        extension = check_upload(ContentFile(content, name=filename))
        actual = hashlib.sha512(content).hexdigest()
        if checksum and checksum != actual:
            raise Malformed("the downloaded file does not match its sha512Checksum")
        record = record or Document()
        record.sha512 = ""  # described again from the new content
        record.filename = filename
        record.file.save(filename, ContentFile(content), save=False)
        runner.stored(record.file.name)
        _extract(record, content, ALLOWED_TYPES[extension])
    record.title = reader.text("name", 300) or filename
    if case is not None:
        record.case = case
    record.is_public = True
    reader.keep_created(record)
    record.deleted_at = None
    record.save()
    return record


def _extract(record, content, media_type):
    """The text, for search; size, checksum and type are found by Document.save()."""
    try:
        record.text = extract_text(content, media_type)
    except Exception as error:  # a file that cannot be read keeps no text, as in tasks.py
        if not isinstance(error, ExtractionError):
            logger.exception("Text extraction failed for %s", record.filename)
        record.text = ""
        record.text_status = Document.TextStatus.FAILED
    else:
        record.text_status = Document.TextStatus.DONE if record.text else Document.TextStatus.NONE
