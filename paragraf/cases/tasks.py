"""Background work on documents, run by the task worker (`manage.py db_worker`)."""

import logging

from django.conf import settings
from django_tasks import task

from paragraf.cases.extraction import extract_text
from paragraf.cases.models import Document

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id):
    """Extract a stored document's text for search and record how it went.

    The status becomes "klar" (text found), "ingen" (nothing to extract, e.g. an
    image) or "fel". A file that cannot be read never fails the task: the error is
    logged and the document, which stays stored, is marked "fel".
    """
    document = Document.all_objects.filter(pk=document_id).first()
    if document is None:
        logger.warning("Document %s is gone; no text extracted", document_id)
        return None
    try:
        with document.file.open("rb") as handle:
            data = handle.read(settings.FILE_UPLOAD_MAX_SIZE + 1)
        text = extract_text(data, document.media_type)
    except Exception:
        logger.exception("Text extraction failed for document %s", document_id)
        document.text = ""
        document.text_status = Document.TextStatus.FAILED
    else:
        document.text = text
        document.text_status = Document.TextStatus.DONE if text else Document.TextStatus.NONE
    document.save(update_fields=["text", "text_status", "modified"])
    return document.text_status
