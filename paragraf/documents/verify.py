"""Checking an uploaded PDF: is it an unaltered sealed document of this installation?"""

import hashlib
import io
import logging
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from paragraf.documents.certificates import seal_identity
from paragraf.documents.models import Rendition

logger = logging.getLogger(__name__)

MAX_UPLOAD_SIZE = 50 * 1024 * 1024


@dataclass
class Verdict:
    valid: bool
    message: str
    meeting: object = None
    version: int | None = None
    rendition: Rendition | None = None
    replaced: bool = False
    replaced_by: int | None = None


def verify_pdf(uploaded_bytes):
    """Say whether `uploaded_bytes` are exactly a sealed document of this
    installation (its SHA-512 is a stored sealed rendition's) AND carry an intact,
    trusted signature by the body covering the whole file. Never raises for bad
    input: every failure is a Verdict with a message for the visitor."""
    data = uploaded_bytes or b""
    if not data:
        return Verdict(False, _("Choose a PDF file to check."))
    if len(data) > MAX_UPLOAD_SIZE:
        return Verdict(False, _("The file is too large to check (at most 50 MB)."))
    rendition = (
        Rendition.objects.filter(sha512=hashlib.sha512(data).hexdigest(), sealed_at__isnull=False)
        .select_related("meeting__committee__body")
        .first()
    )
    signatures = _signatures(data)
    if signatures is None:
        return Verdict(False, _("The file is not a PDF document that can be read."))
    if not signatures:
        return Verdict(
            False,
            _(
                "The document has no electronic seal, so it cannot be shown to be an "
                "official document. Download the sealed minutes from the meeting page."
            ),
        )
    if rendition is None or not _sealed_by_us(signatures):
        return Verdict(
            False,
            _(
                "The document is NOT an unaltered official document of this website: it "
                "has been changed after it was sealed, or it was not sealed here."
            ),
        )
    return _authentic(rendition)


def _signatures(data):
    """The embedded signatures, or None when the bytes are not a readable PDF."""
    if b"%PDF-" not in data[:1024]:
        return None
    try:
        return list(PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures)
    except Exception:  # a damaged file may fail anywhere in the parser
        logger.info("Uploaded file could not be read as a PDF", exc_info=True)
        return None


def _sealed_by_us(signatures):
    """The last signature is ours, intact, trusted, and covers the entire file."""
    identity = seal_identity()
    context = ValidationContext(trust_roots=list(identity.trust_roots), allow_fetching=False)
    try:
        status = validate_pdf_signature(signatures[-1], context)
    except Exception:
        logger.info("Signature of an uploaded PDF could not be validated", exc_info=True)
        return False
    return (
        status.intact
        and status.valid
        and status.trusted
        and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        and status.docmdp_ok is not False
    )


def _authentic(rendition):
    meeting = rendition.meeting
    values = {
        "body": meeting.committee.body.name,
        "committee": meeting.committee.name,
        "date": date_format(timezone.localtime(meeting.start).date(), "j F Y"),
        "version": rendition.version,
    }
    message = (
        _(
            "The document is an unaltered official document of %(body)s: minutes of "
            "%(committee)s %(date)s, version %(version)s."
        )
        % values
    )
    verdict = Verdict(True, message, meeting, rendition.version, rendition)
    if rendition.replaced_at is not None:
        newest = (
            Rendition.objects.filter(
                meeting=meeting,
                kind=rendition.kind,
                audience=rendition.audience,
                paragraph=rendition.paragraph_id,
                sealed_at__isnull=False,
                replaced_at__isnull=True,
            )
            .order_by("-version")
            .first()
        )
        verdict.replaced = True
        verdict.replaced_by = newest.version if newest else None
        if newest:
            verdict.message += " " + _(
                "This version has been replaced: the current minutes are version %(number)s."
            ) % {"number": newest.version}
        else:
            verdict.message += " " + _("This version has been replaced.")
    return verdict
